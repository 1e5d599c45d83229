// Bundles the five entry points into dist/. tsc only type-checks (npm run typecheck); esbuild only bundles.
//   node esbuild.mjs               one development build (sourcemaps)
//   node esbuild.mjs --production  minified, for the .vsix
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const shebang = { js: '#!/usr/bin/env node' };

/** @type {import('esbuild').BuildOptions} */
const nodeDefaults = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  // Prefer packages' ES module builds: jsonc-parser's UMD build hides its requires from the bundler.
  mainFields: ['module', 'main'],
  // The version printed by `stepwise --version` and reported by the servers.
  define: { 'process.env.STEPWISE_VERSION': JSON.stringify(version) },
};

/** ELK's script, copied next to the CLI bundle (see lazyElk). */
const ELK_FILE = 'elk.bundled.js';

/**
 * `stepwise graph` lays graphs out with ELK, a 3.4 MB script. Bundled into cli.js, it made every
 * `stepwise` command spend ~150 ms parsing it (`stepwise run` of a small workflow: ~320 ms ->
 * ~170 ms without it). The CLI gets a stand-in that loads the real script, copied into dist/,
 * when a graph is first laid out.
 */
function lazyElk() {
  return {
    name: 'lazy-elk',
    setup(build) {
      build.onResolve({ filter: /^elkjs\/lib\/elk\.bundled\.js$/ }, () => ({
        path: 'elk',
        namespace: 'lazy-elk',
      }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-elk' }, () => ({
        contents: `module.exports = function ELK(options) {
          const loaded = require('./${ELK_FILE}');
          return new (loaded.default ?? loaded)(options);
        };`,
        loader: 'js',
      }));
      build.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        // This bundle is built with write: false, and on a fresh clone no other build may have
        // made dist/ yet when this one ends.
        await mkdir('dist', { recursive: true });
        await copyFile(new URL(`./node_modules/elkjs/lib/${ELK_FILE}`, import.meta.url), `dist/${ELK_FILE}`);
      });
    },
  };
}

/**
 * Some bundles run behind a small launcher that keeps their code in V8's code cache
 * (server/src/launcher/codeCache.ts), so that a process skips compiling a megabyte of code:
 * `stepwise` is dist/cli.js running dist/cliMain.js, the language server dist/server.js running
 * dist/serverMain.js. A cache must only ever serve the bundle it was made from, so the launcher
 * is built after its bundle, with the bundle's hash written in as STEPWISE_BUNDLE_HASH.
 */
function launcher(entryPoint, name) {
  return {
    name: 'launcher',
    setup(build) {
      build.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        // The bundle is built with write: false, so that the hash is that of exactly what is written.
        await Promise.all(
          result.outputFiles.map(async (file) => {
            await mkdir(dirname(file.path), { recursive: true });
            await writeFile(file.path, file.contents);
          }),
        );
        const bundle = result.outputFiles.find((file) => file.path.endsWith('.js'));
        if (bundle === undefined) throw new Error(`the bundle of ${entryPoint} wrote no .js file`);
        // The launcher reads the bundle as Latin-1 (faster than UTF-8): only right for ASCII.
        if (bundle.contents.some((byte) => byte > 0x7f)) throw new Error(`${bundle.path} is not ASCII`);
        const contentHash = createHash('sha256').update(bundle.contents).digest('hex').slice(0, 16);
        await esbuild.build({
          ...nodeDefaults,
          entryPoints: { [name]: entryPoint },
          outdir: 'dist',
          banner: shebang,
          define: { ...nodeDefaults.define, STEPWISE_BUNDLE_HASH: JSON.stringify(contentHash) },
        });
      });
    },
  };
}

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    ...nodeDefaults,
    entryPoints: { extension: 'client/src/extension.ts' },
    external: ['vscode'],
  },
  {
    ...nodeDefaults,
    entryPoints: { serverMain: 'server/src/server.ts' },
    write: false,
    plugins: [launcher('server/src/launcher/languageServer.ts', 'server')],
  },
  { ...nodeDefaults, entryPoints: { debugAdapter: 'server/src/debug/main.ts' }, banner: shebang },
  {
    ...nodeDefaults,
    entryPoints: { cliMain: 'server/src/cli/main.ts' },
    write: false,
    plugins: [lazyElk(), launcher('server/src/cli/launch.ts', 'cli')],
    external: [`./${ELK_FILE}`],
  },
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: production ? false : 'inline',
    minify: production,
    logLevel: 'warning',
    entryPoints: { webview: 'client/src/preview/webview/main.ts' },
  },
  {
    // The graph preview's layout worker (ELK), started by the page from a blob.
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: false,
    minify: production,
    logLevel: 'warning',
    entryPoints: { layoutWorker: 'client/src/preview/webview/layoutWorker.ts' },
  },
];

/** Prints errors in the `file:line:col: error: message` form VS Code's problem matchers read. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      if (!watch) return; // esbuild's own log prints errors of a single build
      for (const { text, location } of result.errors) {
        if (location) console.error(`${location.file}:${location.line}:${location.column}: error: ${text}`);
        else console.error(`error: ${text}`);
      }
      console.log('[watch] build finished');
    });
  },
};

const contexts = await Promise.all(
  builds.map((options) =>
    esbuild.context({ ...options, outdir: 'dist', plugins: [problemMatcher, ...(options.plugins ?? [])] }),
  ),
);
if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  try {
    await Promise.all(contexts.map((context) => context.rebuild()));
  } catch {
    process.exitCode = 1;
  } finally {
    await Promise.all(contexts.map((context) => context.dispose()));
  }
}
