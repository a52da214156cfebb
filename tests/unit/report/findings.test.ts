import { describe, expect, it } from 'vitest';
import { segmentsText } from '../../../src/report/fig.ts';
import { headlineFindings } from '../../../src/report/findings.ts';
import { buildReport } from '../../../src/report/model.ts';
import { graphOf, makeDoc } from '../../helpers/load.ts';

const shift = (id: string, from: string, to: string, fraction: number) => ({
  id,
  label: `move ${fraction} from ${from} to ${to}`,
  ops: [{ op: 'shiftFlows', target: 'buyer', input: 'chips', from: { key: from }, to: { key: to }, fraction }],
});

const graph = () =>
  graphOf(
    makeDoc(
      [
        ['tw', 'foundry', 'TW'],
        ['jp', 'foundry', 'JP'],
        ['buyer', 'demand', 'JP'],
      ],
      [
        ['tw', 'buyer', 'chips', 30],
        ['jp', 'buyer', 'chips', 10],
      ],
      {
        focus: { demand: ['buyer'], reliance: ['foundry:TW'] },
        scenarios: [shift('less-tw', 'tw', 'jp', 0.5), shift('more-tw', 'jp', 'tw', 0.5), shift('none', 'jp', 'tw', 0)],
      },
    ),
  );

describe('headline findings', () => {
  it('says rises, falls or stays at, with the figures of the report', () => {
    const text = headlineFindings(buildReport(graph())).map((f) => segmentsText(f.parts));
    expect(text).toEqual([
      // 30 of 40 from Taiwan; half of it moved to Japan leaves 15 of 40.
      'buyer: reliance on Taiwan: foundry nodes falls from 75.0% to 37.5% (−37.5 pp) under move 0.5 from tw to jp.',
      'buyer: reliance on Taiwan: foundry nodes rises from 75.0% to 87.5% (+12.5 pp) under move 0.5 from jp to tw.',
      'buyer: reliance on Taiwan: foundry nodes stays at 75.0% under move 0 from jp to tw.',
      'buyer: the largest single point of failure is tw, whose loss alone would cut 75.0% of its supply.',
      // Only a change of the top node is news after the baseline.
      'buyer: the largest single point of failure under move 0.5 from tw to jp is jp, whose loss alone would cut 62.5% of its supply.',
    ]);
  });

  it('follows the chosen demand nodes and says when a node is a strict single point of failure', () => {
    const g = graphOf(
      makeDoc(
        [
          ['tw', 'foundry', 'TW'],
          ['a', 'demand', 'JP'],
          ['b', 'demand', 'US'],
        ],
        [
          ['tw', 'a', 'chips', 1],
          ['tw', 'b', 'chips', 1],
        ],
      ),
    );
    const findings = headlineFindings(buildReport(g, { focus: { demand: ['b'], reliance: ['TW'] } }));
    expect(findings.map((f) => f.demand)).toEqual(['b', 'b']);
    expect(segmentsText(findings[0]!.parts)).toBe('b: reliance on Taiwan is 100.0% in the baseline.');
    expect(segmentsText(findings[1]!.parts)).toBe('b: the largest single point of failure is tw, whose loss alone would cut 100.0% of its supply (all of it: a strict single point of failure).');
  });

  it('has nothing to say about a demand node without suppliers but that', () => {
    const g = graphOf(makeDoc([['a', 'demand', 'JP']], []));
    const text = headlineFindings(buildReport(g, { focus: { reliance: ['TW'] } })).map((f) => segmentsText(f.parts));
    expect(text).toEqual(['a: reliance on Taiwan is 0.0% in the baseline.', "a: no single node's loss would cut its supply."]);
  });
});
