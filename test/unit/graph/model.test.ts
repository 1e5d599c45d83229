import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { GraphModel, StateNode } from '../../../server/src/asl/graph';
import { choiceLabel } from '../../../server/src/asl/graph/choiceLabel';
import { resourceLabel } from '../../../server/src/asl/graph/resourceLabel';
import { assertGolden } from '../../support/golden';
import { FIXTURES, graphOf, graphOfText } from './helpers';

const FIXTURE_FILES = fs.readdirSync(FIXTURES).filter((name) => /\.asl\.(json|yaml)$/.test(name));

function state(graph: GraphModel, name: string): StateNode {
  const node = graph.nodes.find((n) => n.kind === 'state' && n.name === name);
  assert.ok(node?.kind === 'state', `no state ${name}`);
  return node;
}

function edgesFrom(graph: GraphModel, id: string) {
  return graph.edges
    .filter((edge) => edge.from === id)
    .map((edge) => `${edge.kind} ${edge.to} ${edge.label ?? ''}`.trim());
}

describe('graph model goldens', () => {
  for (const file of FIXTURE_FILES) {
    test(file, () => {
      assertGolden(
        path.join(FIXTURES, `${file}.graph.golden.json`),
        `${JSON.stringify(graphOf(file), null, 2)}\n`,
      );
    });
  }
});

describe('graph model', () => {
  test('a Parallel inside a Map is a cluster inside a cluster, each scope with its own start and end', () => {
    const graph = graphOf('parallel-in-map.asl.json');
    assert.deepEqual(
      graph.clusters.map((c) => [c.id, c.owner, c.kind, c.label]),
      [
        ['c:EachOrder#p', 's:EachOrder', 'itemProcessor', 'ItemProcessor'],
        ['c:EachOrder#p/Checks#b0', 's:EachOrder#p/Checks', 'branch', 'Branch 1'],
        ['c:EachOrder#p/Checks#b1', 's:EachOrder#p/Checks', 'branch', 'Branch 2'],
      ],
    );
    assert.equal(state(graph, 'CheckStock').parent, 'c:EachOrder#p/Checks#b0');
    assert.equal(state(graph, 'Prepare').parent, 'c:EachOrder#p');
    assert.deepEqual(state(graph, 'Checks').clusters, ['c:EachOrder#p/Checks#b0', 'c:EachOrder#p/Checks#b1']);
    assert.deepEqual(edgesFrom(graph, 'start:c:EachOrder#p/Checks#b1'), [
      'start s:EachOrder#p/Checks#b1/Charge',
    ]);
    // Every edge stays in one scope: both ends share the edge's parent.
    const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parent]));
    for (const edge of graph.edges) {
      assert.equal(parentOf.get(edge.from), edge.parent, edge.id);
      assert.equal(parentOf.get(edge.to), edge.parent, edge.id);
    }
  });

  test('a Choice loop is a labelled rule edge back to an earlier state', () => {
    const graph = graphOf('parallel-in-map.asl.json');
    const b0 = 's:EachOrder#p/Checks#b0/';
    assert.deepEqual(edgesFrom(graph, `${b0}InStock?`), [
      `choice ${b0}Restock $.Item is absent`,
      `default ${b0}Reserved Default`,
    ]);
    assert.deepEqual(edgesFrom(graph, `${b0}Restock`), [`next ${b0}CheckStock`]);
  });

  test('Catch edges carry the error names; Retry is a self loop with the attempts allowed', () => {
    const graph = graphOf('catch-and-retry.asl.json');
    assert.deepEqual(edgesFrom(graph, 's:Fetch'), [
      'next s:More?',
      'catch s:Report States.Timeout, Lambda.Unknown',
      'catch s:Failed States.ALL',
      'retry s:Fetch retry ×8',
    ]);
    const fetch = state(graph, 'Fetch');
    assert.equal(fetch.retriers, 2);
    assert.equal(fetch.catchers, 2);
    assert.equal(fetch.resource, 'lambda:invoke fetch-page');
    assert.equal(fetch.isStart, true);
  });

  test("Succeed, Fail and End states go to their scope's end marker", () => {
    const graph = graphOf('catch-and-retry.asl.json');
    assert.deepEqual(
      graph.edges.filter((e) => e.kind === 'end').map((e) => e.from),
      ['s:Done', 's:Failed'],
    );
    assert.equal(state(graph, 'Done').terminal, 'succeed');
    assert.equal(state(graph, 'Failed').terminal, 'fail');
    assert.equal(graph.nodes.filter((n) => n.kind === 'end').length, 1);
  });

  test('a half-typed document still draws: missing targets, repeated names, untyped states', () => {
    const graph = graphOf('half-typed.asl.json');
    const missing = graph.nodes.filter((n) => n.kind === 'missing').map((n) => n.id);
    // An inner scope's nodes follow its owner, before the outer scope's missing targets.
    assert.deepEqual(missing, ['missing:Legacy#it/Begin', 'missing:Nowhere', 'missing:AlsoMissing']);
    assert.deepEqual(
      graph.nodes.filter((n) => n.kind === 'state').map((n) => n.id),
      ['s:Begin', 's:Pick', 's:Pick~2', 's:Untyped', 's:Legacy', 's:Legacy#it/Inner'],
    );
    assert.equal(state(graph, 'Untyped').type, null);
    // The repeated name is an error, drawn as a badge on the second definition.
    const second = graph.nodes.find((n) => n.id === 's:Pick~2');
    assert.ok(second?.kind === 'state' && second.diagnostics !== null && second.diagnostics.errors > 0);
  });

  test('diagnostics land on the innermost state that contains them', () => {
    const graph = graphOfText(
      JSON.stringify({
        StartAt: 'P',
        States: {
          P: {
            Type: 'Parallel',
            Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Gone' } } }],
            End: true,
          },
        },
      }),
    );
    const inner = state(graph, 'A');
    assert.ok(inner.diagnostics !== null);
    assert.ok(
      inner.diagnostics.messages.some((m) => m.startsWith('ASL-NEXT-UNKNOWN')),
      inner.diagnostics.messages.join('\n'),
    );
    const outer = state(graph, 'P').diagnostics?.messages ?? [];
    assert.ok(!outer.some((m) => m.startsWith('ASL-NEXT-UNKNOWN')), outer.join('\n'));
  });

  test('ids survive edits elsewhere in the document', () => {
    const before = graphOf('catch-and-retry.asl.json');
    const text = fs.readFileSync(path.join(FIXTURES, 'catch-and-retry.asl.json'), 'utf8');
    const edited = graphOfText(
      text
        .replace('"States": {', '"States": {\n    "Extra": { "Type": "Pass", "End": true },')
        .replace('"Seconds": 1', '"Seconds": 5'),
    );
    const ids = (graph: GraphModel) => new Set(graph.nodes.map((n) => n.id));
    const kept = [...ids(before)].filter((id) => !ids(edited).has(id));
    assert.deepEqual(kept, []);
    assert.ok(ids(edited).has('s:Extra'));
  });

  test('a document without a state machine object has an empty graph', () => {
    assert.deepEqual(graphOfText('[1, 2]'), { nodes: [], edges: [], clusters: [] });
    assert.deepEqual(graphOfText(''), { nodes: [], edges: [], clusters: [] });
  });
});

