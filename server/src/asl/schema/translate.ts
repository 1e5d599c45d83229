import type { ErrorObject, SchemaObject } from 'ajv';
import { propertyOf, type PropertyNode, type Span, type StringNode, type ValueNode } from '../ast';
import { makeDiagnostic, type AslDiagnostic } from '../diagnostics';
import { valueWithoutContents } from './checkedValue';
import { SCHEMA_CODES, type SchemaCode } from './codes';
import { isExpected, isObjectName, type Expected, type ObjectName } from './fragments';
import { isRecord } from '../../guards';
import { describeFound, expectedValue, fieldLabel, SCHEMA_MESSAGES, subjectOf } from './messages';
import { SHARED_SCHEMAS, STATE_TYPES, stateFieldNames, isStateType } from './stateSchemas';
import { closest } from './suggest';

/** The object that was validated, and where to report what is missing from it. */
export interface Checked {
  readonly node: ValueNode;
  readonly schema: SchemaObject;
  /** Where a missing field of the object itself is reported: the state's name, the owner's key, ... */
  readonly ownerSpan: Span;
  /** The object's position in its array (a Parallel branch), for the messages. */
  readonly position?: number;
}

/**
 * Turns ajv's errors into diagnostics: one per mistake, in our words, at the key of an unknown
 * field, at the value of a wrong one, or at the owner's key for a missing one. Errors are
 * located by walking the tree and the schema side by side along each error's instance path.
 */
export function translateErrors(errors: readonly ErrorObject[], checked: Checked): AslDiagnostic[] {
  const diagnostics: AslDiagnostic[] = [];
  const missing = new Map<string, string[]>();
  const valueErrors = new Map<string, ErrorObject>();
  for (const error of errors) {
    switch (error.keyword) {
      case 'additionalProperties':
        pushDefined(diagnostics, unknownField(error, checked));
        break;
      case 'required': {
        // Part of "one of these names is required" (the Map processor): reported by its anyOf.
        if (error.schemaPath.includes('/anyOf/')) break;
        const field = stringParam(error, 'missingProperty');
        if (field === undefined || isPresentWithoutValue(checked, error.instancePath, field)) break;
        const list = missing.get(error.instancePath) ?? [];
        list.push(field);
        missing.set(error.instancePath, list);
        break;
      }
      case 'anyOf':
        pushDefined(diagnostics, missingOneOf(error, checked));
        break;
      default: {
        const previous = valueErrors.get(error.instancePath);
        if (previous === undefined || priority(error) < priority(previous)) {
          valueErrors.set(error.instancePath, error);
        }
      }
    }
  }
  for (const [path, fields] of missing) pushDefined(diagnostics, missingFields(path, fields, checked));
  for (const error of valueErrors.values()) pushDefined(diagnostics, wrongValue(error, checked));
  return diagnostics;
}

/** Lower first: a value of the wrong type says more than the enum or range it also misses. */
function priority(error: ErrorObject): number {
  return error.keyword === 'type' ? 0 : 1;
}

function unknownField(error: ErrorObject, checked: Checked): AslDiagnostic | undefined {
  const field = stringParam(error, 'additionalProperty');
  const at = locate(checked, error.instancePath);
  const property = field === undefined ? undefined : propertyOf(at.node, field);
  if (field === undefined || property === undefined || at.schema === undefined) return undefined;
  const where = objectNameOf(at.schema);
  const known = Object.keys(recordOf(at.schema['properties']));
  const takenBy = isStateType(where)
    ? STATE_TYPES.filter((type) => stateFieldNames(type).includes(field))
    : [];
  return diagnostic(
    'ASL-SCHEMA-UNKNOWN-FIELD',
    property.key,
    SCHEMA_MESSAGES.unknownField(field, where, closest(field, known), takenBy),
  );
}

function missingFields(path: string, fields: readonly string[], checked: Checked): AslDiagnostic | undefined {
  const at = locate(checked, path);
  if (at.schema === undefined) return undefined;
  return diagnostic(
    'ASL-SCHEMA-MISSING-FIELD',
    ownerSpanOf(at, path, checked),
    SCHEMA_MESSAGES.missingFields(subjectAt(at, path, checked), fields),
  );
}

function missingOneOf(error: ErrorObject, checked: Checked): AslDiagnostic | undefined {
  const at = locate(checked, error.instancePath);
  if (at.schema === undefined) return undefined;
  const branches: unknown = at.schema['anyOf'];
  const names = Array.isArray(branches)
    ? branches.flatMap((branch: unknown) => stringsOf(recordOf(branch)['required']))
    : [];
  if (names.length === 0 || names.some((name) => propertyOf(at.node, name) !== undefined)) return undefined;
  return diagnostic(
    'ASL-SCHEMA-MISSING-FIELD',
    ownerSpanOf(at, error.instancePath, checked),
    SCHEMA_MESSAGES.missingOneOf(subjectAt(at, error.instancePath, checked), names),
  );
}

