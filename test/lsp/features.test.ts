import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspClient } from '../support/lspClient';

const JSON_TEXT = fs.readFileSync(path.join(__dirname, 'fixtures', 'features.asl.json'), 'utf8');
const YAML_TEXT = fs.readFileSync(path.join(__dirname, 'fixtures', 'features.asl.yaml'), 'utf8');
const JSON_URI = 'file:///work/features.asl.json';
const YAML_URI = 'file:///work/features.asl.yaml';

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** The position of the n-th occurrence of `needle` (plus `shift` characters) in `text`. */
function positionOf(
  text: string,
  needle: string,
  shift = 0,
  occurrence = 0,
): { line: number; character: number } {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} is in the fixture`);
  const before = text.slice(0, offset + shift);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('language features over stdio', () => {
  let client: LspClient;

  before(async () => {
    client = new LspClient();
    const result = (await client.initialize()) as { capabilities: Record<string, unknown> };
    for (const capability of [
      'completionProvider',
      'hoverProvider',
      'definitionProvider',
      'referencesProvider',
      'renameProvider',
      'codeActionProvider',
      'documentSymbolProvider',
      'codeLensProvider',
    ]) {
      assert.ok(result.capabilities[capability] !== undefined, capability);
    }
    client.open(JSON_URI, 'asl', JSON_TEXT);
    client.open(YAML_URI, 'asl-yaml', YAML_TEXT);
    await client.diagnostics(JSON_URI);
    await client.diagnostics(YAML_URI);
  });

  after(() => client.kill());

  test('completion offers the other states for Next, as snippets with text edits (JSON and YAML)', async () => {
    for (const [uri, text] of [
      [JSON_URI, JSON_TEXT],
      [YAML_URI, YAML_TEXT],
    ] as const) {
      const list = (await client.request('textDocument/completion', {
        textDocument: { uri },
        position: positionOf(text, 'Aprove'.slice(0, uri === JSON_URI ? 6 : 0) || 'Approve', 1),
      })) as { items: { label: string; textEdit: { newText: string } }[] };
      assert.deepEqual(
        list.items.map((i) => i.label),
        ['Approve'],
        uri,
      );
      assert.equal(list.items[0]?.textEdit.newText, uri === JSON_URI ? '"Approve"' : 'Approve');
    }
  });

  test('completion of keys in a state uses snippet syntax', async () => {
    const text = '{"StartAt":"A","States":{"A":{"Type":"Pass", }}}';
    const uri = 'file:///work/keys.asl.json';
    client.open(uri, 'asl', text);
    const list = (await client.request('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: text.indexOf(', }') + 2 },
    })) as { items: { label: string; insertTextFormat: number; textEdit: { newText: string } }[] };
    const end = list.items.find((i) => i.label === 'End');
    assert.equal(end?.textEdit.newText, '"End": true');
    const parameters = list.items.find((i) => i.label === 'Parameters');
    assert.equal(parameters?.insertTextFormat, 2);
    assert.equal(
      list.items.some((i) => i.label === 'Arguments'),
      false,
      'no JSONata field in a JSONPath state',
    );
  });

  test('hover shows the documentation of a field and a preview of a named state', async () => {
    const field = (await client.request('textDocument/hover', {
      textDocument: { uri: YAML_URI },
      position: positionOf(YAML_TEXT, 'Resource', 2),
    })) as { contents: { kind: string; value: string } };
    assert.equal(field.contents.kind, 'markdown');
    assert.match(field.contents.value, /^\*\*Resource\*\*/);
    assert.match(field.contents.value, /docs\.aws\.amazon\.com/);
    const state = (await client.request('textDocument/hover', {
      textDocument: { uri: YAML_URI },
      position: positionOf(YAML_TEXT, 'Next: Approve', 8),
    })) as { contents: { value: string }; range: Range };
    assert.match(state.contents.value, /\*\*Approve\*\* — Pass state/);
    assert.deepEqual(state.range, { start: { line: 5, character: 10 }, end: { line: 5, character: 17 } });
  });

  test('definition and references of a state', async () => {
    const definition = (await client.request('textDocument/definition', {
      textDocument: { uri: YAML_URI },
      position: positionOf(YAML_TEXT, 'Next: Approve', 8),
    })) as { uri: string; range: Range }[];
    assert.deepEqual(definition, [
      { uri: YAML_URI, range: { start: { line: 6, character: 2 }, end: { line: 6, character: 9 } } },
    ]);
    const references = (await client.request('textDocument/references', {
      textDocument: { uri: YAML_URI },
      position: positionOf(YAML_TEXT, 'Check', 1),
      context: { includeDeclaration: true },
    })) as { range: Range }[];
    assert.deepEqual(
      references.map((r) => [r.range.start.line, r.range.start.character]),
      [
        [2, 2],
        [0, 9],
      ],
    );
  });

  test('rename edits the key and every reference; a clash is refused with a message', async () => {
    const position = positionOf(YAML_TEXT, 'Approve', 1);
    const prepared = (await client.request('textDocument/prepareRename', {
      textDocument: { uri: YAML_URI },
      position,
    })) as {
      placeholder: string;
    };
    assert.equal(prepared.placeholder, 'Approve');
    const edit = (await client.request('textDocument/rename', {
      textDocument: { uri: YAML_URI },
      position,
      newName: 'Accept',
    })) as {
      changes: Record<string, { newText: string; range: Range }[]>;
    };
    assert.deepEqual(
      edit.changes[YAML_URI]?.map((e) => [e.range.start.line, e.newText]),
      [
        [6, 'Accept'],
        [5, 'Accept'],
      ],
    );
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: YAML_URI }, position, newName: 'Check' }),
      /already exists/,
    );
  });

  test('code actions fix a misspelled state name', async () => {
    const published = await waitForCode(JSON_URI, 'ASL-NEXT-UNKNOWN');
    const actions = (await client.request('textDocument/codeAction', {
      textDocument: { uri: JSON_URI },
      range: published.range,
      context: { diagnostics: [published] },
    })) as {
      title: string;
      kind: string;
      isPreferred?: boolean;
      edit: { changes: Record<string, { newText: string }[]> };
    }[];
    const fix = actions.find((a) => a.title === 'Change to "Approve"');
    assert.equal(fix?.kind, 'quickfix');
    assert.equal(fix?.isPreferred, true);
    assert.deepEqual(
      fix?.edit.changes[JSON_URI]?.map((e) => e.newText),
      ['"Approve"'],
    );
  });

  test('diagnostics wait for typing to pause and are never published for an outdated version', async () => {
    const uri = 'file:///work/typing.asl.json';
    client.open(uri, 'asl', '{}', 1);
    await client.diagnostics(uri, 1);
    client.change(uri, '{ "StartAt": ', 2);
    client.change(uri, '{ "StartAt": "A", ', 3);
    client.change(uri, '{ "StartAt": "A", "States": { "A": { "Type": "Succeed" } } }', 4);
    const next = await client.diagnostics(uri);
    assert.equal(next.version, 4);
    assert.deepEqual(next.diagnostics, []);
  });

  test('document symbols and code lenses', async () => {
    const symbols = (await client.request('textDocument/documentSymbol', {
      textDocument: { uri: JSON_URI },
    })) as {
      name: string;
      detail: string;
    }[];
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail]),
      [
        ['Check', 'Task'],
        ['Approve', 'Pass'],
      ],
    );
    const lenses = (await client.request('textDocument/codeLens', { textDocument: { uri: JSON_URI } })) as {
      command: { command: string; arguments: unknown[] };
    }[];
    assert.deepEqual(
      lenses.map((l) => [l.command.command, l.command.arguments]),
      [
        ['stepwise.run', [JSON_URI]],
        ['stepwise.debug', [JSON_URI]],
        ['stepwise.preview.open', [JSON_URI]],
      ],
    );
  });

  test('variables: definition, references and rename follow reads found by parsing', async () => {
    const uri = 'file:///work/variables.asl.json';
    const text = [
      '{"StartAt":"A","States":{',
      '"A":{"Type":"Pass","Assign":{"limit":3,"note":"$limit is literal"},"Next":"B"},',
      '"B":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $limit * 2 %}","End":true}}}',
    ].join('\n');
    client.open(uri, 'asl', text);
    const read = positionOf(text, '$limit *', 2);
    const definition = (await client.request('textDocument/definition', {
      textDocument: { uri },
      position: read,
    })) as { range: Range }[];
    assert.deepEqual(
      definition.map((d) => [d.range.start, d.range.end]),
      [[positionOf(text, 'limit"'), positionOf(text, 'limit"', 5)]],
    );
    const references = (await client.request('textDocument/references', {
      textDocument: { uri },
      position: read,
      context: { includeDeclaration: true },
    })) as { range: Range }[];
    assert.deepEqual(
      references.map((r) => r.range.start),
      [positionOf(text, 'limit"'), positionOf(text, '$limit *')],
      'the $limit inside the literal "note" is not a reference',
    );
    const edit = (await client.request('textDocument/rename', {
      textDocument: { uri },
      position: read,
      newName: 'cap',
    })) as { changes: Record<string, { newText: string }[]> };
    assert.deepEqual(
      edit.changes[uri]?.map((e) => e.newText),
      ['cap', '$cap'],
    );
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri }, position: read, newName: 'note' }),
      /already used in \\"A\\"/,
    );
  });

  test('a code action converts a whole JSONPath state to JSONata', async () => {
    const uri = 'file:///work/convert.asl.yaml';
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    InputPath: $.order\n    End: true\n';
    client.open(uri, 'asl-yaml', text);
    const actions = (await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: positionOf(text, 'A:', 1), end: positionOf(text, 'A:', 1) },
      context: { diagnostics: [] },
    })) as { title: string; edit: { changes: Record<string, { newText: string }[]> } }[];
    const convert = actions.find((a) => a.title === 'Convert "A" to JSONata');
    assert.ok(convert !== undefined, actions.map((a) => a.title).join(', '));
    assert.deepEqual(
      convert.edit.changes[uri]?.map((e) => e.newText),
      ['Type: Pass\n    QueryLanguage: JSONata\n    Output: "{% $states.input.order %}"\n    End: true'],
    );
  });

  async function waitForCode(uri: string, code: string) {
    client.change(uri, JSON_TEXT, 2);
    const published = await client.diagnostics(uri, 2);
    const found = published.diagnostics.find((d) => d.code === code);
    assert.ok(found !== undefined, `${code} is reported`);
    return found;
  }
});
