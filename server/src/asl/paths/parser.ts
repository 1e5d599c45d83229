/**
 * A hand-written parser for JSONPath as Step Functions accepts it. It never throws on input:
 * the first mistake comes back as a `SyntaxProblem` at the offending characters. Filters are
 * parsed by `FilterParser` (filter.ts), which calls back into `PathParser` for `@` and `$`
 * operands, so both share one cursor over the same text.
 */
import type {
  FilterSelector,
  IndexSelector,
  JsonPath,
  NameSelector,
  PathParseResult,
  PathRoot,
  PathSegment,
  Selector,
  SliceSelector,
  SyntaxProblem,
  UnionSelector,
} from './ast';
import { parseFilterExpression } from './filter';
import { PATH_MESSAGES } from './messages';

/** Thrown inside the parser only, caught at its entry points: never leaves this module family. */
export class PathSyntaxError extends Error {
  readonly problem: SyntaxProblem;
  constructor(problem: SyntaxProblem) {
    super(problem.message);
    this.problem = problem;
  }
}

/** Where a path is being read: at the top of a field, or as an operand inside a filter. */
export type PathContext = 'top' | 'filter';

export class PathParser {
  pos = 0;

  constructor(
    readonly text: string,
    /** Added to every offset: where `text` starts in the caller's coordinates. */
    readonly base: number,
  ) {}

  peek(ahead = 0): string {
    return this.text.charAt(this.pos + ahead);
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  fail(at: number, length: number, message: string): never {
    throw new PathSyntaxError({ offset: this.base + at, length: Math.max(1, length), message });
  }

  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }

  expect(char: string, message: string): void {
    if (this.peek() !== char) this.fail(this.pos, 1, message);
    this.pos++;
  }

  /** Reads a path starting at the cursor; at the top level it must use the whole text. */
  readPath(context: PathContext): JsonPath {
    const start = this.pos;
    const root = this.readRoot(context);
    const segments: PathSegment[] = [];
    for (;;) {
      const char = this.peek();
      if (char === '.' || char === '[') {
        segments.push(this.readSegment(context));
        continue;
      }
      if (this.atEnd() || context === 'filter') break;
      this.fail(this.pos, 1, PATH_MESSAGES.unexpected(char));
    }
    return makePath(this.text.slice(start, this.pos), this.base + start, root, segments);
  }

  private readRoot(context: PathContext): PathRoot {
    const start = this.pos;
    const offset = this.base + start;
    const char = this.peek();
    if (char === '@') {
      if (context === 'top') this.fail(start, 1, PATH_MESSAGES.currentOutsideFilter());
      this.pos++;
      return { kind: 'current', offset, length: 1 };
    }
    if (char !== '$') {
      this.fail(
        start,
        1,
        context === 'top' ? PATH_MESSAGES.mustStartWithDollar() : PATH_MESSAGES.operandExpected(),
      );
    }
    this.pos++;
    if (this.peek() === '$') {
      this.pos++;
      return { kind: 'context', offset, length: 2 };
    }
    if (context === 'top' && isNameStart(this.peek())) {
      while (isNameChar(this.peek())) this.pos++;
      const name = this.text.slice(start + 1, this.pos);
      return { kind: 'variable', name, offset, length: this.pos - start };
    }
    return { kind: 'input', offset, length: 1 };
  }

  private readSegment(context: PathContext): PathSegment {
    const start = this.pos;
    let descendant = false;
    let selector: Selector;
    if (this.peek() === '[') {
      selector = this.readBracket(context);
    } else {
      this.pos++; // '.'
      if (this.peek() === '.') {
        this.pos++;
        descendant = true;
      }
      const next = this.peek();
      if (next === '*') {
        selector = { kind: 'wildcard', offset: this.base + this.pos, length: 1 };
        this.pos++;
      } else if (next === '[') {
        selector = this.readBracket(context);
      } else {
        selector = this.readDotName(context, start);
      }
    }
    return { descendant, selector, offset: this.base + start, length: this.pos - start };
  }

