/**
 * The wording of path problems. Validation shows these inside its own diagnostics; the codes
 * are the validator's, so only sentences live here.
 */
const show = (char: string): string => (char === '' ? 'the end of the path' : `"${char}"`);

export const PATH_MESSAGES = {
  empty: () => 'The path is empty: a path starts with "$".',
  mustStartWithDollar: () =>
    'A path starts with "$" (the input), "$$" (the context object) or "$name" (a variable).',
  operandExpected: () =>
    'A path ("@..." or "$..."), a number, a quoted string, true, false or null was expected here.',
  currentOutsideFilter: () =>
    '"@" stands for the item under test and is only allowed inside a filter "[?(...)]".',
  unexpected: (char: string) => `Unexpected ${show(char)}: a path continues with ".name" or "[...]".`,
  nameExpected: () => 'A name, "*" or "[" was expected after ".".',
  spaceInName: () => `Names with spaces need bracket notation, such as ['my name'].`,
  functionNotSupported: (name: string) => `Step Functions does not support path functions such as ${name}().`,
  scriptNotSupported: () =>
    'Script expressions "[(...)]" are not supported; use an index, a slice or a filter "[?(...)]".',
  unclosedBracket: () => 'This "[" is never closed.',
  closingBracketExpected: (char: string) => `Expected "]" here, not ${show(char)}.`,
  bracketContent: (char: string) =>
    `${show(char)} cannot start a bracket: use a quoted name ['name'], an index [0], a slice [1:3], "*" or a filter [?(...)].`,
  nestedFilter: () => 'A filter cannot contain another filter.',
  filterParenthesis: () => 'A filter is written "[?(expression)]": "(" was expected after "?".',
  unclosedFilter: () => 'This filter is never closed: it ends with ")]".',
  filterClose: (char: string) => `Expected ")" to close the filter, not ${show(char)}.`,
  unclosedString: (quote: string) => `This string is never closed: a ${quote} is missing.`,
  quotedNameExpected: () => 'A quoted name was expected after ",".',
  indexExpected: () => 'An index (a whole number) was expected here.',
  indexTooLarge: () => 'This index is too large.',
  zeroStep: () => 'A slice step cannot be 0.',
  operatorExpected: (char: string) =>
    `Expected an operator (==, !=, <, <=, >, >=, &&, ||) or ")", not ${show(char)}.`,
  unsupportedOperator: (operator: string) =>
    `Step Functions does not support the "${operator}" operator in filters; use ==, !=, <, <=, >, >=, &&, || and !.`,
  singleAmpersand: () => 'Use "&&" for "and".',
  singleBar: () => 'Use "||" for "or".',
  singleEquals: () => 'Use "==" to compare.',
  unclosedParenthesis: () => 'This "(" is never closed.',
  invalidNumber: (text: string) => `"${text}" is not a valid number.`,
} as const;
