import type { ValidateFunction } from 'ajv';
import { propertyOf, type ObjectNode, type Span } from '../ast';
import { makeDiagnostic, type AslDiagnostic } from '../diagnostics';
import { buildModel, type Scope, type StateMachine } from '../model';
import type { ParsedDocument } from '../parse';
import { scopeValue, stateValue, valueWithoutContents } from './checkedValue';
import { SCHEMA_CODES } from './codes';
import { describeFound, SCHEMA_MESSAGES } from './messages';
import { SCOPE_SCHEMAS } from './scopeSchemas';
import { isStateType, STATE_SCHEMAS, STATE_TYPE_SCHEMA } from './stateSchemas';
import { translateErrors, type Checked } from './translate';
import { SCOPE_VALIDATORS, STATE_VALIDATORS, STATE_TYPE_VALIDATOR } from './validators';

/**
 * The schema layer: every shape mistake of a document (unknown, missing and mistyped fields,
 * values outside their set or range), as diagnostics in document order. Each scope (machine,
 * branch, processor) and each state is checked on its own, with the schema of its kind; a
 * state whose Type is missing or unknown is only checked for its Type. Works on whatever
 * parsed, never throws. Pass the model when the caller has built it already.
 *
 * Left to the semantic rules (server/src/asl/rules/), so that no mistake is reported twice:
 * which query language may use which field, pairs that exclude each other (X and XPath, Next
 * and End, ItemProcessor and Iterator), the kinds of Choice operator values, where in a Choice
 * rule Next/Condition/Assign may appear, how many durations a Wait has, state names, transitions,
 * ARNs, paths and expressions. Next or End on a Succeed, Fail or Choice state, and a Map with
 * no processor at all, are reported here.
 */
export function checkSchema(document: ParsedDocument, model?: StateMachine): AslDiagnostic[] {
  const root = document.root;
  if (root === undefined) return [];
  if (root.kind !== 'object') {
    return [
      makeDiagnostic(
        'ASL-SCHEMA-TYPE',
        SCHEMA_CODES['ASL-SCHEMA-TYPE'],
        { offset: root.offset, length: root.length },
        SCHEMA_MESSAGES.notAnObjectRoot(describeFound(valueWithoutContents(root))),
      ),
    ];
  }
  const machine = model ?? buildModel(document);
  const diagnostics: AslDiagnostic[] = [];
  for (const scope of machine.scopes) {
    const checked: Checked = {
      node: scope.node,
      schema: SCOPE_SCHEMAS[scope.kind],
      ownerSpan: scopeOwnerSpan(scope, root),
      ...(scope.kind === 'branch' ? { position: scope.index } : {}),
    };
    run(SCOPE_VALIDATORS[scope.kind], scopeValue(scope.node), checked, diagnostics);
  }
  for (const state of machine.states) {
    if (state.node === undefined) continue; // not an object: its scope's check reports that
    const type = state.type;
    const known = isStateType(type);
    const checked: Checked = {
      node: state.node,
      schema: known ? STATE_SCHEMAS[type] : STATE_TYPE_SCHEMA,
      ownerSpan: state.key,
    };
    run(known ? STATE_VALIDATORS[type] : STATE_TYPE_VALIDATOR, stateValue(state.node), checked, diagnostics);
  }
  return diagnostics.sort((a, b) => a.offset - b.offset || a.length - b.length);
}

function run(validator: ValidateFunction, value: unknown, checked: Checked, into: AslDiagnostic[]): void {
  if (validator(value)) return;
  into.push(...translateErrors(validator.errors ?? [], checked));
}

/**
 * Where a scope's missing StartAt or States is reported: at the key that holds the scope
 * ("Branches", "ItemProcessor"), or at the first character of the document for the machine.
 */
function scopeOwnerSpan(scope: Scope, root: ObjectNode): Span {
  const owner = scope.owner;
  if (owner === undefined) return { offset: root.offset, length: 1 };
  const key =
    scope.kind === 'branch' ? 'Branches' : scope.kind === 'itemProcessor' ? 'ItemProcessor' : 'Iterator';
  return propertyOf(owner.node, key)?.key ?? owner.key;
}
