import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { stringSize, utf8Size } from '../../../server/src/asl/rules/jsonSize';
import { validateText } from './support';

function passMachine(result: unknown): unknown {
  return { StartAt: 'Big', States: { Big: { Type: 'Pass', Result: result, End: true } } };
}

describe('quotas (generated documents: fixtures would be megabytes)', () => {
  test('a definition above 1 MB is an error, one just below is not', () => {
    const over = JSON.stringify(passMachine({ text: 'x'.repeat(1024 * 1024) }));
    const under = JSON.stringify(passMachine({ text: 'x'.repeat(200 * 1024) }));
    const codes = (text: string) => validateText('big.asl.json', text).map((d) => d.code);
    assert.ok(codes(over).includes('ASL-DEFINITION-TOO-LARGE'));
    assert.ok(!codes(under).includes('ASL-DEFINITION-TOO-LARGE'));
  });

  test('a definition is measured in UTF-8 bytes, not characters', () => {
    // About 560,000 characters, but 2 and 4 bytes each: over the quota, with the size in bytes in the message.
    const text = JSON.stringify(passMachine({ text: 'é'.repeat(450 * 1024) + '😀'.repeat(50 * 1024) }));
    const found = validateText('wide.asl.json', text).filter((d) => d.code === 'ASL-DEFINITION-TOO-LARGE');
    assert.equal(found.length, 1);
    assert.ok(found[0]?.message.includes(Buffer.byteLength(text).toLocaleString('en-US')), found[0]?.message);
  });

  test('byte counts agree with UTF-8 encoding on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        assert.equal(utf8Size(text), Buffer.byteLength(text));
        assert.equal(stringSize(text), Buffer.byteLength(JSON.stringify(text)));
      }),
      { numRuns: 500, seed: 5 },
    );
    // ASCII takes a shortcut: quotes, backslashes, DEL and control characters must still count right.
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (text) => {
        assert.equal(stringSize(text), Buffer.byteLength(JSON.stringify(text)));
      }),
      { numRuns: 500, seed: 6 },
    );
    for (const text of ['', 'plain', 'a"b', 'a\\b', '\x7f', 'tab\t', '\u0000'])
      assert.equal(stringSize(text), Buffer.byteLength(JSON.stringify(text)), JSON.stringify(text));
  });

  test('YAML is measured as the JSON it becomes', () => {
    const lines = Array.from({ length: 40000 }, (_, i) => `    k${i}: ${'y'.repeat(20)}`);
    const yaml = `StartAt: Big\nStates:\n  Big:\n    Type: Pass\n    End: true\n    Parameters:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
    const found = validateText('big.asl.yaml', yaml).filter((d) => d.code === 'ASL-DEFINITION-TOO-LARGE');
    assert.equal(found.length, 1);
  });

  test('a literal Result above 256 KiB is a warning at its key', () => {
    const text = JSON.stringify(passMachine({ text: 'x'.repeat(256 * 1024) }), null, 2);
    const found = validateText('result.asl.json', text).filter((d) => d.code === 'ASL-RESULT-TOO-LARGE');
    assert.equal(found.length, 1);
    assert.equal(found[0]?.severity, 'warning');
    assert.equal(text.slice(found[0]?.offset, (found[0]?.offset ?? 0) + (found[0]?.length ?? 0)), '"Result"');
    const small = JSON.stringify(passMachine({ text: 'x'.repeat(250 * 1024) }));
    assert.ok(!validateText('result.asl.json', small).some((d) => d.code === 'ASL-RESULT-TOO-LARGE'));
  });
});
