import type { ValueNode } from './ast';
import { diagnostic, type AslDiagnostic } from './diagnostics';
import { LineIndex } from './lines';
import { MESSAGES } from './messages';
import { parseJson, type ParsedTree } from './parseJson';
import { parseYaml } from './parseYaml';

export type DocumentFormat = 'json' | 'yaml';

export interface ParsedDocument {
  readonly format: DocumentFormat;
  readonly text: string;
  /** The top value, or undefined for an empty document. */
  readonly root: ValueNode | undefined;
  /** Syntax errors and warnings, in document order. */
  readonly errors: readonly AslDiagnostic[];
  readonly lines: LineIndex;
}

/** The format of a document from its file name or VS Code language id: YAML for .yaml/.yml and asl-yaml, JSON otherwise. */
export function formatOf(fileNameOrLanguageId: string): DocumentFormat {
  return /(\.ya?ml|^asl-yaml|^yaml)$/i.test(fileNameOrLanguageId) ? 'yaml' : 'json';
}

/** Any text to a positioned tree plus syntax errors. Never throws. */
export function parseDocument(text: string, format: DocumentFormat): ParsedDocument {
  const tree = parseSafely(text, format);
  const errors = [...tree.errors];
  if (tree.root === undefined && !errors.some((e) => e.severity === 'error')) {
    errors.push(diagnostic('ASL-SYNTAX-EMPTY', { offset: 0, length: 0 }, MESSAGES.emptyDocument()));
  }
  errors.sort((a, b) => a.offset - b.offset);
  return { format, text, root: tree.root, errors, lines: new LineIndex(text) };
}

function parseSafely(text: string, format: DocumentFormat): ParsedTree {
  try {
    return format === 'yaml' ? parseYaml(text) : parseJson(text);
  } catch (error) {
    // Both parsers recurse per nesting level; a pathological document can exhaust the stack.
    if (error instanceof RangeError) {
      return {
        root: undefined,
        errors: [diagnostic('ASL-SYNTAX-TOO-DEEP', { offset: 0, length: 0 }, MESSAGES.tooDeep())],
      };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return {
      root: undefined,
      errors: [diagnostic('ASL-SYNTAX', { offset: 0, length: 0 }, MESSAGES.internalParserFailure(detail))],
    };
  }
}
