/** The wording of intrinsic function problems (the validator owns the codes). */
const show = (char: string): string => (char === '' ? 'the end' : `"${char}"`);

export const INTRINSIC_MESSAGES = {
  callExpected: () => 'An intrinsic function call such as States.Format(...) was expected here.',
  tooDeep: (max: number) => `Intrinsic functions may be nested at most ${max} levels deep.`,
  openParenthesis: (name: string) => `"(" was expected after ${name}.`,
  unclosedCall: (name: string) => `The call to ${name} is never closed: a ")" is missing.`,
  commaOrClose: (char: string) => `Expected "," or ")" after an argument, not ${show(char)}.`,
  argumentExpected: () =>
    "An argument was expected here: a 'string', a number, true, false, null, a path or a call.",
  trailing: () => 'Unexpected text after the end of the call.',
  doubleQuotes: () => "Strings in intrinsic functions use single quotes: 'text'.",
  badNumber: (text: string) => `"${text}" is not a valid number.`,
  unknownWord: (word: string) =>
    `"${word}" is not an argument: quote text as '${word}', or write a path such as $.${word}.`,
  unclosedString: () => "This string is never closed: a ' is missing.",
  unknownFunction: (name: string, suggestion: string | undefined) =>
    suggestion === undefined
      ? `${name} is not an intrinsic function.`
      : `${name} is not an intrinsic function; did you mean ${suggestion}?`,
  arity: (name: string, min: number, max: number, given: number) => {
    const expected =
      max === Infinity
        ? `at least ${min} argument${min === 1 ? '' : 's'}`
        : min === max
          ? `${min} argument${min === 1 ? '' : 's'}`
          : `${min} to ${max} arguments`;
    return `${name} takes ${expected}, but ${given} ${given === 1 ? 'is' : 'are'} given.`;
  },
  wrongKind: (name: string, parameter: string, expected: string, actual: string) =>
    `The ${parameter} argument of ${name} must be ${expected}, not ${actual}.`,
  hashAlgorithm: (given: string, allowed: readonly string[]) =>
    `"${given}" is not a hash algorithm States.Hash knows: use one of ${allowed.join(', ')}.`,
  placeholders: (placeholders: number, values: number) =>
    `The template has ${placeholders} {} placeholder${placeholders === 1 ? '' : 's'} but ${values} value${values === 1 ? ' follows' : 's follow'} it.`,
  deepMerge: () => 'States.JsonMerge supports only a shallow merge: the third argument must be false.',
  rangeStep: () => 'The step of States.ArrayRange cannot be 0.',
  rangeTooLong: (count: number, max: number) =>
    `This range has ${count} numbers; States.ArrayRange makes at most ${max}.`,
  chunkSize: () => 'The chunk size of States.ArrayPartition must be greater than 0.',
  negativeIndex: () => 'The index of States.ArrayGetItem cannot be negative.',
  tooLong: (name: string, max: number) => `${name} takes at most ${max} characters.`,
} as const;
