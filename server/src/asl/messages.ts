/**
 * All diagnostic wording in one table. The code beside each message (diagnostics.ts) is the
 * stable part; wording may improve without breaking callers.
 */
export const MESSAGES = {
  emptyDocument: () =>
    'The document is empty: a workflow definition is an object with "StartAt" and "States".',
  jsonComment: () => 'Comments are not allowed: Step Functions reads definitions as strict JSON.',
  jsonTrailingComma: () => 'Trailing comma: Step Functions reads definitions as strict JSON.',
  jsonSyntax: (problem: string) => `${problem}.`,
  tooDeep: () => 'The document is nested too deeply to be read.',
  duplicateKey: (key: string) => `Duplicate key "${key}": each key may appear only once in an object.`,
  duplicateKeyFirst: (key: string) => `"${key}" is first defined here.`,
  yamlKeyNotScalar: () => 'Keys must be plain strings: complex YAML keys have no JSON equivalent.',
  yamlKeyNull: () => 'A key is missing before ":".',
  yamlRecursiveAlias: (name: string) => `The alias "*${name}" refers to a node that contains it.`,
  yamlUnknownAlias: (name: string) => `The alias "*${name}" has no anchor "&${name}" before it.`,
  yamlAliasTooLarge: (name: string) =>
    `The alias "*${name}" would make the definition larger than 1 MB as JSON, the most Step Functions accepts; it is left out.`,
  yamlMergeNotMap: () => 'A merge key ("<<") takes an alias of a mapping, or a list of them.',
  yaml: (code: string, message: string) =>
    YAML_ERROR_TEXT[code] ?? sentence(message.replace(/\s+/g, ' ').trim()),
  internalParserFailure: (detail: string) => `The parser failed on this document: ${detail}.`,
} as const;

/** The yaml package's error codes we word ourselves; other codes keep the package's message. */
const YAML_ERROR_TEXT: Readonly<Record<string, string>> = {
  MULTIPLE_DOCS: 'A workflow file holds one YAML document: remove the second one (after "---").',
  TAG_RESOLVE_FAILED:
    'Unknown tag: Step Functions reads plain YAML values, so tags such as !Ref are not resolved.',
};

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** jsonc-parser's error names, as sentences. */
export const JSON_ERROR_TEXT: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'A property name in double quotes was expected',
  ValueExpected: 'A value was expected',
  ColonExpected: 'A colon was expected',
  CommaExpected: 'A comma was expected',
  CloseBraceExpected: 'A closing brace "}" was expected',
  CloseBracketExpected: 'A closing bracket "]" was expected',
  EndOfFileExpected: 'Only one value is allowed in a document; the text after it is unexpected',
  InvalidCommentToken: 'Comments are not allowed',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid unicode escape sequence',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Invalid character in string (control characters must be escaped)',
};