  private readDotName(context: PathContext, segmentStart: number): NameSelector {
    const start = this.pos;
    while (!this.atEnd() && !endsDotName(this.peek(), context)) this.pos++;
    const name = this.text.slice(start, this.pos);
    const stop = this.peek();
    if (name.length === 0) {
      if (stop === ' ' && context === 'top') this.fail(this.pos, 1, PATH_MESSAGES.spaceInName());
      this.fail(segmentStart, this.pos - segmentStart + 1, PATH_MESSAGES.nameExpected());
    }
    if (stop === '(') this.fail(start, this.pos - start + 1, PATH_MESSAGES.functionNotSupported(name));
    if (stop === ' ' && context === 'top') this.fail(this.pos, 1, PATH_MESSAGES.spaceInName());
    return { kind: 'name', name, notation: 'dot', offset: this.base + start, length: this.pos - start };
  }

  private readBracket(context: PathContext): Selector {
    const open = this.pos;
    this.pos++; // '['
    this.skipSpaces();
    const char = this.peek();
    let selector: Selector;
    if (char === '*') {
      this.pos++;
      this.skipSpaces();
      this.closeBracket(open);
      return { kind: 'wildcard', offset: this.base + open, length: this.pos - open };
    }
    if (char === '?') {
      selector = this.readFilter(open, context);
    } else if (char === "'" || char === '"') {
      selector = this.readNames(open);
    } else if (char === '-' || char === ':' || isDigit(char)) {
      selector = this.readNumbers(open);
    } else if (char === '(') {
      this.fail(this.pos, 1, PATH_MESSAGES.scriptNotSupported());
    } else if (this.atEnd()) {
      this.fail(open, 1, PATH_MESSAGES.unclosedBracket());
    } else {
      this.fail(this.pos, 1, PATH_MESSAGES.bracketContent(char));
    }
    return selector;
  }

  private closeBracket(open: number): void {
    if (this.atEnd()) this.fail(open, 1, PATH_MESSAGES.unclosedBracket());
    if (this.peek() !== ']') this.fail(this.pos, 1, PATH_MESSAGES.closingBracketExpected(this.peek()));
    this.pos++;
  }

  private readFilter(open: number, context: PathContext): FilterSelector {
    if (context === 'filter') this.fail(this.pos, 1, PATH_MESSAGES.nestedFilter());
    this.pos++; // '?'
    this.skipSpaces();
    this.expect('(', PATH_MESSAGES.filterParenthesis());
    const expression = parseFilterExpression(this);
    this.skipSpaces();
    if (this.atEnd()) this.fail(open, 1, PATH_MESSAGES.unclosedFilter());
    this.expect(')', PATH_MESSAGES.filterClose(this.peek()));
    this.skipSpaces();
    this.closeBracket(open);
    return { kind: 'filter', expression, offset: this.base + open, length: this.pos - open };
  }

  /**
   * A quoted string at the cursor (either quote). `\` escapes the closing quote and itself; before
   * any other character it is an ordinary character, as on AWS: `$['Test\"Name']` reads the
   * member `Test\"Name`, backslash included (a recorded execution).
   */
  readQuoted(): { value: string; offset: number; length: number } {
    const start = this.pos;
    const quote = this.peek();
    this.pos++;
    let value = '';
    for (;;) {
      if (this.atEnd()) this.fail(start, 1, PATH_MESSAGES.unclosedString(quote));
      const char = this.peek();
      if (char === quote) break;
      const escaped = this.peek(1);
      if (char === '\\' && (escaped === quote || escaped === '\\')) {
        value += escaped;
        this.pos += 2;
        continue;
      }
      value += char;
      this.pos++;
    }
    this.pos++;
    return { value, offset: this.base + start, length: this.pos - start };
  }

  private readNames(open: number): NameSelector | UnionSelector {
    const members: NameSelector[] = [];
    for (;;) {
      const quoted = this.readQuoted();
      members.push({
        kind: 'name',
        name: quoted.value,
        notation: 'bracket',
        offset: quoted.offset,
        length: quoted.length,
      });
      this.skipSpaces();
      if (this.peek() !== ',') break;
      this.pos++;
      this.skipSpaces();
      if (this.peek() !== "'" && this.peek() !== '"')
        this.fail(this.pos, 1, PATH_MESSAGES.quotedNameExpected());
    }
    this.closeBracket(open);
    const only = members.length === 1 ? members[0] : undefined;
    if (only !== undefined) return { ...only, offset: this.base + open, length: this.pos - open };
    return { kind: 'union', members, offset: this.base + open, length: this.pos - open };
  }

