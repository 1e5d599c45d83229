import { isJsonObject, type JsonValue } from '../json';
import { DefinitionError } from '../dataflow/refs';

/** Typed reads of definition fields, each failing with a message that names the state and field. */
export type JsonRecord = { readonly [key: string]: JsonValue };

export class FieldReader {
  constructor(
    readonly body: JsonRecord,
    readonly where: string,
  ) {}

  has(field: string): boolean {
    return Object.hasOwn(this.body, field);
  }

  raw(field: string): JsonValue | undefined {
    return Object.hasOwn(this.body, field) ? this.body[field] : undefined;
  }

  string(field: string): string | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw this.problem(field, 'must be a string');
    return value;
  }

  requiredString(field: string): string {
    const value = this.string(field);
    if (value === undefined) throw this.problem(field, 'is required');
    return value;
  }

  number(field: string): number | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (typeof value !== 'number') throw this.problem(field, 'must be a number');
    return value;
  }

  boolean(field: string): boolean | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw this.problem(field, 'must be true or false');
    return value;
  }

  record(field: string): JsonRecord | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (!isJsonObject(value)) throw this.problem(field, 'must be an object');
    return value;
  }

  array(field: string): readonly JsonValue[] | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw this.problem(field, 'must be an array');
    return value;
  }

  problem(field: string, what: string): DefinitionError {
    return new DefinitionError(`${this.where}: ${field} ${what}.`);
  }
}
