/**
 * npm run bench:parse — how long the core takes to read a workflow: parse (JSON or YAML) plus
 * the typed model, for 100, 1,000 and 5,000 states. Cold is the first call in the process
 * (no JIT warm-up); warm is the median of repeated calls. A script, not a test: numbers for
 * the record, not assertions.
 */
import { buildModel, parseDocument, type DocumentFormat } from '../../server/src/asl';
import { asJson, asYaml, generateWorkflow } from './generate';

const SIZES = [100, 1000, 5000];
const RUNS = 15;

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

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

const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
for (const [index, row] of rows.entries()) {
  console.log(row.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  '));
  if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
