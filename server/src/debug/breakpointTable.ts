import type { DebugProtocol } from '@vscode/debugprotocol';
import * as path from 'node:path';
import type { Failure, JsonValue } from '../engine';
import type { Inspection } from '../engine';
import { bindLine, nameLine, stateNamed } from './breakpointBinding';
import { isTruthy } from './expressions';
import { parseHitCondition, type HitCondition } from './hitCondition';
import type { WorkflowProgram } from './workflowProgram';

/** One breakpoint on a state: set on a line of its definition, or by its name. */
interface StateBreakpoint {
  readonly id: number;
  readonly state: string;
  readonly condition: string | undefined;
  readonly hitCondition: HitCondition | undefined;
  readonly logMessage: string | undefined;
  hits: number;
}

/** Evaluates an expression over the stopped state's input (the session supplies the engine). */
export type Evaluate = (text: string) => Promise<Inspection>;

export interface BreakpointVerdict {
  /** Breakpoints that stop here (their ids). */
  readonly stopIds: readonly number[];
  /** Logpoint messages to print, expressions filled in. */
  readonly logs: readonly string[];
}

export type ExceptionMode = 'all' | 'uncaught';

/**
 * Every breakpoint of a session: line breakpoints bound to states (per file), function
 * breakpoints by state name, and the exception filters. It decides whether a state entry
 * stops, counting hits and filling logpoint messages on the way.
 */
export class BreakpointTable {
  private nextId = 1;
  private readonly byFile = new Map<string, StateBreakpoint[]>();
  private functions: StateBreakpoint[] = [];
  private exceptions = new Map<ExceptionMode, readonly string[]>();
  private program: WorkflowProgram | undefined;

  /** The workflow being run: only its file's breakpoints apply. */
  useProgram(program: WorkflowProgram): void {
    this.program = program;
  }

  setLineBreakpoints(
    file: string,
    program: Pick<WorkflowProgram, 'document' | 'model'> | undefined,
    requested: readonly DebugProtocol.SourceBreakpoint[],
  ): DebugProtocol.Breakpoint[] {
    const kept: StateBreakpoint[] = [];
    const answers = requested.map((bp): DebugProtocol.Breakpoint => {
      const id = this.nextId++;
      if (program === undefined) {
        return {
          id,
          verified: false,
          line: bp.line,
          message: 'Breakpoints bind to states of a workflow file (.asl.json, .asl.yaml) that parses.',
        };
      }
      const binding = bindLine(program.document, program.model, bp.line - 1);
      if (binding.kind === 'unbound') return { id, verified: false, line: bp.line, message: binding.reason };
      const hit = this.hitConditionOf(bp.hitCondition);
      if (typeof hit === 'string') return { id, verified: false, line: bp.line, message: hit };
      kept.push(breakpoint(id, binding.state, bp.condition, hit, bp.logMessage));
      return { id, verified: true, line: binding.line + 1, column: binding.column + 1 };
    });
    this.byFile.set(keyOf(file), kept);
    return answers;
  }

  setFunctionBreakpoints(requested: readonly DebugProtocol.FunctionBreakpoint[]): DebugProtocol.Breakpoint[] {
    const kept: StateBreakpoint[] = [];
    const answers = requested.map((bp): DebugProtocol.Breakpoint => {
      const id = this.nextId++;
      const name = bp.name.trim();
      const hit = this.hitConditionOf(bp.hitCondition);
      if (typeof hit === 'string') return { id, verified: false, message: hit };
      const program = this.program;
      const state = program === undefined ? undefined : stateNamed(program.model, name);
      if (program !== undefined && state === undefined) {
        return { id, verified: false, message: `The workflow has no state named '${name}'.` };
      }
      kept.push(breakpoint(id, name, bp.condition, hit, undefined));
      if (program === undefined || state === undefined) return { id, verified: true };
      const at = nameLine(program.document, state);
      return { id, verified: true, line: at.line + 1, column: at.column + 1 };
    });
    this.functions = kept;
    return answers;
  }

