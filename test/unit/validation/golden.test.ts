import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { validate } from '../../../server/src/asl';
import { RULES } from '../../../server/src/asl/rules/registry';
import { assertGolden } from '../../support/golden';
import { renderDiagnostics } from '../asl/render';
import { FIXTURES, parseFile } from './support';

const fixtures = fs
  .readdirSync(FIXTURES)
  .filter((f) => /\.asl\.(json|yaml)$/.test(f))
  .sort();

/** The rule a fixture is about: its file name is the code in lower case, maybe with a `--variant`. */
function codeOf(file: string): string {
  return (file.split(/--|\.asl\./)[0] ?? '').toUpperCase();
}

describe('validation goldens', () => {
  for (const file of fixtures) {
    test(file, () => {
      const document = parseFile(file, fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
      const diagnostics = validate(document);
      assert.ok(
        diagnostics.some((d) => d.code === codeOf(file)),
        `${file} should produce ${codeOf(file)}`,
      );
      assertGolden(
        path.join(FIXTURES, `${file}.golden`),
        `${renderDiagnostics(document.lines, diagnostics)}\n`,
      );
    });
  }
});

describe('rule registry', () => {
  test('codes are unique and well formed', () => {
    const codes = RULES.map((rule) => rule.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const code of codes) assert.match(code, /^ASL(-[A-Z0-9]+)+$/);
  });

  test('every rule has a fixture that produces its code', () => {
    const covered = new Set(fixtures.map(codeOf));
    const missing = RULES.map((rule) => rule.code).filter(
      (code) => !covered.has(code) && !GENERATED.has(code),
    );
    assert.deepEqual(missing, []);
  });
});

/** Rules whose fixtures would be megabytes: they are tested with generated documents (quotas.test.ts). */
const GENERATED: ReadonlySet<string> = new Set(['ASL-DEFINITION-TOO-LARGE', 'ASL-RESULT-TOO-LARGE']);
