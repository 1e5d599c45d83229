/**
 * A breakpoint's hit count condition, as typed in the editor: `5` or `>=5` (from the 5th hit
 * on), `==5` or `=5` (the 5th hit only), `>5`, `<5`, `<=5`, and `%5` (every 5th hit).
 */
export type HitCondition = (hits: number) => boolean;

export type HitConditionResult =
  | { readonly kind: 'ok'; readonly test: HitCondition }
  | { readonly kind: 'invalid'; readonly message: string };

const FORM = /^\s*(>=|<=|==|=|>|<|%)?\s*(\d+)\s*$/;

export function parseHitCondition(text: string): HitConditionResult {
  const match = FORM.exec(text);
  const operator = match?.[1] ?? '>=';
  const count = Number(match?.[2]);
  if (match === null || !Number.isSafeInteger(count)) {
    return {
      kind: 'invalid',
      message: `The hit count '${text}' is not understood: write a number such as 5, or >=5, ==5, >5, <5, <=5, %5.`,
    };
  }
  switch (operator) {
    case '==':
    case '=':
      return ok((hits) => hits === count);
    case '>':
      return ok((hits) => hits > count);
    case '<':
      return ok((hits) => hits < count);
    case '<=':
      return ok((hits) => hits <= count);
    case '%':
      return count === 0
        ? { kind: 'invalid', message: 'The hit count %0 divides by zero: use %1 or more.' }
        : ok((hits) => hits % count === 0);
    default:
      return ok((hits) => hits >= count);
  }
}

function ok(test: HitCondition): HitConditionResult {
  return { kind: 'ok', test };
}
