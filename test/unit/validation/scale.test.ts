import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateText } from './support';

/**
 * Rules that change strategy on large documents (generated documents: fixtures would be
 * hundreds of kilobytes). Their speed is for the benchmarks; these check that the answers
 * stay right past the switch.
 */
describe('rules on large documents', () => {
  test('"x" beside "x.$" is found in a template of hundreds of keys, pointing at the last "x"', () => {
    const keys: [string, string][] = Array.from({ length: 300 }, (_, i) => [`k${i}.$`, `$.a${i}`]);
    keys.splice(100, 0, ['k50', 'first']);
    keys.push(['k50', 'last']);
    const text = JSON.stringify(
      { StartAt: 'A', States: { A: { Type: 'Pass', Parameters: Object.fromEntries(keys), End: true } } },
      null,
      1,
    );
    // Object.fromEntries keeps one "k50": write the repeated key into the text by hand.
    const repeated = text.replace('"k50": "last"', '"k50": "first",\n    "k50": "last"');
    const conflicts = validateText('wide.asl.json', repeated).filter(
      (d) => d.code === 'ASL-PAYLOAD-KEY-CONFLICT',
    );
    assert.equal(conflicts.length, 1);
    const [conflict] = conflicts;
    assert.equal(
      repeated.slice(conflict?.offset, (conflict?.offset ?? 0) + (conflict?.length ?? 0)),
      '"k50.$"',
    );
    const related = conflict?.related?.[0];
    assert.equal(related?.offset, repeated.lastIndexOf('"k50"'));
  });

  test('"did you mean" is offered until the comparisons run out, and every unknown name is reported', () => {
    // 1,100 states, each naming a different missing state one letter away from a real one:
    // 1,100 × 1,100 comparisons, past the budget of a million.
    const count = 1100;
    const states: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) states[`Step${i}`] = { Type: 'Pass', Next: `Stepx${i}` };
    const text = JSON.stringify({ StartAt: 'Step0', States: states });
    const unknown = validateText('many.asl.json', text).filter((d) => d.code === 'ASL-NEXT-UNKNOWN');
    assert.equal(unknown.length, count);
    assert.match(unknown[0]?.message ?? '', /"Stepx0", but no state has that name\. Did you mean "Step0"\?/);
    const last = unknown[count - 1]?.message ?? '';
    assert.match(last, /"Stepx1099", but no state has that name\.$/);
    // The same missing name asked again costs nothing: all of them get the suggestion.
    for (let i = 0; i < count; i++) states[`Step${i}`] = { Type: 'Pass', Next: 'Stepx' };
    const same = validateText('same.asl.json', JSON.stringify({ StartAt: 'Step0', States: states }));
    const messages = same.filter((d) => d.code === 'ASL-NEXT-UNKNOWN').map((d) => d.message);
    assert.equal(messages.length, count);
    assert.ok(
      messages.every((m) => m === messages[0] && /Did you mean/.test(m)),
      messages[0],
    );
  });

  test(
    'variables: more names than a word of bits, through a loop and along a chain',
    { timeout: 30_000 },
    () => {
      // State i assigns v{i} and reads v{i+1}, which only a later state assigns, and $never.
      const count = 70;
      const machine = (loop: boolean): string => {
        const states: Record<string, unknown> = {};
        for (let i = 0; i < count; i++) {
          const next = i < count - 1 ? `S${i + 1}` : loop ? 'Again' : undefined;
          states[`S${i}`] = {
            Type: 'Pass',
            Assign: { [`v${i}`]: i },
            Parameters: { 'later.$': `$v${(i + 1) % count}`, 'never.$': '$never' },
            ...(next === undefined ? { End: true } : { Next: next }),
          };
        }
        if (loop)
          states['Again'] = {
            Type: 'Choice',
            Choices: [{ Variable: '$v0', NumericLessThan: 3, Next: 'S0' }],
            Default: 'Done',
          };
        states['Done'] = { Type: 'Succeed' };
        if (!loop) (states[`S${count - 1}`] as Record<string, unknown>)['Next'] = 'Done';
        if (!loop) delete (states[`S${count - 1}`] as Record<string, unknown>)['End'];
        return JSON.stringify({ StartAt: 'S0', States: states });
      };
      const unassigned = (text: string): string[] =>
        validateText('vars.asl.json', text)
          .filter((d) => d.code === 'ASL-VARIABLE-UNASSIGNED')
          .map((d) => text.slice(d.offset, d.offset + d.length));
      // Along the loop every v{i} can be set before any state reads it again; $never never is.
      const looped = unassigned(machine(true));
      assert.equal(looped.filter((read) => read === '$never').length, count);
      assert.equal(looped.length, count);
      // Along a chain, each read of the next state's variable comes too early (the last state
      // reads v0, which the first one set).
      const chained = unassigned(machine(false));
      assert.equal(chained.filter((read) => read === '$never').length, count);
      assert.deepEqual(
        chained.filter((read) => read !== '$never'),
        Array.from({ length: count - 1 }, (_, i) => `$v${i + 1}`),
      );
    },
  );
});
