/** Argument checks shared by the implementations: each failure is a States.IntrinsicFailure naming the function. */
import { fail } from '../errors';
import type { JsonObject, JsonValue } from '../json';

export function intrinsicError(name: string, problem: string): never {
  fail('States.IntrinsicFailure', `${name}: ${problem}`);
}

function describe(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

const ORDINAL = ['first', 'second', 'third', 'fourth'];

function position(index: number): string {
  return `${ORDINAL[index] ?? `#${index + 1}`} argument`;
}

export function stringArg(name: string, args: readonly JsonValue[], index: number): string {
  const value = args[index];
  if (typeof value !== 'string')
    intrinsicError(name, `the ${position(index)} must be a string, not ${describe(value)}.`);
  return value;
}

export function numberArg(name: string, args: readonly JsonValue[], index: number): number {
  const value = args[index];
  if (typeof value !== 'number')
    intrinsicError(name, `the ${position(index)} must be a number, not ${describe(value)}.`);
  return value;
}

export function integerArg(name: string, args: readonly JsonValue[], index: number): number {
  const value = args[index];
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    intrinsicError(name, `the ${position(index)} must be a whole number, not ${describe(value)}.`);
  }
  return value;
}

export function arrayArg(name: string, args: readonly JsonValue[], index: number): JsonValue[] {
  const value = args[index];
  if (!Array.isArray(value))
    intrinsicError(name, `the ${position(index)} must be an array, not ${describe(value)}.`);
  return value;
}

export function objectArg(name: string, args: readonly JsonValue[], index: number): JsonObject {
  const value = args[index];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    intrinsicError(name, `the ${position(index)} must be an object, not ${describe(value)}.`);
  }
  return value;
}

export function booleanArg(name: string, args: readonly JsonValue[], index: number): boolean {
  const value = args[index];
  if (typeof value !== 'boolean')
    intrinsicError(name, `the ${position(index)} must be true or false, not ${describe(value)}.`);
  return value;
}
