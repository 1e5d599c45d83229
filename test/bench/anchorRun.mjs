// The anchor's whole-process counterpart of `stepwise run FILE --input-file F --json`: reads the
// definition and the input, runs aws-local-stepfunctions with its default validation, prints the
// result as one JSON object. With --handlers, Tasks call the echo handler module, as Stepwise does.
//   node anchorRun.mjs FILE INPUT [--handler MODULE]
import './withResolvers.mjs';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { StateMachine } from 'aws-local-stepfunctions';

const [file, inputFile, flag, handlerModule] = process.argv.slice(2);
const definition = JSON.parse(await readFile(file, 'utf8'));
const input = JSON.parse(await readFile(inputFile, 'utf8'));
const overrides = {};
if (flag === '--handler') {
  const { handler } = await import(pathToFileURL(handlerModule).href);
  overrides.taskResourceLocalHandlers = Object.fromEntries(
    taskStateNames(definition).map((name) => [name, (event) => handler(event, {})]),
  );
}
try {
  const output = await new StateMachine(definition).run(input, { overrides }).result;
  process.stdout.write(`${JSON.stringify({ status: 'SUCCEEDED', output })}\n`);
} catch (error) {
  process.stdout.write(
    `${JSON.stringify({ status: 'FAILED', error: error?.name, cause: error?.message })}\n`,
  );
  process.exitCode = 1;
}

function taskStateNames(machine) {
  return Object.entries(machine.States).flatMap(([name, state]) => (state.Type === 'Task' ? [name] : []));
}
