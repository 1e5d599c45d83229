import { stateAt, type ParsedDocument, type State, type StateMachine } from '../asl';

/**
 * Where a breakpoint set on a line of a workflow lands. A state is its whole definition, from
 * its name to its closing brace, nested states included: a line anywhere in it binds to the
 * innermost state holding it, and the breakpoint moves to that state's name. Lines outside
 * every state (StartAt, Comment, the braces around "States") bind to nothing and say why.
 */
export type LineBinding =
  | {
      readonly kind: 'bound';
      readonly state: string;
      /** 0-based line of the state's name. */ readonly line: number;
      readonly column: number;
    }
  | { readonly kind: 'unbound'; readonly reason: string };

export function bindLine(document: ParsedDocument, model: StateMachine, line: number): LineBinding {
  const lineCount = document.lines.positionAt(document.text.length).line + 1;
  if (line < 0 || line >= lineCount) {
    return {
      kind: 'unbound',
      reason: `Line ${line + 1} is past the end of the workflow (${lineCount} lines).`,
    };
  }
  const start = document.lines.offsetAt({ line, character: 0 });
  const end =
    line + 1 < lineCount ? document.lines.offsetAt({ line: line + 1, character: 0 }) : document.text.length;
  const text = document.text.slice(start, end);
  const firstVisible = text.search(/\S/);
  const offset = start + (firstVisible < 0 ? 0 : firstVisible);
  const state = stateAt(model, offset);
  if (state === undefined) {
    return {
      kind: 'unbound',
      reason: `Line ${line + 1} is not part of any state's definition: set the breakpoint on a state's name or one of its fields.`,
    };
  }
  return { kind: 'bound', state: state.name, ...nameLine(document, state) };
}

/** Where a state's name is written (0-based line and column). */
export function nameLine(document: ParsedDocument, state: State): { line: number; column: number } {
  const at = document.lines.positionAt(state.key.offset);
  return { line: at.line, column: at.character };
}

/** The definition of a state by name (names are unique in a valid workflow). */
export function stateNamed(model: StateMachine, name: string): State | undefined {
  return model.statesByName.get(name)?.[0];
}
