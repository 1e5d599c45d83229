import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { stringSize, utf8Size } from '../../../server/src/asl/jsonSize';
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

  test('YAML that grows past 1 MB as JSON is an error, even when its text is under a third of that', () => {
    // Each "{a,b}," (6 characters) becomes {"a":null,"b":null}, (20 bytes).
    const items = Array.from({ length: 55000 }, () => '{a,b}').join(',');
    const yaml = `StartAt: Big\nStates:\n  Big:\n    Type: Pass\n    Result: [${items}]\n    End: true\n`;
    assert.ok(yaml.length * 3 < 1024 * 1024);
    const found = validateText('flow.asl.yaml', yaml).filter((d) => d.code === 'ASL-DEFINITION-TOO-LARGE');
    assert.equal(found.length, 1);
  });

  test(
    'an alias bomb is an error at the alias that crosses 1 MB, and is left out',
    { timeout: 60_000 },
    () => {
      // Nine levels of nine aliases each: 9^10 strings, some 20 GB as JSON, from 400 characters.
      const levels = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i <= 9; i++)
        levels.push(
          `l${i}: &l${i} [${Array(9)
            .fill(`*l${i - 1}`)
            .join(', ')}]`,
        );
      const yaml = `${levels.join('\n')}\nStartAt: X\nStates:\n  X:\n    Type: Pass\n    Result: *l9\n    End: true\n`;
      const diagnostics = validateText('bomb.asl.yaml', yaml);
      const aliases = diagnostics.filter((d) => d.code === 'ASL-YAML-ALIAS');
      assert.ok(aliases.length > 0);
      // Aliases add 37 bytes per *l0, 343 per *l1, 3,097 per *l2, 27,883 per *l3 and 250,957 per *l4:
      // about 282,000 bytes up to level 4, so the fourth *l4 of level 5 is the first one refused.
      const first = aliases[0];
      const at = first?.offset ?? 0;
      assert.equal(yaml.slice(at, at + (first?.length ?? 0)), '*l4');
      assert.equal(yaml.slice(yaml.lastIndexOf('\n', at) + 1, at), 'l5: &l5 [*l4, *l4, *l4, ');
      assert.ok(first?.message.includes('1 MB'), first?.message);
      // What was kept is under the quota, so the size rule has nothing more to say.
      assert.ok(!diagnostics.some((d) => d.code === 'ASL-DEFINITION-TOO-LARGE'));
    },
  );

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
