/**
 * What engine.bench.ts runs of Stepwise, in one module so that the bench can bundle it with
 * esbuild and measure the code as it ships: the CLI and the debug adapter run the engine from
 * a bundle (dist/), and the anchor is measured from its published bundle too. Loaded through
 * tsx instead, every call between modules goes through an export getter, which makes the
 * engine 2–4× slower than it is for users.
 */
export { parseDocument } from '../../server/src/asl';
export { prepareRun } from '../../server/src/prepareRun';
export { compileDefinition, createExecution, createVirtualClock } from '../../server/src/engine';
export { isJsonValue } from '../../server/src/engine';
export { createHandlerRunner, parseHandlerConfig } from '../../server/src/engine/tasks';