function wrongValue(error: ErrorObject, checked: Checked): AslDiagnostic | undefined {
  const at = locate(checked, error.instancePath);
  if (at.node === undefined) return undefined;
  const schema = at.schema ?? {};
  const expects = expectsOf(schema);
  const label = fieldLabel(at.field ?? 'The value', at.item, expects === 'state');
  const allowed = stringsOf(schema['enum']);
  const expected = expectedValue(expects, allowed.length > 0 ? allowed : undefined);
  const found = valueWithoutContents(at.node);
  // An empty YAML value (`Comment:`) has no characters to underline: its key does.
  const span: Span = at.node.length === 0 ? (at.fieldKey ?? at.node) : at.node;
  switch (error.keyword) {
    case 'type':
      return diagnostic(
        'ASL-SCHEMA-TYPE',
        span,
        SCHEMA_MESSAGES.wrongType(label, expected, describeFound(found)),
      );
    case 'pattern':
      return diagnostic(
        'ASL-SCHEMA-TYPE',
        span,
        SCHEMA_MESSAGES.notJsonata(label, expected, typeof found === 'string' ? found : ''),
      );
    case 'enum': {
      const text = typeof found === 'string' ? found : String(found);
      return diagnostic(
        'ASL-SCHEMA-ENUM',
        span,
        SCHEMA_MESSAGES.notAllowed(label, text, allowed, closest(text, allowed)),
      );
    }
    case 'minimum':
    case 'maximum': {
      const limit = numberParam(error, 'limit');
      if (limit === undefined || typeof found !== 'number') return undefined;
      const message =
        error.keyword === 'minimum'
          ? SCHEMA_MESSAGES.tooSmall(label, limit, found)
          : SCHEMA_MESSAGES.tooLarge(label, limit, found);
      return diagnostic('ASL-SCHEMA-RANGE', span, message);
    }
    case 'minItems':
      return diagnostic('ASL-SCHEMA-RANGE', span, SCHEMA_MESSAGES.empty(label));
    case 'maxLength': {
      const limit = numberParam(error, 'limit');
      if (limit === undefined || typeof found !== 'string') return undefined;
      return diagnostic('ASL-SCHEMA-RANGE', span, SCHEMA_MESSAGES.tooLong(label, limit, [...found].length));
    }
    default:
      return diagnostic('ASL-SCHEMA-TYPE', span, SCHEMA_MESSAGES.invalid(label));
  }
}

/** A node found along an instance path, with the schema that applies to it. */
interface Located {
  readonly node: ValueNode | undefined;
  readonly schema: SchemaObject | undefined;
  /** The nearest property on the way: its name and key. */
  readonly field: string | undefined;
  readonly fieldKey: StringNode | undefined;
  /** Set when the last step was into an array: the index. */
  readonly item: number | undefined;
}

function locate(checked: Checked, instancePath: string): Located {
  let at: Located = {
    node: checked.node,
    schema: resolve(checked.schema),
    field: undefined,
    fieldKey: undefined,
    item: undefined,
  };
  if (instancePath === '') return at;
  for (const segment of instancePath.slice(1).split('/').map(decodePointerSegment)) {
    const node = at.node;
    if (node?.kind === 'object') {
      const property: PropertyNode | undefined = propertyOf(node, segment);
      at = {
        node: property?.value,
        schema: childSchema(at.schema, segment),
        field: segment,
        fieldKey: property?.key,
        item: undefined,
      };
    } else if (node?.kind === 'array') {
      const index = Number(segment);
      at = {
        node: node.items[index],
        schema: resolve(recordOf(at.schema)['items']),
        field: at.field,
        fieldKey: at.fieldKey,
        item: index,
      };
    } else {
      return { ...at, node: undefined };
    }
  }
  return at;
}

function ownerSpanOf(at: Located, path: string, checked: Checked): Span {
  if (path === '') return checked.ownerSpan;
  return at.fieldKey ?? checked.ownerSpan;
}

function subjectAt(at: Located, path: string, checked: Checked): string {
  const where = objectNameOf(at.schema ?? {});
  return subjectOf(where, path === '' ? checked.position : at.item);
}

function childSchema(schema: SchemaObject | undefined, key: string): SchemaObject | undefined {
  if (schema === undefined) return undefined;
  const properties = recordOf(schema['properties']);
  if (Object.hasOwn(properties, key)) return resolve(properties[key]);
  return resolve(schema['additionalProperties']);
}

/** The schema itself, or the shared schema its `$ref` names. */
function resolve(schema: unknown): SchemaObject | undefined {
  if (!isSchema(schema)) return undefined;
  const ref: unknown = schema['$ref'];
  return typeof ref === 'string' ? SHARED_SCHEMAS[ref] : schema;
}

function isSchema(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectNameOf(schema: SchemaObject): ObjectName {
  const name: unknown = schema['objectName'];
  return typeof name === 'string' && isObjectName(name) ? name : 'state';
}

function expectsOf(schema: SchemaObject): Expected | undefined {
  const expects: unknown = schema['expects'];
  return typeof expects === 'string' && isExpected(expects) ? expects : undefined;
}

/** True when the user has typed the key but not yet its value: the parser reports that already. */
function isPresentWithoutValue(checked: Checked, path: string, field: string): boolean {
  const property = propertyOf(locate(checked, path).node, field);
  return property !== undefined && property.value === undefined;
}

function recordOf(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function stringParam(error: ErrorObject, name: string): string | undefined {
  const value: unknown = recordOf(error.params)[name];
  return typeof value === 'string' ? value : undefined;
}

function numberParam(error: ErrorObject, name: string): number | undefined {
  const value: unknown = recordOf(error.params)[name];
  return typeof value === 'number' ? value : undefined;
}

function decodePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function diagnostic(code: SchemaCode, span: Span, message: string): AslDiagnostic {
  return makeDiagnostic(code, SCHEMA_CODES[code], { offset: span.offset, length: span.length }, message);
}

function pushDefined(list: AslDiagnostic[], item: AslDiagnostic | undefined): void {
  if (item !== undefined) list.push(item);
}
