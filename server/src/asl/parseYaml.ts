import type * as Yaml from 'yaml';
import type { PropertyNode, Span, StringNode, ValueNode } from './ast';
import { diagnostic, type AslDiagnostic } from './diagnostics';
import { MAX_DEFINITION_BYTES, sharedJsonSize } from './jsonSize';
import { MESSAGES } from './messages';
import type { ParsedTree } from './parseJson';
import { parseYamlBlock } from './parseYamlBlock';
import { parseYamlFast } from './parseYamlFast';
import { makeObject, makeProperty } from './treeBuilder';

/** The `yaml` package, loaded on first use: only YAML that the two faster readers decline reaches it. */
let yamlPackage: typeof Yaml | undefined;

function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
  return (yamlPackage ??= require('yaml') as typeof Yaml);
}

/**
 * YAML to the same positioned tree as JSON. Anchors, aliases and merge keys (`<<: *base`) are
 * resolved so that the model sees what Step Functions would see after conversion to JSON; each
 * anchored node is converted once and shared. What aliases add to that JSON is counted, and an
 * alias that would take it past Step Functions' 1 MiB quota is an error and left out, so an
 * alias bomb stays small for everything that walks the tree (schema, rules, engine).
 */
export function parseYaml(text: string): ParsedTree {
  // Three tiers, quickest first, each giving the same tree for what it accepts. The block reader
  // takes the plain layout nearly every workflow file has (5,000 states: ~12 ms); js-yaml's
  // events take the rarer layouts it declines, such as block scalars and quoted scalars over
  // lines (~65 ms); the `yaml` package reads everything else (anchors, tags, merge keys, errors)
  // and reports every error (~450 ms).
  return parseYamlBlock(text) ?? parseYamlFast(text) ?? parseYamlFully(text);
}

/** The full path: every YAML feature, every error with its position. */
export function parseYamlFully(text: string): ParsedTree {
  const errors: AslDiagnostic[] = [];
  const doc = yaml().parseDocument(text, {
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    version: '1.2',
  });
  for (const error of doc.errors) {
    errors.push(
      diagnostic('ASL-SYNTAX', spanOf(error.pos, text.length), MESSAGES.yaml(error.code, error.message)),
    );
  }
  for (const warning of doc.warnings) {
    errors.push(
      diagnostic(
        'ASL-YAML-WARNING',
        spanOf(warning.pos, text.length),
        MESSAGES.yaml(warning.code, warning.message),
      ),
    );
  }
  const converter = new YamlConverter(doc, text, errors);
  const root = doc.contents === null ? undefined : converter.convert(doc.contents);
  return { root, errors };
}

function spanOf(pos: readonly [number, number], textLength: number): Span {
  const offset = Math.min(pos[0], textLength);
  return { offset, length: Math.max(0, Math.min(pos[1], textLength) - offset) };
}

function nodeSpan(node: Yaml.Node): Span {
  const range = node.range;
  if (!range) return { offset: 0, length: 0 };
  return { offset: range[0], length: range[1] - range[0] };
}

class YamlConverter {
  private readonly converted = new Map<Yaml.Node, ValueNode>();
  private readonly inProgress = new Set<Yaml.Node>();
  /** Compact JSON bytes of converted values, each counted once however often aliases share it. */
  private readonly sizes = new Map<ValueNode, number>();
  /** The JSON bytes that aliases have added so far. */
  private aliasBytes = 0;

  constructor(
    private readonly doc: Yaml.Document,
    private readonly text: string,
    private readonly errors: AslDiagnostic[],
  ) {}

  convert(node: Yaml.Node): ValueNode | undefined {
    if (yaml().isAlias(node)) return this.alias(node);
    const done = this.converted.get(node);
    if (done !== undefined) return done;
    this.inProgress.add(node);
    const value = this.convertFresh(node);
    this.inProgress.delete(node);
    if (value !== undefined) this.converted.set(node, value);
    return value;
  }

  private alias(
    node: Yaml.Node & { source: string; resolve(doc: Yaml.Document): Yaml.Node | undefined },
  ): ValueNode | undefined {
    const target = node.resolve(this.doc);
    const span = nodeSpan(node);
    if (target === undefined) {
      this.errors.push(diagnostic('ASL-YAML-ALIAS', span, MESSAGES.yamlUnknownAlias(node.source)));
      return undefined;
    }
    if (this.inProgress.has(target)) {
      this.errors.push(diagnostic('ASL-YAML-ALIAS', span, MESSAGES.yamlRecursiveAlias(node.source)));
      return undefined;
    }
    const value = this.convert(target);
    if (value === undefined) return undefined;
    const size = sharedJsonSize(value, this.sizes);
    if (this.aliasBytes + size > MAX_DEFINITION_BYTES) {
      this.errors.push(diagnostic('ASL-YAML-ALIAS', span, MESSAGES.yamlAliasTooLarge(node.source)));
      return undefined;
    }
    this.aliasBytes += size;
    const aliased: ValueNode = {
      ...value,
      offset: span.offset,
      length: span.length,
      aliasOf: { offset: value.offset, length: value.length },
    };
    this.sizes.set(aliased, size);
    return aliased;
  }