  private readInteger(): { value: number; offset: number; length: number } | undefined {
    const start = this.pos;
    if (this.peek() === '-') this.pos++;
    if (!isDigit(this.peek())) {
      this.pos = start;
      return undefined;
    }
    while (isDigit(this.peek())) this.pos++;
    const value = Number(this.text.slice(start, this.pos));
    if (!Number.isSafeInteger(value)) this.fail(start, this.pos - start, PATH_MESSAGES.indexTooLarge());
    return { value, offset: this.base + start, length: this.pos - start };
  }

  private readNumbers(open: number): IndexSelector | UnionSelector | SliceSelector {
    const first = this.readInteger();
    this.skipSpaces();
    if (this.peek() === ':') return this.readSlice(open, first?.value);
    if (first === undefined) this.fail(this.pos, 1, PATH_MESSAGES.indexExpected());
    const members: IndexSelector[] = [
      { kind: 'index', index: first.value, offset: first.offset, length: first.length },
    ];
    while (this.peek() === ',') {
      this.pos++;
      this.skipSpaces();
      const next = this.readInteger();
      if (next === undefined) this.fail(this.pos, 1, PATH_MESSAGES.indexExpected());
      members.push({ kind: 'index', index: next.value, offset: next.offset, length: next.length });
      this.skipSpaces();
    }
    this.closeBracket(open);
    const only = members.length === 1 ? members[0] : undefined;
    if (only !== undefined) return { ...only, offset: this.base + open, length: this.pos - open };
    return { kind: 'union', members, offset: this.base + open, length: this.pos - open };
  }

  private readSlice(open: number, start: number | undefined): SliceSelector {
    this.pos++; // first ':'
    this.skipSpaces();
    const end = this.readInteger()?.value;
    this.skipSpaces();
    let step: number | undefined;
    if (this.peek() === ':') {
      this.pos++;
      this.skipSpaces();
      const stepAt = this.pos;
      step = this.readInteger()?.value;
      if (step === 0) this.fail(stepAt, this.pos - stepAt, PATH_MESSAGES.zeroStep());
      this.skipSpaces();
    }
    this.closeBracket(open);
    return { kind: 'slice', start, end, step, offset: this.base + open, length: this.pos - open };
  }
}

/** Parses a whole string as a path. `baseOffset` shifts every reported offset. */
export function parseJsonPath(text: string, baseOffset = 0): PathParseResult {
  const parser = new PathParser(text, baseOffset);
  try {
    if (text.length === 0) parser.fail(0, 0, PATH_MESSAGES.empty());
    return { ok: true, path: parser.readPath('top') };
  } catch (error) {
    if (error instanceof PathSyntaxError) return { ok: false, problem: error.problem };
    throw error;
  }
}

function makePath(text: string, offset: number, root: PathRoot, segments: readonly PathSegment[]): JsonPath {
  const steps: (string | number)[] = [];
  let definite = true;
  for (const segment of segments) {
    const selector = segment.selector;
    if (segment.descendant) definite = false;
    else if (selector.kind === 'name') steps.push(selector.name);
    else if (selector.kind === 'index') steps.push(selector.index);
    else definite = false;
  }
  return { text, offset, length: text.length, root, segments, definite, steps: definite ? steps : undefined };
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

const NAME_START = /[\p{L}_]/u;
const NAME_CHAR = /[\p{L}\p{N}_]/u;

/** Variable names: a letter or underscore, then letters, digits and underscores. */
export function isNameStart(char: string): boolean {
  return char !== '' && NAME_START.test(char);
}

export function isNameChar(char: string): boolean {
  return char !== '' && NAME_CHAR.test(char);
}

/**
 * Jayway (which Step Functions uses) ends a dot-notation name only at `.`, `[`, `(` and
 * spaces, so names such as `detail-type` work unquoted. We also end it at closing brackets,
 * parentheses and quotes, which then read as the mistakes they are. Inside a filter the name
 * also ends where an operator begins.
 */
const ENDS_NAME = new Set(['.', '[', '(', ' ', '\t', ']', ')', "'", '"']);
const ENDS_NAME_IN_FILTER = new Set([...ENDS_NAME, '=', '!', '<', '>', '&', '|', ',']);

function endsDotName(char: string, context: PathContext): boolean {
  return (context === 'top' ? ENDS_NAME : ENDS_NAME_IN_FILTER).has(char);
}
