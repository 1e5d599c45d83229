import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { conformanceDirectory, conformanceEntries, exampleEntries } from './corpus';
import { parseFile } from './support';
import { renderDiagnostics } from '../asl/render';
import { validate, type AslDiagnostic } from '../../../server/src/asl';

/**
 * Non-errors a definition AWS accepted may still get, each for a reason. Hints anywhere:
 * - ASL-CHOICE-NO-DEFAULT: AWS accepts a Choice without Default, but an unmatched input then
 *   fails the execution with States.NoChoiceMatched; the hint says so.
 */
const ALLOWED_EVERYWHERE: ReadonlySet<string> = new Set(['ASL-CHOICE-NO-DEFAULT']);

/**
 * Warnings on named cases, each one a run-time failure AWS recorded (or would hit on that path):
 * - the large Result: AWS failed the execution with States.DataLimitExceeded;
 * - the undefined-reference cases read variables nothing assigns: AWS failed them with
 *   States.QueryEvaluationError ("returned nothing");
 * - the two catch cases read, after a catch, variables that only the failed state (or a state
 *   inside the branch) would have assigned: the first failed exactly so on AWS, the second's
 *   Finish state reads a branch variable that never leaves the branch.
 */
const ALLOWED_WARNINGS: Readonly<Record<string, readonly string[]>> = {
  'error_handling__test_start_large_input.json': ['ASL-RESULT-TOO-LARGE'],
  'assign__test_undefined_reference_BASE_UNDEFINED_ARGUMENTS_.json': ['ASL-VARIABLE-UNASSIGNED'],
  'assign__test_undefined_reference_BASE_UNDEFINED_ARGUMENTS_FIELD_.json': ['ASL-VARIABLE-UNASSIGNED'],
  'assign__test_undefined_reference_BASE_UNDEFINED_OUTPUT_.json': ['ASL-VARIABLE-UNASSIGNED'],
  'assign__test_undefined_reference_BASE_UNDEFINED_OUTPUT_MULTIPLE_STATES_.json': ['ASL-VARIABLE-UNASSIGNED'],
  'states_variables__test_map_catch_error_MAP_CATCH_ERROR_OUTPUT_WITH_RETRY_.json': [
    'ASL-VARIABLE-UNASSIGNED',
  ],
  'states_variables__test_parallel_catch_error_PARALLEL_CATCH_ERROR_VARIABLE_SAMPLING_.json': [
    'ASL-VARIABLE-UNASSIGNED',
  ],
};

function isAllowed(entry: string, diagnostic: AslDiagnostic): boolean {
  if (diagnostic.severity === 'error') return false;
  return (
    ALLOWED_EVERYWHERE.has(diagnostic.code) || (ALLOWED_WARNINGS[entry]?.includes(diagnostic.code) ?? false)
  );
}

describe('valid corpus: definitions AWS accepted give no errors', () => {
  const examples = exampleEntries();
  const cases = conformanceEntries();

  test('the corpus is there', () => {
    assert.ok(examples.length > 0, 'no examples found');
    assert.ok(cases.length > 0, `no conformance cases in ${conformanceDirectory()}`);
  });

  for (const [label, entries] of [
    ['examples', examples],
    ['conformance cases', cases],
  ] as const) {
    test(label, () => {
      const failures: string[] = [];
      for (const entry of entries) {
        const document = parseFile(entry.fileName, entry.text);
        const unexpected = validate(document).filter((d) => !isAllowed(entry.name, d));
        if (unexpected.length > 0) {
          failures.push(`${entry.name}\n${renderDiagnostics(document.lines, unexpected)}`);
        }
      }
      assert.equal(failures.length, 0, `${failures.length} of ${entries.length}:\n${failures.join('\n\n')}`);
    });
  }

  test('every allowed warning still occurs (the list stays honest)', () => {
    for (const [name, codes] of Object.entries(ALLOWED_WARNINGS)) {
      const entry = cases.find((c) => c.name === name);
      assert.ok(entry !== undefined, `${name} is not in the corpus`);
      const found = new Set(validate(parseFile(entry.fileName, entry.text)).map((d) => d.code));
      for (const code of codes) assert.ok(found.has(code), `${name} no longer gives ${code}`);
    }
  });
});