  private convertFresh(node: Yaml.Node): ValueNode | undefined {
    const span = nodeSpan(node);
    if (yaml().isScalar(node)) return scalar(node.value, scalarSpan(node, span, this.text));
    if (yaml().isSeq(node)) {
      const items: ValueNode[] = [];
      for (const item of node.items) {
        const value = item === null ? undefined : this.convert(item as Yaml.Node);
        items.push(value ?? { kind: 'null', value: null, offset: span.offset + span.length, length: 0 });
      }
      return { kind: 'array', offset: span.offset, length: blockEnd(node, span, items) - span.offset, items };
    }
    if (yaml().isMap(node)) {
      const properties: PropertyNode[] = [];
      const merged: PropertyNode[] = [];
      for (const pair of node.items) {
        if (!yaml().isPair(pair)) continue;
        const keyNode = pair.key as Yaml.Node | null;
        const valueNode = pair.value as Yaml.Node | null;
        const key = this.key(keyNode, span);
        if (key === undefined) continue;
        const value = valueNode === null ? undefined : this.convert(valueNode);
        if (key.value === '<<' && keyNode !== null && yaml().isScalar(keyNode) && keyNode.type === 'PLAIN') {
          merged.push(...this.mergeSources(valueNode, value, key));
          continue;
        }
        const end =
          value !== undefined
            ? value.offset + value.length
            : (valueNode?.range?.[1] ?? key.offset + key.length);
        properties.push(makeProperty(key, value, end));
      }
      // Explicit keys win over merged ones, as YAML merge keys specify.
      const own = new Set(properties.map((p) => p.key.value));
      const inherited = merged.filter((p) => !own.has(p.key.value));
      const all = inherited.length === 0 ? properties : [...properties, ...dedupeMerged(inherited)];
      return makeObject(span.offset, blockEnd(node, span, properties) - span.offset, all, this.errors);
    }
    return undefined;
  }

  private key(keyNode: Yaml.Node | null, mapSpan: Span): StringNode | undefined {
    if (keyNode === null) {
      this.errors.push(
        diagnostic('ASL-YAML-KEY', { offset: mapSpan.offset, length: 0 }, MESSAGES.yamlKeyNull()),
      );
      return undefined;
    }
    const span = nodeSpan(keyNode);
    if (!yaml().isScalar(keyNode)) {
      this.errors.push(diagnostic('ASL-YAML-KEY', span, MESSAGES.yamlKeyNotScalar()));
      return undefined;
    }
    const raw = keyNode.value;
    if (raw === null || raw === undefined) {
      this.errors.push(diagnostic('ASL-YAML-KEY', span, MESSAGES.yamlKeyNull()));
      return undefined;
    }
    return { kind: 'string', value: scalarText(raw), ...span };
  }

  /** The properties a merge key brings in: from one mapping or a list of them, earlier sources first. */
  private mergeSources(
    valueNode: Yaml.Node | null,
    value: ValueNode | undefined,
    key: StringNode,
  ): PropertyNode[] {
    if (value?.kind === 'object') return [...value.properties];
    if (value?.kind === 'array' && valueNode !== null && yaml().isSeq(valueNode)) {
      const result: PropertyNode[] = [];
      for (const item of value.items) {
        if (item.kind !== 'object') {
          this.errors.push(diagnostic('ASL-YAML-KEY', item, MESSAGES.yamlMergeNotMap()));
          continue;
        }
        result.push(...item.properties);
      }
      return result;
    }
    this.errors.push(diagnostic('ASL-YAML-KEY', value ?? key, MESSAGES.yamlMergeNotMap()));
    return [];
  }
}

/**
 * A block collection ends where its last entry ends: the `yaml` package's own range runs on over
 * the line break and comments after it, which would make a state's range swallow the next line.
 */
function blockEnd(node: Yaml.Node, span: Span, children: readonly Span[]): number {
  const last = children[children.length - 1];
  if ((yaml().isMap(node) || yaml().isSeq(node)) && node.flow !== true && last !== undefined)
    return last.offset + last.length;
  return span.offset + span.length;
}

/** A block scalar (`|`, `>`) ends with its last character of content, not with the line breaks after it. */
function scalarSpan(node: Yaml.Node, span: Span, text: string): Span {
  if (!yaml().isScalar(node) || (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED')) return span;
  let end = span.offset + span.length;
  while (end > span.offset && /[\s]/.test(text[end - 1] ?? '')) end--;
  return { offset: span.offset, length: end - span.offset };
}

/** With several merge sources, the first source that defines a key wins. */
function dedupeMerged(properties: readonly PropertyNode[]): PropertyNode[] {
  const seen = new Set<string>();
  return properties.filter((p) => {
    if (seen.has(p.key.value)) return false;
    seen.add(p.key.value);
    return true;
  });
}

function scalar(value: unknown, span: Span): ValueNode {
  if (typeof value === 'string') return { kind: 'string', value, ...span };
  if (typeof value === 'number') return { kind: 'number', value, ...span };
  if (typeof value === 'bigint') return { kind: 'number', value: Number(value), ...span };
  if (typeof value === 'boolean') return { kind: 'boolean', value, ...span };
  if (value === null || value === undefined) return { kind: 'null', value: null, ...span };
  return { kind: 'string', value: scalarText(value), ...span };
}

/** The text of a scalar that has no JSON type of its own (a number used as a key, a custom tag's value). */
function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value) ?? '';
}
