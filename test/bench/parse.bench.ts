/**
 * npm run bench:parse — how long the core takes to read a workflow: parse (JSON or YAML) plus
 * the typed model, for 100, 1,000 and 5,000 states. Cold is the first call in the process
 * (no JIT warm-up); warm is the median of repeated calls. A script, not a test: numbers for
 * the record, not assertions.
 */
import { buildModel, parseDocument, type DocumentFormat } from '../../server/src/asl';
import { asJson, asYaml, generateWorkflow } from './generate';
import { printTable } from './table';
import { median, timeSync as time } from './timing';

const SIZES = [100, 1000, 5000];
const RUNS = 15;

const rows: string[][] = [['states', 'format', 'size', 'cold ms', 'warm ms (median)', 'states in model']];
for (const size of SIZES) {
  const workflow = generateWorkflow(size);
  for (const [format, text] of [
    ['json', asJson(workflow)],
    ['yaml', asYaml(workflow)],
  ] as [DocumentFormat, string][]) {
    let states = 0;
    const read = () => {
      states = buildModel(parseDocument(text, format)).states.length;
    };
    const cold = time(read);
    const warm = median(Array.from({ length: RUNS }, () => time(read)));
    rows.push([
      String(size),
      format,
      `${(text.length / 1024).toFixed(0)} KiB`,
      cold.toFixed(1),
      warm.toFixed(1),
      String(states),
    ]);
  }
}

printTable(rows);
