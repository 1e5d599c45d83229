import type * as JsYaml from 'js-yaml';
import type { PropertyNode, StringNode, ValueNode } from './ast';
import type { AslDiagnostic } from './diagnostics';
import type { ParsedTree } from './parseJson';
import { makeObject, makeProperty, sharedKey } from './treeBuilder';
import { coreScalarKey, coreScalarNode } from './yamlScalars';

type Event = JsYaml.Event;

/** js-yaml, loaded on first use: JSON documents never need it, nor YAML the block reader takes. */
let jsYamlPackage: typeof JsYaml | undefined;

function jsYaml(): typeof JsYaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
  return (jsYamlPackage ??= require('js-yaml') as typeof JsYaml);
}

/**
 * The fast path for YAML: js-yaml's event parser (about fifteen times faster than the `yaml`
 * package's document model on large files) turned into the positioned tree. It takes only the
 * plain documents that make up almost every workflow file and gives up, returning undefined, on
 * anything else: a syntax error, anchors and aliases, tags, merge keys, directives, several
 * documents, or a layout whose positions it cannot pin down. The caller then takes the full path
 * through the `yaml` package, which reports every error and resolves every feature. Both paths
 * produce the same tree for the documents the fast path accepts; a property test holds them to it.
 */
export function parseYamlFast(text: string): ParsedTree | undefined {
  if (text.charCodeAt(0) === 0xfeff || /^%/m.test(text)) return undefined;
  const lib = jsYaml();
  let events: Event[];
  try {
    events = lib.parseEvents(text, { maxDepth: 1000 });
  } catch {
    return undefined;
  }
  try {
    return new EventReader(lib, text, events).document();
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}

/** Thrown inside the reader when the fast path declines a document. */
class GiveUp extends Error {}

type ScalarEvent = Extract<Event, { type: typeof JsYaml.EVENT_ID.SCALAR }>;

class EventReader {
  private index = 0;
  /** Where the last node read ended: empty scalars are placed after it. */
  private cursor = 0;
  private readonly errors: AslDiagnostic[] = [];

  constructor(
    private readonly lib: typeof JsYaml,
    private readonly text: string,
    private readonly events: readonly Event[],
  ) {}

  document(): ParsedTree | undefined {
    const start = this.next();
    if (start.type !== this.lib.EVENT_ID.DOCUMENT || start.directives.length > 0) throw new GiveUp();
    const root = this.node('value');
    if (this.next().type !== this.lib.EVENT_ID.POP) throw new GiveUp();
    if (this.index !== this.events.length) throw new GiveUp(); // a second document
    return { root, errors: this.errors };
  }

  private next(): Event {
    const event = this.events[this.index++];
    if (event === undefined) throw new GiveUp();
    return event;
  }

  private peek(): Event | undefined {
    return this.events[this.index];
  }

  /** `role` tells an empty scalar where its indicator is: after a key's ":" or an item's "-". */
  private node(role: 'value' | 'item'): ValueNode {
    const event = this.next();
    switch (event.type) {
      case this.lib.EVENT_ID.SCALAR:
        return this.scalar(event, role);
      case this.lib.EVENT_ID.MAPPING:
        if (event.anchorStart !== -1 || event.tagStart !== -1) throw new GiveUp();
        return this.mapping(event.start, event.style === this.lib.COLLECTION_STYLE.FLOW);
      case this.lib.EVENT_ID.SEQUENCE:
        if (event.anchorStart !== -1 || event.tagStart !== -1) throw new GiveUp();
        return this.sequence(event.start, event.style === this.lib.COLLECTION_STYLE.FLOW);
      default:
        throw new GiveUp(); // aliases and anything unexpected
    }
  }

  private mapping(start: number, flow: boolean): ValueNode {
    this.cursor = start + (flow ? 1 : 0);
    const properties: PropertyNode[] = [];
    while (this.peek()?.type !== this.lib.EVENT_ID.POP) {
      const keyEvent = this.next();
      if (keyEvent.type !== this.lib.EVENT_ID.SCALAR) throw new GiveUp();
      const key = this.key(keyEvent);
      const value = this.node('value');
      properties.push(makeProperty(key, value, value.offset + value.length));
    }
    this.next();
    const end = flow ? this.closing('}') : this.cursor;
    this.cursor = end;
    return makeObject(start, end - start, properties, this.errors);
  }

  private sequence(start: number, flow: boolean): ValueNode {
    this.cursor = start + (flow ? 1 : 0);
    const items: ValueNode[] = [];
    while (this.peek()?.type !== this.lib.EVENT_ID.POP) items.push(this.node('item'));
    this.next();
    const end = flow ? this.closing(']') : this.cursor;
    this.cursor = end;
    return { kind: 'array', offset: start, length: end - start, items };
  }

  private key(event: ScalarEvent): StringNode {
    if (event.valueStart === -1 || event.anchorStart !== -1 || event.tagStart !== -1) throw new GiveUp();
    const raw = this.lib.getScalarValue(this.text, event);
    // One string per distinct key for the whole tree, as the JSON path does: the rules compare
    // keys all the time, and equal strings that are one object compare fastest.
    const value = event.style === this.lib.SCALAR_STYLE.PLAIN ? coreScalarKey(raw) : sharedKey(raw);
    if (value === undefined) throw new GiveUp(); // merge keys and null keys take the full path
    const { offset, end } = this.scalarSpan(event);
    this.cursor = end;
    return { kind: 'string', value, offset, length: end - offset };
  }

  private scalar(event: ScalarEvent, role: 'value' | 'item'): ValueNode {
    if (event.anchorStart !== -1 || event.tagStart !== -1) throw new GiveUp();
    if (event.valueStart === -1) return this.emptyScalar(role);
    const raw = this.lib.getScalarValue(this.text, event);
    const { offset, end } = this.scalarSpan(event);
    this.cursor = end;
    const length = end - offset;
    if (event.style !== this.lib.SCALAR_STYLE.PLAIN) return { kind: 'string', value: raw, offset, length };
    return coreScalarNode(raw, offset, length);
  }

  /** `Key:` or `-` with nothing after it: a null after the indicator and its spaces, where the full path places it. */
  private emptyScalar(role: 'value' | 'item'): ValueNode {
    const indicator = role === 'value' ? ':' : '-';
    const at = this.skipBlank(this.cursor);
    if (this.text[at] !== indicator) throw new GiveUp();
    let after = at + 1;
    while (this.text[after] === ' ' || this.text[after] === '\t') after++;
    this.cursor = after;
    return { kind: 'null', value: null, offset: after, length: 0 };
  }

  private scalarSpan(event: ScalarEvent): { offset: number; end: number } {
    switch (event.style) {
      case this.lib.SCALAR_STYLE.PLAIN:
        return { offset: event.valueStart, end: event.valueEnd };
      case this.lib.SCALAR_STYLE.SINGLE_QUOTED:
      case this.lib.SCALAR_STYLE.DOUBLE_QUOTED:
        return { offset: event.valueStart - 1, end: event.valueEnd + 1 };
      default:
        return { offset: this.blockIndicator(event.valueStart), end: trimEnd(this.text, event.valueEnd) };
    }
  }

  /** The `|` or `>` that opens a block scalar: the header ends the line before its content. */
  private blockIndicator(contentStart: number): number {
    const lineEnd = this.text.lastIndexOf('\n', contentStart - 1);
    if (lineEnd < 0) throw new GiveUp();
    const lineStart = this.text.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = this.text.slice(lineStart, lineEnd);
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if ((c === '|' || c === '>') && BLOCK_HEADER.test(line.slice(i))) return lineStart + i;
    }
    throw new GiveUp();
  }

  /** The position just after the bracket that closes a flow collection. */
  private closing(bracket: '}' | ']'): number {
    let at = this.cursor;
    for (;;) {
      at = this.skipBlank(at);
      const c = this.text[at];
      if (c === ',') at++;
      else if (c === bracket) return at + 1;
      else throw new GiveUp();
    }
  }

  /** Skips spaces, line breaks and comments. */
  private skipBlank(from: number): number {
    const text = this.text;
    let at = from;
    while (at < text.length) {
      const c = text[at];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') at++;
      else if (c === '#') {
        const lineEnd = text.indexOf('\n', at);
        at = lineEnd < 0 ? text.length : lineEnd;
      } else break;
    }
    return at;
  }
}

/** A block scalar header from its indicator to the end of the line: `|`, `>-`, `|2+`, then an optional comment. */
const BLOCK_HEADER = /^[|>](?:[1-9][+-]?|[+-][1-9]?)?(?:[ \t]+(?:#.*)?)?\r?$/;

function trimEnd(text: string, end: number): number {
  let at = end;
  while (at > 0) {
    const c = text[at - 1];
    if (c === '\n' || c === '\r' || c === ' ' || c === '\t') at--;
    else break;
  }
  return at;
}
