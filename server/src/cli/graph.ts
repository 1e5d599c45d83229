import { writeFile } from 'node:fs/promises';
import ELK from 'elkjs/lib/elk.bundled.js';
import { validate } from '../asl';
import {
  LIGHT_PALETTE,
  buildGraph,
  graphStyle,
  layoutGraph,
  renderGraph,
  toDot,
  toSvgText,
  type GraphDirection,
} from '../asl/graph';
import { choiceOption, parseArgs } from './args';
import { EXIT, UsageError, type CliIo, type ExitCode } from './io';
import { loadDocument } from './loadDocument';

export const GRAPH_USAGE = `Usage: stepwise graph FILE [--format svg|json|dot] [--direction TB|LR] [-o OUT]

Draws the state graph of a workflow: states, transitions (Next, Choice rules, Default, Catch,
Retry), Parallel branches and Map processors as nested boxes. svg (the default) is the picture
the editor's preview shows; json is the graph model; dot is Graphviz input. The result goes to
standard output unless -o names a file.`;

const FORMATS = ['svg', 'json', 'dot'] as const;
const DIRECTIONS = ['TB', 'LR'] as const;

export async function graphCommand(io: CliIo, args: readonly string[]): Promise<ExitCode> {
  const parsed = parseArgs(args, { format: 'value', direction: 'value', o: 'value', output: 'value' });
  const [file, ...rest] = parsed.positionals;
  if (file === undefined || rest.length > 0) throw new UsageError('graph takes exactly one FILE');
  const format = choiceOption(parsed, 'format', FORMATS, 'svg');
  const direction: GraphDirection = choiceOption(parsed, 'direction', DIRECTIONS, 'TB');
  const out = parsed.options.get('o') ?? parsed.options.get('output');
  if (out === true) throw new UsageError("option '-o' needs a value");

  const document = await loadDocument(io, file);
  if (document.model.machine === undefined) {
    io.err(`${file}: no state machine object to draw`);
    return EXIT.problems;
  }
  const diagnostics = validate(document.parsed, {}, document.model);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0)
    io.err(`${file}: ${errors} ${errors === 1 ? 'error' : 'errors'}; the graph shows what is there`);
  const graph = buildGraph(document.model, document.parsed.lines, diagnostics);

  let text: string;
  switch (format) {
    case 'json':
      text = JSON.stringify(graph, null, 2);
      break;
    case 'dot':
      text = toDot(graph, direction).trimEnd();
      break;
    case 'svg': {
      const layout = await layoutGraph(graph, direction, new ELK());
      text = toSvgText(renderGraph(graph, layout, { style: graphStyle(LIGHT_PALETTE), title: file }));
      break;
    }
  }
  if (out === undefined) {
    io.out(text);
    return EXIT.ok;
  }
  try {
    await writeFile(out, `${text}\n`);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new UsageError(`cannot write '${out}' (${reason})`);
  }
  return EXIT.ok;
}
