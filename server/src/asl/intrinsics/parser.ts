/**
 * The grammar of intrinsic function calls: `Name(arg, arg, ...)` where an argument is a
 * single-quoted string, a number, true/false/null, a path (`$...`, `$$...`, `$name...`) or
 * another call. Inside strings a backslash takes the next character literally, which gives
 * AWS's escapes `\'`, `\{`, `\}` and `\\`. Never throws: the first problem is returned.
 */
import type { PathSpan, SyntaxProblem } from '../paths/ast';
import { parseJsonPath } from '../paths/parser';
import type {
  IntrinsicArgument,
  IntrinsicCall,
  IntrinsicParseResult,
  PathArgument,
  StringArgument,
} from './ast';
import { MAX_INTRINSIC_DEPTH } from './ast';
import { INTRINSIC_MESSAGES } from './messages';

class IntrinsicSyntaxError extends Error {
  readonly problem: SyntaxProblem;
  constructor(problem: SyntaxProblem) {
    super(problem.message);
    this.problem = problem;
  }
}

/** Parses `text` as one call; `baseOffset` is where `text` starts in the caller's coordinates. */
export function parseIntrinsic(text: string, baseOffset = 0): IntrinsicParseResult {
  const reader = new CallReader(text, baseOffset);
  try {
    const call = reader.readCall(1);
    reader.skipSpaces();
    if (!reader.atEnd()) reader.fail(reader.pos, text.length - reader.pos, INTRINSIC_MESSAGES.trailing());
    return { ok: true, call };
  } catch (error) {
    if (error instanceof IntrinsicSyntaxError) return { ok: false, problem: error.problem };
    throw error;
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

class CallReader {
  pos = 0;

  constructor(
    private readonly text: string,
    private readonly base: number,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  peek(): string {
    return this.text.charAt(this.pos);
  }

  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === '\n' || this.peek() === '\r')
      this.pos++;
  }

  fail(at: number, length: number, message: string): never {
    throw new IntrinsicSyntaxError({ offset: this.base + at, length: Math.max(1, length), message });
  }

  span(start: number): PathSpan {
    return { offset: this.base + start, length: this.pos - start };
  }

  readCall(depth: number): IntrinsicCall {
    const start = this.pos;
    const name = NAME.exec(this.text.slice(start))?.[0];
    if (name === undefined) this.fail(start, 1, INTRINSIC_MESSAGES.callExpected());
    this.pos += name.length;
    const nameSpan = this.span(start);
    if (depth > MAX_INTRINSIC_DEPTH) {
      this.fail(start, name.length, INTRINSIC_MESSAGES.tooDeep(MAX_INTRINSIC_DEPTH));
    }
    if (this.peek() !== '(') this.fail(this.pos, 1, INTRINSIC_MESSAGES.openParenthesis(name));
    const open = this.pos;
    this.pos++;
    const args: IntrinsicArgument[] = [];
    this.skipSpaces();
    if (this.peek() === ')') {
      this.pos++;
      return { kind: 'call', name, nameSpan, args, depth, ...this.span(start) };
    }
    for (;;) {
      this.skipSpaces();
      if (this.atEnd()) this.fail(open, 1, INTRINSIC_MESSAGES.unclosedCall(name));
      args.push(this.readArgument(depth));
      this.skipSpaces();
      const char = this.peek();
      if (char === ',') {
        this.pos++;
        this.skipSpaces();
        if (this.peek() === ')') this.fail(this.pos, 1, INTRINSIC_MESSAGES.argumentExpected());
        continue;
      }
      if (char === ')') {
        this.pos++;
        return { kind: 'call', name, nameSpan, args, depth, ...this.span(start) };
      }
      if (this.atEnd()) this.fail(open, 1, INTRINSIC_MESSAGES.unclosedCall(name));
      this.fail(this.pos, 1, INTRINSIC_MESSAGES.commaOrClose(char));
    }
  }

  private readArgument(depth: number): IntrinsicArgument {
    const start = this.pos;
    const char = this.peek();
    if (char === "'") return this.readString();
    if (char === '$') return this.readPath();
    if (char === '"') this.fail(start, 1, INTRINSIC_MESSAGES.doubleQuotes());
    const number = NUMBER.exec(this.text.slice(start))?.[0];
    if (number !== undefined) {
      this.pos += number.length;
      const value = Number(number);
      if (!Number.isFinite(value)) this.fail(start, number.length, INTRINSIC_MESSAGES.badNumber(number));
      return { kind: 'number', value, ...this.span(start) };
    }
    const word = NAME.exec(this.text.slice(start))?.[0];
    if (word !== undefined) {
      const after = this.text.charAt(start + word.length);
      if (after === '(' || (after === ' ' && /^\s*\(/.test(this.text.slice(start + word.length)))) {
        return this.readCall(depth + 1);
      }
      this.pos += word.length;
      if (word === 'true' || word === 'false')
        return { kind: 'boolean', value: word === 'true', ...this.span(start) };
      if (word === 'null') return { kind: 'null', ...this.span(start) };
      this.fail(start, word.length, INTRINSIC_MESSAGES.unknownWord(word));
    }
    this.fail(start, 1, INTRINSIC_MESSAGES.argumentExpected());
  }

  private readString(): StringArgument {
    const start = this.pos;
    this.pos++;
    let value = '';
    const escapedBraces: number[] = [];
    for (;;) {
      if (this.atEnd()) this.fail(start, 1, INTRINSIC_MESSAGES.unclosedString());
      const char = this.peek();
      if (char === "'") break;
      if (char === '\\') {
        if (this.pos + 1 >= this.text.length) this.fail(this.pos, 1, INTRINSIC_MESSAGES.unclosedString());
        const escaped = this.text.charAt(this.pos + 1);
        if (escaped === '{' || escaped === '}') escapedBraces.push(value.length);
        value += escaped;
        this.pos += 2;
        continue;
      }
      value += char;
      this.pos++;
    }
    this.pos++;
    return { kind: 'string', value, escapedBraces, ...this.span(start) };
  }

  /** A path runs to the next `,` or `)` outside brackets, parentheses and quotes. */
  private readPath(): PathArgument {
    const start = this.pos;
    let depth = 0;
    let quote = '';
    while (!this.atEnd()) {
      const char = this.peek();
      if (quote !== '') {
        if (char === '\\') this.pos++;
        else if (char === quote) quote = '';
      } else if (char === "'" || char === '"') {
        quote = char;
      } else if (char === '[' || char === '(') {
        depth++;
      } else if (char === ']' || char === ')') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (char === ',' || char === ' ' || char === '\t')) {
        break;
      }
      this.pos++;
    }
    const text = this.text.slice(start, this.pos);
    const parsed = parseJsonPath(text, this.base + start);
    if (!parsed.ok) throw new IntrinsicSyntaxError(parsed.problem);
    return { kind: 'path', path: parsed.path, ...this.span(start) };
  }
}
