/**
 * One entry point for the value of a `.$` key (Parameters, ResultSelector, ItemSelector,
 * Credentials, Assign...): decides what it is, parses it with the right grammar, and runs the
 * literal checks on intrinsic calls. Offsets are shifted by `baseOffset`, so a validator that
 * knows where the string's text starts gets document offsets back.
 */
import type { JsonPath, SyntaxProblem } from '../paths/ast';
import type { PayloadExpressionKind } from '../paths/classify';
import { classifyPayloadString } from '../paths/classify';
import { parseJsonPath } from '../paths/parser';
import type { IntrinsicCall } from './ast';
import { checkIntrinsicCall } from './check';
import { parseIntrinsic } from './parser';

export interface PayloadExpressionCheck {
  readonly kind: PayloadExpressionKind;
  /** Set when the text is a path that parsed. */
  readonly path?: JsonPath;
  /** Set when the text is an intrinsic call that parsed. */
  readonly call?: IntrinsicCall;
  /** Syntax problems first, then literal-argument problems; empty when the expression is sound. */
  readonly problems: readonly SyntaxProblem[];
}

const NOT_AN_EXPRESSION =
  'A field ending in ".$" takes a path ("$.x"), a context path ("$$.x"), a variable ("$name") or an intrinsic function call ("States.Format(...)").';

export function checkPayloadExpression(text: string, baseOffset = 0): PayloadExpressionCheck {
  const kind = classifyPayloadString(text);
  if (kind === 'invalid') {
    return {
      kind,
      problems: [{ offset: baseOffset, length: Math.max(1, text.length), message: NOT_AN_EXPRESSION }],
    };
  }
  if (kind === 'intrinsic') {
    const parsed = parseIntrinsic(text, baseOffset);
    if (!parsed.ok) return { kind, problems: [parsed.problem] };
    return { kind, call: parsed.call, problems: checkIntrinsicCall(parsed.call) };
  }
  const parsed = parseJsonPath(text, baseOffset);
  return parsed.ok ? { kind, path: parsed.path, problems: [] } : { kind, problems: [parsed.problem] };
}
