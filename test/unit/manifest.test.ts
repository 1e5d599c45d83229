import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';

const root = path.join(__dirname, '..', '..');

interface Manifest {
  main: string;
  bin: Record<string, string>;
  activationEvents: string[];
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language?: string; scopeName: string; path: string; injectTo?: string[] }[];
    commands: { command: string; title: string; category: string }[];
    debuggers: {
      type: string;
      languages: string[];
      configurationAttributes: { launch: { properties: Record<string, unknown> } };
    }[];
    configuration: { properties: Record<string, unknown> };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;

function readJson(relative: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(root, relative), 'utf8')) as unknown;
}

describe('package.json manifest', () => {
  test('the two ASL languages with their extensions and configuration files', () => {
    assert.deepEqual(
      manifest.contributes.languages.map((l) => [l.id, l.extensions]),
      [
        ['asl', ['.asl.json', '.asl']],
        ['asl-yaml', ['.asl.yaml', '.asl.yml']],
      ],
    );
    for (const language of manifest.contributes.languages) {
      assert.ok(readJson(language.configuration), `${language.configuration} is JSON`);
    }
  });

  test('every grammar file exists, is JSON and declares the scope the manifest names', () => {
    for (const grammar of manifest.contributes.grammars) {
      const content = readJson(grammar.path) as { scopeName?: string };
      assert.equal(content.scopeName, grammar.scopeName, grammar.path);
    }
    const injection = manifest.contributes.grammars.find((g) => g.injectTo !== undefined);
    assert.deepEqual(injection?.injectTo, ['source.asl.json', 'source.asl.yaml']);
  });

  test('commands are in the Stepwise category and the extension registers each of them', () => {
    const clientSource = readAll(path.join(root, 'client', 'src'));
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, 'Stepwise');
      assert.ok(
        clientSource.includes(`'${command.command}'`),
        `${command.command} is registered in client/src`,
      );
    }
  });

  test('activation on both languages and on the debugger', () => {
    for (const event of ['onLanguage:asl', 'onLanguage:asl-yaml', 'onDebugResolve:stepwise']) {
      assert.ok(manifest.activationEvents.includes(event), event);
    }
  });

  test('settings live under stepwise.*', () => {
    const keys = Object.keys(manifest.contributes.configuration.properties);
    assert.ok(keys.includes('stepwise.validation.enable'));
    assert.ok(keys.includes('stepwise.trace.server'));
    assert.ok(keys.every((k) => k.startsWith('stepwise.')));
  });

  test('bins and main point at the bundles esbuild writes, and the bins are executable scripts', () => {
    const built = fs.readFileSync(path.join(root, 'esbuild.mjs'), 'utf8');
    assert.equal(manifest.main, './dist/extension.js');
    assert.match(built, /extension: 'client\/src\/extension\.ts'/);
    assert.deepEqual(manifest.bin, {
      stepwise: 'dist/cli.js',
      'stepwise-language-server': 'dist/server.js',
      'stepwise-debug-adapter': 'dist/debugAdapter.js',
    });
    for (const file of Object.values(manifest.bin)) {
      const bundle = path.join(root, file);
      if (fs.existsSync(bundle))
        assert.ok(fs.readFileSync(bundle, 'utf8').startsWith('#!/usr/bin/env node'), file);
    }
  });

  test('the .vsix holds only what runs: bundles and their stylesheets, grammars, language configurations, manifest, README and its pictures, LICENSE', () => {
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const listing = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(listing.status, 0, listing.stderr);
    const files = listing.stdout.split('\n').filter(Boolean);
    assert.ok(files.includes('package.json') && files.includes('README.md') && files.includes('LICENSE'));
    assert.ok(files.some((f) => f.startsWith('syntaxes/')));
    // The preview's stylesheet: without it the packaged graph drew black boxes (found in a real VS Code).
    assert.ok(files.includes('dist/webview.css'), 'the preview stylesheet is packaged');
    const allowed =
      /^(dist\/[^/]+\.(?:js|css)|syntaxes\/[^/]+\.json|client\/language-configuration\/[^/]+\.json|docs\/images\/[^/]+\.png|package\.json|README\.md|LICENSE)$/;
    assert.deepEqual(
      files.filter((f) => !allowed.test(f)),
      [],
    );
  });
});

function readAll(dir: string): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return readAll(full);
      return entry.name.endsWith('.ts') ? fs.readFileSync(full, 'utf8') : '';
    })
    .join('\n');
}