  /** `filters` are 'all' / 'uncaught'; a filter's condition lists error names, comma-separated. */
  setExceptionFilters(
    filters: readonly string[],
    options: readonly DebugProtocol.ExceptionFilterOptions[],
  ): void {
    const modes = new Map<ExceptionMode, readonly string[]>();
    const add = (filter: string, condition: string | undefined): void => {
      if (filter !== 'all' && filter !== 'uncaught') return;
      const names = (condition ?? '')
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n !== '');
      modes.set(filter, names);
    };
    for (const filter of filters) add(filter, undefined);
    for (const option of options) add(option.filterId, option.condition);
    this.exceptions = modes;
  }

  /** Whether a failure stops: 'all' for any failure, 'uncaught' when `uncaught()` says so. */
  async stopsOnFailure(
    failure: Failure,
    uncaught: () => Promise<boolean>,
  ): Promise<ExceptionMode | undefined> {
    const all = this.exceptions.get('all');
    if (all !== undefined && matchesError(all, failure)) return 'all';
    const onUncaught = this.exceptions.get('uncaught');
    if (onUncaught !== undefined && matchesError(onUncaught, failure) && (await uncaught()))
      return 'uncaught';
    return undefined;
  }

  /** A state was entered: counts hits, evaluates conditions and logpoints. */
  async entered(state: string, evaluate: Evaluate): Promise<BreakpointVerdict> {
    const stopIds: number[] = [];
    const logs: string[] = [];
    for (const bp of this.breakpointsOf(state)) {
      if (bp.condition !== undefined && bp.condition.trim() !== '' && !isTruthy(await evaluate(bp.condition)))
        continue;
      bp.hits += 1;
      if (bp.hitCondition !== undefined && !bp.hitCondition(bp.hits)) continue;
      if (bp.logMessage !== undefined) logs.push(await interpolate(bp.logMessage, evaluate));
      else stopIds.push(bp.id);
    }
    return { stopIds, logs };
  }

  /** Whether any breakpoint (not a logpoint) names the state: where reverse-continue stops. */
  hasBreakpoint(state: string): boolean {
    return this.breakpointsOf(state).some((bp) => bp.logMessage === undefined);
  }

  private breakpointsOf(state: string): StateBreakpoint[] {
    const program = this.program;
    const lines = program === undefined ? [] : (this.byFile.get(keyOf(program.file)) ?? []);
    return [...lines, ...this.functions].filter((bp) => bp.state === state);
  }

  private hitConditionOf(text: string | undefined): HitCondition | undefined | string {
    if (text === undefined || text.trim() === '') return undefined;
    const parsed = parseHitCondition(text);
    return parsed.kind === 'ok' ? parsed.test : parsed.message;
  }
}

function breakpoint(
  id: number,
  state: string,
  condition: string | undefined,
  hitCondition: HitCondition | undefined,
  logMessage: string | undefined,
): StateBreakpoint {
  return { id, state, condition, hitCondition, logMessage, hits: 0 };
}

function matchesError(names: readonly string[], failure: Failure): boolean {
  if (names.length === 0 || names.includes('States.ALL')) return true;
  return failure.error !== undefined && names.includes(failure.error);
}

/** `Amount is {$.amount}`: each `{expression}` replaced by its value (strings as they are). */
async function interpolate(message: string, evaluate: Evaluate): Promise<string> {
  const parts = message.split(/(\{[^{}]*\})/);
  const out: string[] = [];
  for (const part of parts) {
    if (!part.startsWith('{') || !part.endsWith('}')) {
      out.push(part);
      continue;
    }
    const result = await evaluate(part.slice(1, -1));
    out.push(result.ok ? textOf(result.value) : `<${result.error}: ${result.cause}>`);
  }
  return out.join('');
}

function textOf(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function keyOf(file: string): string {
  const resolved = path.resolve(file);
  return process.platform === 'win32' || process.platform === 'darwin' ? resolved.toLowerCase() : resolved;
}
