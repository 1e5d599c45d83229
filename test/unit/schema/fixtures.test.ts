import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { formatOf, parseDocument } from '../../../server/src/asl';
import type { SchemaCode } from '../../../server/src/asl/schema/codes';
import { checkSchema } from '../../../server/src/asl/schema/checkSchema';
import { assertGolden } from '../../support/golden';
import { renderDiagnostics } from '../asl/render';

const fixtures = path.join(__dirname, '..', '..', 'fixtures', 'validation', 'schema');

/** The codes each fixture must produce, in document order (the golden holds messages and ranges). */
const EXPECTED: Readonly<Record<string, readonly SchemaCode[]>> = {
  'unknown-field-typo.asl.json': ['ASL-SCHEMA-UNKNOWN-FIELD', 'ASL-SCHEMA-UNKNOWN-FIELD'],
  'unknown-field-typo.asl.yaml': ['ASL-SCHEMA-UNKNOWN-FIELD', 'ASL-SCHEMA-UNKNOWN-FIELD'],
  'unknown-field-other-type.asl.json': [
    'ASL-SCHEMA-UNKNOWN-FIELD',
    'ASL-SCHEMA-UNKNOWN-FIELD',
    'ASL-SCHEMA-UNKNOWN-FIELD',
  ],
  'unknown-field-machine.asl.json': ['ASL-SCHEMA-UNKNOWN-FIELD', 'ASL-SCHEMA-UNKNOWN-FIELD'],
  'unknown-field-nested.asl.json': Array<SchemaCode>(6).fill('ASL-SCHEMA-UNKNOWN-FIELD'),
  'missing-field-state.asl.json': Array<SchemaCode>(5).fill('ASL-SCHEMA-MISSING-FIELD'),
  'missing-field-machine.asl.json': ['ASL-SCHEMA-MISSING-FIELD'],
  'missing-field-machine.asl.yaml': ['ASL-SCHEMA-MISSING-FIELD'],
  'missing-field-nested.asl.json': Array<SchemaCode>(5).fill('ASL-SCHEMA-MISSING-FIELD'),
  'wrong-type.asl.json': Array<SchemaCode>(8).fill('ASL-SCHEMA-TYPE'),
  'wrong-type.asl.yaml': Array<SchemaCode>(4).fill('ASL-SCHEMA-TYPE'),
  'enum.asl.json': Array<SchemaCode>(8).fill('ASL-SCHEMA-ENUM'),
  'range.asl.json': Array<SchemaCode>(16).fill('ASL-SCHEMA-RANGE'),
  'not-jsonata.asl.json': Array<SchemaCode>(4).fill('ASL-SCHEMA-TYPE'),
  'root-not-object.asl.json': ['ASL-SCHEMA-TYPE'],
  'half-typed.asl.json': ['ASL-SCHEMA-ENUM'],
  'yaml-merge.asl.yaml': ['ASL-SCHEMA-UNKNOWN-FIELD'],
};

describe('schema fixtures', () => {
  const files = fs.readdirSync(fixtures).filter((file) => /\.asl\.(json|yaml)$/.test(file));

  test('every fixture has its expected codes listed, and every listed fixture exists', () => {
    assert.deepEqual([...files].sort(), Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    test(file, () => {
      const text = fs.readFileSync(path.join(fixtures, file), 'utf8');
      const document = parseDocument(text, formatOf(file));
      const diagnostics = checkSchema(document);
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        EXPECTED[file],
      );
      for (const d of diagnostics) {
        assert.ok(d.offset >= 0 && d.offset + d.length <= text.length, `${d.code} lies inside the document`);
      }
      assertGolden(
        path.join(fixtures, `${file}.golden`),
        `${renderDiagnostics(document.lines, diagnostics)}\n`,
      );
    });
  }
});
