import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../../server/src/asl';

test('positions and offsets round-trip over LF, CRLF and CR line ends', () => {
  const text = 'ab\ncd\r\nef\rgh';
  const lines = new LineIndex(text);
  assert.equal(lines.lineCount, 4);
  for (let offset = 0; offset <= text.length; offset++) {
    const position = lines.positionAt(offset);
    if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // between \r and \n is not a position
    assert.equal(lines.offsetAt(position), offset, `offset ${offset}`);
  }
  assert.deepEqual(lines.positionAt(text.indexOf('g')), { line: 3, character: 0 });
});

test('offsets outside the text are clamped', () => {
  const lines = new LineIndex('abc\ndef');
  assert.deepEqual(lines.positionAt(-5), { line: 0, character: 0 });
  assert.deepEqual(lines.positionAt(100), { line: 1, character: 3 });
  assert.equal(lines.offsetAt({ line: 9, character: 0 }), 7);
});

test('characters are UTF-16 code units, as LSP counts them', () => {
  const lines = new LineIndex('"😀": 1\nx');
  assert.deepEqual(lines.positionAt(4), { line: 0, character: 4 });
});
