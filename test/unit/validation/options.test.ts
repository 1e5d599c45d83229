import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument, validate } from '../../../server/src/asl';
import { describeRules } from '../../../server/src/asl/rules/registry';

const TEXT =
  '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "Orphan": {"Type": "Succeed"}}}';

test('disabledRules leaves out exactly the codes named', () => {
  const document = parseDocument(TEXT, 'json');
  const all = validate(document).map((d) => d.code);
  assert.ok(all.includes('ASL-NEXT-UNKNOWN') && all.includes('ASL-UNREACHABLE'));
  const some = validate(document, { disabledRules: ['ASL-UNREACHABLE'] }).map((d) => d.code);
  assert.ok(some.includes('ASL-NEXT-UNKNOWN'));
  assert.ok(!some.includes('ASL-UNREACHABLE'));
});

test('diagnostics come in document order', () => {
  const offsets = validate(parseDocument(TEXT, 'json')).map((d) => d.offset);
  assert.deepEqual(
    offsets,
    [...offsets].sort((a, b) => a - b),
  );
});

test('every rule is described for settings and docs', () => {
  for (const rule of describeRules()) {
    assert.ok(rule.description.length > 10, rule.code);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(rule.severity), rule.code);
  }
});
