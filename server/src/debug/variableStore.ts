import type { DebugProtocol } from '@vscode/debugprotocol';
import type { JsonValue } from '../engine';
import { memberPath, previewOf, typeOf } from './jsonPreview';

/** Where an editable value sits: a frame's state input, and the members leading to it. */
export interface InputLocation {
  readonly frameIndex: number;
  readonly path: readonly (string | number)[];
}

/**
 * What a variablesReference stands for. Values are listed one level at a time, when the
 * editor expands them; a scope whose value is costly to build (the context object) is a
 * thunk run on first expansion.
 */
export interface Container {
  readonly value: JsonValue | (() => JsonValue);
  /** JSONPath of the value itself, for "Copy as Expression" and "Add to Watch". */
  readonly evaluateName: string | undefined;
  /** Set for the state input and its members: they can be edited (setVariable). */
  readonly input: InputLocation | undefined;
}

/** Arrays longer than this are paged by the editor (indexedVariables). */
const PAGE = 100;

/**
 * variablesReferences. Those made while stopped are dropped on the next stop; those made for
 * Debug Console output (history event details) live as long as the session.
 */
export class VariableStore {
  private next = 1;
  private readonly transient = new Map<number, Container>();
  private readonly lasting = new Map<number, Container>();

  add(container: Container, lasting = false): number {
    const id = this.next++;
    (lasting ? this.lasting : this.transient).set(id, container);
    return id;
  }

  /** A reference for `value` when it can be expanded, else 0. */
  referenceFor(
    value: JsonValue,
    evaluateName: string | undefined,
    input: InputLocation | undefined,
    lasting = false,
  ): number {
    if (value === null || typeof value !== 'object') return 0;
    return this.add({ value, evaluateName, input }, lasting);
  }

  clearTransient(): void {
    this.transient.clear();
  }

  get(reference: number): Container | undefined {
    return this.transient.get(reference) ?? this.lasting.get(reference);
  }

  valueOf(container: Container): JsonValue {
    return typeof container.value === 'function' ? container.value() : container.value;
  }

  /** The members of a container, as DAP variables (a page of them for long arrays). */
  children(reference: number, start = 0, count = 0): DebugProtocol.Variable[] {
    const container = this.get(reference);
    if (container === undefined) return [];
    const lasting = this.lasting.has(reference);
    const value = this.valueOf(container);
    if (value === null || typeof value !== 'object') {
      return [this.variable('value', value, container.evaluateName, container.input, lasting)];
    }
    if (Array.isArray(value)) {
      const end = count > 0 ? Math.min(value.length, start + count) : value.length;
      const out: DebugProtocol.Variable[] = [];
      for (let i = start; i < end; i++) {
        const item = value[i] ?? null;
        out.push(this.variable(String(i), item, childPath(container, i), childInput(container, i), lasting));
      }
      return out;
    }
    return Object.entries(value).map(([key, item]) =>
      this.variable(key, item, childPath(container, key), childInput(container, key), lasting),
    );
  }

  variable(
    name: string,
    value: JsonValue,
    evaluateName: string | undefined,
    input: InputLocation | undefined,
    lasting = false,
  ): DebugProtocol.Variable {
    const variable: DebugProtocol.Variable = {
      name,
      value: previewOf(value),
      type: typeOf(value),
      variablesReference: this.referenceFor(value, evaluateName, input, lasting),
    };
    if (evaluateName !== undefined) variable.evaluateName = evaluateName;
    if (Array.isArray(value) && value.length > PAGE) variable.indexedVariables = value.length;
    return variable;
  }
}

function childPath(container: Container, key: string | number): string | undefined {
  return container.evaluateName === undefined ? undefined : memberPath(container.evaluateName, key);
}

function childInput(container: Container, key: string | number): InputLocation | undefined {
  const input = container.input;
  return input === undefined ? undefined : { frameIndex: input.frameIndex, path: [...input.path, key] };
}

/** `value` with the member at `path` replaced by `replacement` (copies along the path only). */
export function replaceAt(
  value: JsonValue,
  path: readonly (string | number)[],
  replacement: JsonValue,
): JsonValue {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value) && typeof head === 'number') {
    const copy = [...value];
    copy[head] = replaceAt(value[head] ?? null, rest, replacement);
    return copy;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return { ...value, [String(head)]: replaceAt(value[String(head)] ?? null, rest, replacement) };
  }
  throw new Error(`There is no member '${String(head)}' to change here.`);
}