describe('choice rule labels', () => {
  const cases: [unknown, string][] = [
    [{ Variable: '$.x', NumericGreaterThan: 10 }, '$.x > 10'],
    [{ Variable: '$.x', NumericLessThanEqualsPath: '$.max' }, '$.x <= $.max'],
    [{ Variable: '$.kind', StringEquals: 'a' }, '$.kind == "a"'],
    [{ Variable: '$.s', StringMatches: 'log-*.txt' }, '$.s matches "log-*.txt"'],
    [
      { Variable: '$.t', TimestampGreaterThanEquals: '2024-01-01T00:00:00Z' },
      '$.t >= "2024-01-01T00:00:00Z"',
    ],
    [{ Variable: '$.t', IsNull: true }, '$.t is null'],
    [{ Variable: '$.t', IsPresent: false }, '$.t is absent'],
    [{ Not: { Variable: '$.b', BooleanEquals: true } }, 'not $.b == true'],
    [
      {
        Or: [
          { Variable: '$.a', NumericEquals: 1 },
          {
            And: [
              { Variable: '$.b', IsString: true },
              { Variable: '$.c', IsNumeric: false },
            ],
          },
        ],
      },
      '$.a == 1 || ($.b is string && $.c is no…',
    ],
    [{ Condition: '{% $states.input.n > 3 %}' }, '$states.input.n > 3'],
    [{ Next: 'X' }, '?'],
    ['nonsense', '…'],
  ];
  for (const [rule, expected] of cases) {
    test(expected, () => assert.equal(choiceLabel(rule), expected));
  }
});

describe('resource labels', () => {
  const cases: [string, string | undefined, string][] = [
    [
      'arn:aws:states:::lambda:invoke',
      'arn:aws:lambda:us-east-1:1:function:resize:prod',
      'lambda:invoke resize',
    ],
    ['arn:aws:states:::lambda:invoke', 'resize', 'lambda:invoke resize'],
    ['arn:aws:states:::sns:publish.waitForTaskToken', undefined, 'sns:publish.waitForTaskToken'],
    ['arn:aws:lambda:us-east-1:123456789012:function:charge:live', undefined, 'lambda charge'],
    ['arn:aws:states:us-east-1:123456789012:activity:approve', undefined, 'activity approve'],
    ['arn:aws-us-gov:states:::dynamodb:putItem', undefined, 'dynamodb:putItem'],
    ['{% $states.input.arn %}', undefined, '{% … %}'],
    ['not-an-arn', undefined, 'not-an-arn'],
  ];
  for (const [resource, fn, expected] of cases) {
    test(expected, () => assert.equal(resourceLabel(resource, fn), expected));
  }
});
