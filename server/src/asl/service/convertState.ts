import { endOf, propertyOf, toValue, type PropertyNode } from '../ast';
import { stringValue, type State, type StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import { isRecord } from '../../guards';
import { choiceRuleOf } from './choiceToJsonata';
import { indentLater, indentUnit, lineStart } from './editing';
import {
  NotMechanical,
  outputPathExpression,
  pathExpression,
  payloadExpression,
  resultPathExpression,
  templateExpression,
  templateValue,
  type Expression,
} from './jsonPathToJsonata';
import { queryLanguageOf } from './roles';
import { Choice, Placeholder, renderEntry, type Template, type TemplateObject } from './template';
import type { TextEdit } from './types';

/**
 * A whole JSONPath state rewritten as a JSONata state, as one edit over its fields:
 * `QueryLanguage` set, InputPath folded into the expressions, Parameters → Arguments (or the
 * Map's ItemSelector, or a Pass state's Output), ResultSelector/ResultPath/OutputPath (and a
 * Pass state's Result) → one Output, the `...Path` fields → their JSONata fields, Choice rules
 * → Conditions, catchers' ResultPath → their Output, `.$` keys of Assign → `{% %}`. Undefined
 * when any part has no mechanical rewriting: a state is converted whole or not at all.
 */
export function convertStateToJsonata(
  document: ParsedDocument,
  model: StateMachine,
  state: State,
): TextEdit | undefined {
  const body = state.node;
  if (body === undefined || body.aliasOf !== undefined || queryLanguageOf(model, state) !== 'JSONPath')
    return undefined;
  const own = body.properties;
  if (own.length === 0 || own.some((p) => p.key.offset < body.offset || p.value === undefined))
    return undefined;
  if (document.format === 'yaml' && hasCommentBetween(document.text, own)) return undefined;
  let fields: readonly Field[];
  try {
    const machineIsJsonata = stringValue(propertyOf(model.root, 'QueryLanguage')?.value) === 'JSONata';
    fields = convertFields(state.type ?? '', own, machineIsJsonata);
  } catch (error) {
    if (error instanceof NotMechanical) return undefined;
    throw error;
  }
  return render(document, body.offset, own, fields);
}

/** A field of the converted state: one kept as written, or a new one. */
type Field =
  | { readonly kind: 'kept'; readonly property: PropertyNode }
  | { readonly kind: 'new'; readonly key: string; readonly value: Template };

const COMMON = ['Type', 'Comment', 'Next', 'End', 'QueryLanguage', 'InputPath', 'OutputPath', 'Assign'];
const WITH_RESULT = ['Parameters', 'ResultSelector', 'ResultPath', 'Retry', 'Catch'];

/** The JSONPath fields each state type may have for the conversion to be mechanical. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  Task: [
    ...COMMON,
    ...WITH_RESULT,
    'Resource',
    'TimeoutSeconds',
    'HeartbeatSeconds',
    'TimeoutSecondsPath',
    'HeartbeatSecondsPath',
  ],
  Parallel: [...COMMON, ...WITH_RESULT, 'Branches'],
  Map: [
    ...COMMON,
    ...WITH_RESULT,
    'ItemProcessor',
    'Iterator',
    'ItemsPath',
    'ItemSelector',
    'MaxConcurrency',
    'MaxConcurrencyPath',
  ],
  Pass: [...COMMON, 'Parameters', 'Result', 'ResultPath'],
  Wait: [...COMMON, 'Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'],
  Choice: ['Type', 'Comment', 'QueryLanguage', 'InputPath', 'OutputPath', 'Assign', 'Choices', 'Default'],
  Succeed: ['Type', 'Comment', 'QueryLanguage', 'InputPath', 'OutputPath'],
  Fail: ['Type', 'Comment', 'QueryLanguage', 'Error', 'Cause', 'ErrorPath', 'CausePath'],
};

/** `...Path` fields and the JSONata field taking their value as an expression. */
const PATH_FIELDS: Readonly<Record<string, string>> = {
  TimeoutSecondsPath: 'TimeoutSeconds',
  HeartbeatSecondsPath: 'HeartbeatSeconds',
  SecondsPath: 'Seconds',
  TimestampPath: 'Timestamp',
  MaxConcurrencyPath: 'MaxConcurrency',
  ItemsPath: 'Items',
  ErrorPath: 'Error',
  CausePath: 'Cause',
};

function convertFields(type: string, own: readonly PropertyNode[], machineIsJsonata: boolean): Field[] {
  const allowed = ALLOWED[type];
  if (allowed === undefined) throw new NotMechanical();
  const values = new Map<string, unknown>();
  for (const property of own) {
    const key = property.key.value;
    if (!allowed.includes(key) || values.has(key) || property.value === undefined) throw new NotMechanical();
    values.set(key, toValue(property.value));
  }
  const value = (key: string): unknown => values.get(key);
  const has = (key: string): boolean => values.has(key);
  const inputPath = value('InputPath');
  if (inputPath === null) throw new NotMechanical();
  const input =
    inputPath === undefined ? '$states.input' : pathExpression(stringOf(inputPath), '$states.input');
  const hasResult = type === 'Task' || type === 'Parallel' || type === 'Map';

  // Arguments (Task, Parallel) or the Map's items and their selector.
  let argumentsField: Template | undefined;
  if (type === 'Task' || type === 'Parallel') {
    if (has('Parameters')) argumentsField = templateValue(value('Parameters'), input);
    else if (has('InputPath')) argumentsField = `{% ${input} %}`;
  }
  let items: Template | undefined;
  let itemSelector: Template | undefined;
  if (type === 'Map') {
    if (has('Parameters') && has('ItemSelector')) throw new NotMechanical();
    const selector = value('ItemSelector') ?? value('Parameters');
    if (selector !== undefined) itemSelector = templateValue(selector, input);
    const itemsPath = value('ItemsPath');
    if (itemsPath !== undefined) items = `{% ${pathExpression(stringOf(itemsPath), input)} %}`;
    else if (has('InputPath')) items = `{% ${input} %}`;
  }

  // What the state produced, where ResultPath puts it, what OutputPath keeps.
  let output: Template | undefined;
  if (type !== 'Fail') {
    const produced = producedValue(type, values, input);
    const resultPath = value('ResultPath');
    const outputPath = value('OutputPath');
    const defaultOutput = hasResult ? '$states.result' : '$states.input';
    if (resultPath === undefined && outputPath === undefined && produced.template !== undefined) {
      output = produced.template;
    } else {
      const expression =
        hasResult || type === 'Pass'
          ? placeAndSelect(resultPath, outputPath, produced.expression)
          : outputPathExpression(outputPath, input);
      if (expression !== defaultOutput) output = `{% ${expression} %}`;
    }
  }

  // The base `$` of the state's own Assign: the result, or the effective input.
  const assignBase = hasResult ? '$states.result' : input;
  if (type === 'Pass' && (has('Parameters') || has('Result')) && usesInput(value('Assign')))
    throw new NotMechanical();

  const fields: Field[] = [];
  const placedOnce = new Set<string>();
  const add = (key: string, template: Template | undefined): void => {
    if (template === undefined || placedOnce.has(key)) return;
    placedOnce.add(key);
    fields.push({ kind: 'new', key, value: template });
  };
  const argumentSources = ['InputPath', 'Parameters'];
  const outputSources = [
    'ResultSelector',
    'ResultPath',
    'OutputPath',
    'Result',
    ...(hasResult ? [] : argumentSources),
  ];
  for (const property of own) {
    const key = property.key.value;
    const kept = (): void => {
      fields.push({ kind: 'kept', property });
    };
    switch (key) {
      case 'Type':
        kept();
        if (!machineIsJsonata) add('QueryLanguage', 'JSONata');
        break;
      case 'QueryLanguage':
        if (!machineIsJsonata) add('QueryLanguage', 'JSONata');
        break;
      case 'Assign':
        add('Assign', templateValue(value('Assign'), assignBase));
        break;
      case 'Catch':
        add('Catch', catchers(value('Catch')));
        break;
      case 'Choices':
        add('Choices', choiceRules(value('Choices'), input));
        break;
      case 'ItemSelector':
        add('ItemSelector', itemSelector);
        break;
      default: {
        const pathTarget = PATH_FIELDS[key];
        if (pathTarget !== undefined && key !== 'ItemsPath') {
          // ErrorPath and CausePath also take an intrinsic call.
          const source = stringOf(value(key));
          const expression =
            type === 'Fail' ? payloadExpression(source, input) : pathExpression(source, input);
          add(pathTarget, `{% ${expression} %}`);
          break;
        }
        if (argumentSources.includes(key) || key === 'ItemsPath') {
          if (type === 'Task' || type === 'Parallel') add('Arguments', argumentsField);
          if (type === 'Map') {
            add('Items', items);
            if (key === 'Parameters') add('ItemSelector', itemSelector);
          }
        }
        if (outputSources.includes(key)) add('Output', output);
        if (!argumentSources.includes(key) && !outputSources.includes(key) && key !== 'ItemsPath') kept();
      }
    }
  }
  return fields;
}

/**
 * ResultPath then OutputPath. When OutputPath selects inside where ResultPath put the value
 * (`$.loaded` then `$.loaded.body`), the merge is skipped: the same value, read directly.
 */
function placeAndSelect(resultPath: unknown, outputPath: unknown, value: Expression): Expression {
  if (typeof resultPath === 'string' && typeof outputPath === 'string' && resultPath.startsWith('$.')) {
    const rest =
      outputPath === resultPath
        ? ''
        : outputPath.startsWith(`${resultPath}.`)
          ? outputPath.slice(resultPath.length)
          : undefined;
    if (rest !== undefined && /^(\.[A-Za-z_]\w*)*$/.test(rest) && /^\$(\.[A-Za-z_]\w*)+$/.test(resultPath))
      return outputPathExpression(`$${rest}`, value);
  }
  return outputPathExpression(outputPath, resultPathExpression(resultPath, value));
}

/** The state's own value before ResultPath: its result, its Result or Parameters, or its input. */
function producedValue(
  type: string,
  values: ReadonlyMap<string, unknown>,
  input: Expression,
): { readonly expression: Expression; readonly template: Template | undefined } {
  if (type === 'Task' || type === 'Parallel' || type === 'Map') {
    const selector = values.get('ResultSelector');
    if (selector === undefined) return { expression: '$states.result', template: undefined };
    return {
      expression: templateExpression(selector, '$states.result'),
      template: templateValue(selector, '$states.result'),
    };
  }
  if (type === 'Pass') {
    if (values.has('Result')) {
      const result = values.get('Result');
      return { expression: templateExpression(result, input), template: literalTemplate(result) };
    }
    const parameters = values.get('Parameters');
    if (parameters !== undefined)
      return {
        expression: templateExpression(parameters, input),
        template: templateValue(parameters, input),
      };
  }
  return { expression: input, template: input === '$states.input' ? undefined : `{% ${input} %}` };
}

/** A Result literal as an Output value: the same JSON, refused when a string would read as an expression. */
function literalTemplate(value: unknown): Template {
  if (typeof value === 'string' && value.trimStart().startsWith('{%')) throw new NotMechanical();
  if (value === null || typeof value !== 'object') return templateValue(value, '$states.input');
  if (Array.isArray(value)) return value.map(literalTemplate);
  if (!isRecord(value)) throw new NotMechanical();
  const result: Record<string, Template> = {};
  for (const [key, item] of Object.entries(value)) result[key] = literalTemplate(item);
  return result;
}

function catchers(value: unknown): Template {
  if (!Array.isArray(value)) throw new NotMechanical();
  return value.map((catcher): Template => {
    if (!isRecord(catcher)) throw new NotMechanical();
    const result: Record<string, Template> = {};
    for (const [key, item] of Object.entries(catcher)) {
      if (key === 'ResultPath') {
        const expression = resultPathExpression(item, '$states.errorOutput');
        if (expression !== '$states.errorOutput') result['Output'] = `{% ${expression} %}`;
      } else if (key === 'Assign') {
        result[key] = templateValue(item, '$states.errorOutput');
      } else if (key === 'ErrorEquals' || key === 'Next' || key === 'Comment') {
        result[key] = templateValue(item, '$states.input');
      } else {
        throw new NotMechanical();
      }
    }
    return result;
  });
}

function choiceRules(value: unknown, input: Expression): Template {
  if (!Array.isArray(value)) throw new NotMechanical();
  return value.map((rule) => choiceRuleOf(rule, input));
}

function stringOf(value: unknown): string {
  if (typeof value !== 'string') throw new NotMechanical();
  return value;
}

/** Whether an Assign block reads the state's `$` (not only `$$` or variables). */
function usesInput(assign: unknown): boolean {
  if (!isRecord(assign)) return false;
  return Object.entries(assign).some(([key, item]) =>
    key.endsWith('.$')
      ? typeof item === 'string' && /(^|[(,\s])\$(?![$\w])/.test(item)
      : isRecord(item) && usesInput(item),
  );
}

/** A YAML comment between two fields would be lost when the fields are written again. */
function hasCommentBetween(text: string, own: readonly PropertyNode[]): boolean {
  for (let i = 0; i + 1 < own.length; i++) {
    const current = own[i];
    const next = own[i + 1];
    if (current === undefined || next === undefined) continue;
    if (text.slice(endOfProperty(current), next.offset).includes('#')) return true;
  }
  return false;
}

function endOfProperty(property: PropertyNode): number {
  return property.value === undefined ? endOf(property) : Math.max(endOf(property), endOf(property.value));
}

/** One edit from the first field to the end of the last: kept fields as written, new ones rendered. */
function render(
  document: ParsedDocument,
  bodyOffset: number,
  own: readonly PropertyNode[],
  fields: readonly Field[],
): TextEdit | undefined {
  const first = own[0];
  const last = own[own.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const text = document.text;
  const flow = text[bodyOffset] === '{';
  const format = document.format === 'json' || flow ? 'json' : 'yaml';
  const indent = ' '.repeat(first.offset - lineStart(text, first.offset));
  const singleLine = lineStart(text, first.offset) === lineStart(text, endOfProperty(last));
  const options = { format, indent: indentUnit(text), snippet: false } as const;
  const pieces = fields.map((field) => {
    if (field.kind === 'kept') return text.slice(field.property.offset, endOfProperty(field.property));
    if (singleLine && format === 'json') return `${JSON.stringify(field.key)}: ${inlineJson(field.value)}`;
    return indentLater(renderEntry(field.key, field.value, options), indent);
  });
  const separator = format === 'yaml' ? `\n${indent}` : singleLine ? ', ' : `,\n${indent}`;
  const span = { offset: first.offset, length: endOfProperty(last) - first.offset };
  return { span, newText: pieces.join(separator) };
}

/** A value on one line, spaced as the fields around it usually are: `{ "a": 1 }`, `["x", "y"]`. */
function inlineJson(value: Template): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Placeholder) return JSON.stringify(value.text);
  if (value instanceof Choice) return JSON.stringify(value.options[0] ?? '');
  if (isTemplateList(value)) return `[${value.map(inlineJson).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

function isTemplateList(value: TemplateObject | readonly Template[]): value is readonly Template[] {
  return Array.isArray(value);
}
