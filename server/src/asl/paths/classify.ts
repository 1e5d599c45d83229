/**
 * What a string under a `.$` key holds. Step Functions decides by the first characters: `$$`
 * is a context path, `$` followed by a name character is a variable, `$` otherwise a path
 * over the input, and `States.` starts an intrinsic function call. Anything else is refused.
 */
import { isNameStart } from './parser';

export type PayloadExpressionKind = 'path' | 'context-path' | 'variable-path' | 'intrinsic' | 'invalid';

export function classifyPayloadString(text: string): PayloadExpressionKind {
  if (text.startsWith('$$')) return 'context-path';
  if (text.startsWith('$')) return isNameStart(text.charAt(1)) ? 'variable-path' : 'path';
  if (text.startsWith('States.')) return 'intrinsic';
  return 'invalid';
}
