import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { stringify } from 'yaml';
import { formatOf, parseDocument, type DocumentFormat } from '../../../server/src/asl';
import { checkSchema } from '../../../server/src/asl/schema/checkSchema';
import { isRecord } from '../../../server/src/guards';
import { conformanceDirectory } from '../../support/conformance';

/**
 * Definitions AWS accepted: every one must pass the schema without a single diagnostic. This is
 * the guard against false positives (a field the schema forgot, a range set too tight).
 */
const root = path.join(__dirname, '..', '..', '..');
const conformance = conformanceDirectory();

function schemaErrors(text: string, format: DocumentFormat): string[] {
  return checkSchema(parseDocument(text, format)).map((d) => `${d.code} ${d.message}`);
}

describe('valid corpus', () => {
  test('every definition of the conformance cases (JSON and YAML) passes the schema', () => {
    assert.ok(
      fs.existsSync(conformance),
      `No conformance cases at ${conformance} (set STEPWISE_CONFORMANCE).`,
    );
    const files = fs.readdirSync(conformance).filter((file) => file.endsWith('.json'));
    assert.ok(files.length > 500, `expected the full corpus, found ${files.length} cases`);
    const failures: string[] = [];
    for (const file of files) {
      const recorded: unknown = JSON.parse(fs.readFileSync(path.join(conformance, file), 'utf8'));
      const definition = isRecord(recorded) ? recorded['definition'] : undefined;
      assert.ok(isRecord(definition), `${file} has a definition`);
      for (const [format, text] of [
        ['json', JSON.stringify(definition, null, 2)],
        ['yaml', stringify(definition)],
      ] as const) {
        const errors = schemaErrors(text, format);
        if (errors.length > 0) failures.push(`${file} (${format}): ${errors.join('; ')}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('every example workflow passes the schema', () => {
    const examples = path.join(root, 'examples');
    const files = fs
      .readdirSync(examples, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.asl\.(json|ya?ml)$/.test(file));
    assert.ok(files.length > 0, 'the examples folder holds workflows');
    for (const file of files) {
      const text = fs.readFileSync(path.join(examples, file), 'utf8');
      assert.deepEqual(schemaErrors(text, formatOf(file)), [], file);
    }
  });
});
