import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { stateNodeAt } from '../../../client/src/preview/cursorNode';
import { EMPTY_OVERLAY, applyEvent, nodeIdOf } from '../../../client/src/preview/executionOverlay';
import type { ExecutionEvent } from '../../../server/src/executionEvents';
import { graphOf } from './helpers';

const graph = graphOf('parallel-in-map.asl.json');
const base = { executionId: 'e1', uri: 'file:///w/flow.asl.json' } as const;

function run(events: ExecutionEvent[]) {
  return events.reduce((overlay, event) => applyEvent(overlay, event, graph), EMPTY_OVERLAY);
}

test('an execution path leads through Map iterations and Parallel branches to the node', () => {
  assert.equal(
    nodeIdOf(graph, [
      { state: 'EachOrder', iteration: 3 },
      { state: 'Checks', branch: 1 },
      { state: 'Charge' },
    ]),
    's:EachOrder#p/Checks#b1/Charge',
  );
  assert.equal(nodeIdOf(graph, [{ state: 'Notify' }]), 's:Notify');
  assert.equal(nodeIdOf(graph, [{ state: 'Charge' }]), undefined);
  assert.equal(
    nodeIdOf(graph, [{ state: 'EachOrder' }, { state: 'Checks', branch: 7 }, { state: 'Charge' }]),
    undefined,
  );
});

test('events fold into statuses, the running state, taken edges and progress; the end marks the rest not reached', () => {
  const overlay = run([
    { ...base, kind: 'started' },
    {
      ...base,
      kind: 'state',
      path: [{ state: 'EachOrder' }],
      status: 'running',
      progress: { done: 0, total: 2 },
    },
    {
      ...base,
      kind: 'state',
      path: [{ state: 'EachOrder', iteration: 0 }, { state: 'Prepare' }],
      status: 'succeeded',
      next: 'Checks',
    },
    {
      ...base,
      kind: 'state',
      path: [{ state: 'EachOrder', iteration: 0 }, { state: 'Checks', branch: 1 }, { state: 'Charge' }],
      status: 'retrying',
    },
  ]);
  assert.equal(overlay.statuses.get('s:EachOrder'), 'running');
  assert.equal(overlay.statuses.get('s:EachOrder#p/Prepare'), 'succeeded');
  assert.equal(overlay.statuses.get('s:EachOrder#p/Checks#b1/Charge'), 'retried');
  assert.equal(overlay.current, 's:EachOrder#p/Checks#b1/Charge');
  assert.deepEqual([...overlay.taken], ['next:s:EachOrder#p/Prepare->s:EachOrder#p/Checks']);
  assert.equal(overlay.progress.get('s:EachOrder'), '0/2');

  const ended = run([
    { ...base, kind: 'started' },
    { ...base, kind: 'state', path: [{ state: 'EachOrder' }], status: 'failed' },
    { ...base, kind: 'ended', status: 'FAILED' },
  ]);
  assert.equal(ended.statuses.get('s:EachOrder'), 'failed');
  assert.equal(ended.statuses.get('s:Notify'), 'not-reached');
  assert.equal(ended.current, null);
  assert.equal(ended.ended, 'FAILED');
});

test('a new run clears the last one, and events of another run are ignored', () => {
  const overlay = run([
    { ...base, kind: 'started' },
    { ...base, kind: 'state', path: [{ state: 'Notify' }], status: 'succeeded' },
    { ...base, executionId: 'other', kind: 'state', path: [{ state: 'EachOrder' }], status: 'failed' },
  ]);
  assert.deepEqual([...overlay.statuses], [['s:Notify', 'succeeded']]);
  const again = applyEvent(overlay, { ...base, executionId: 'e2', kind: 'started' }, graph);
  assert.equal(again.statuses.size, 0);
  assert.equal(again.executionId, 'e2');
});

test('the cursor highlights the innermost state around it', () => {
  assert.equal(stateNodeAt(graph, { line: 19, character: 22 })?.id, 's:EachOrder#p/Checks#b0/InStock?');
  assert.equal(stateNodeAt(graph, { line: 14, character: 14 })?.id, 's:EachOrder#p/Checks');
  assert.equal(stateNodeAt(graph, { line: 0, character: 0 }), undefined);
});
