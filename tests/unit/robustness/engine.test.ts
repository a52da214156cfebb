/**
 * The robustness engine against hand-worked graphs and a literal reading of
 * robustness.md (tests/helpers/robustness-reference.ts).
 */
import { describe, expect, it } from 'vitest';
import { computeRobustness, type RobustFigure } from '../../../src/robustness/engine.ts';
import { percentile, summarize } from '../../../src/robustness/stats.ts';
import { createPrng, triangular } from '../../../src/robustness/prng.ts';
import { graphOf } from '../../helpers/load.ts';
import { literalDraws, literalIn, withValues } from '../../helpers/robustness-reference.ts';
import { uncertainOf } from '../../../src/robustness/uncertain.ts';

type Edge = { key?: string; source: string; target: string; attributes: Record<string, unknown> };
const node = (key: string, kind: string, country: string) => ({ key, attributes: { label: key, kind, country } });

/** D buys chips from a TW fab (3, range [2, 4]) and a US fab (1, exact). */
function twoFabs(scenarios: unknown[] = [], extra: Record<string, unknown> = {}) {
  return graphOf({
    attributes: { format: 'chokepoint-graph', version: 1, title: 't', scenarios, ...extra },
    nodes: [node('tw', 'foundry', 'TW'), node('us', 'foundry', 'US'), node('d', 'demand', 'JP')],
    edges: [
      { key: 'tw-d', source: 'tw', target: 'd', attributes: { input: 'chips', value: 3, range: [2, 4] } },
      { source: 'us', target: 'd', attributes: { input: 'chips', value: 1 } },
    ],
  } as never);
}
const fig = (r: { figures: RobustFigure[] }, scenario: string, set = 'foundry:TW', demand = 'd') =>
  r.figures.find((f) => f.scenario === scenario && f.set === set && f.demand === demand)!;

describe('swings (robustness.md §4), by hand', () => {
  it('moves one flow to its low and high', () => {
    const g = twoFabs([{ id: 'double', label: 'Double TW', ops: [{ op: 'scaleFlows', where: { source: { key: 'tw' } }, factor: 2 }] }]);
    const r = computeRobustness(g, { sets: ['foundry:TW'], draws: 10 });
    const base = fig(r, 'baseline');
    expect(base.point).toBeCloseTo(0.75, 12);
    expect(base.swings).toHaveLength(1);
    const [s] = base.swings;
    expect(s).toMatchObject({ edge: 'tw-d', source: 'tw', target: 'd', input: 'chips', low: 2, high: 4 });
    expect(s!.atLow).toBeCloseTo(2 / 3, 12);
    expect(s!.atHigh).toBeCloseTo(4 / 5, 12);
    // The scenario's scaleFlows acts on the changed value: 4/5 and 8/9; its delta swings with the baseline's.
    const sc = fig(r, 'double');
    expect(sc.point).toBeCloseTo(6 / 7, 12);
    expect(sc.delta).toBeCloseTo(6 / 7 - 3 / 4, 12);
    expect(sc.swings[0]!.atLow).toBeCloseTo(4 / 5 - 2 / 3, 12);
    expect(sc.swings[0]!.atHigh).toBeCloseTo(8 / 9 - 4 / 5, 12);
  });

  it("moves an operation's own range, named by its place, in its scenario only", () => {
    const g = twoFabs([
      { id: 'more-us', label: 'More US', ops: [{ op: 'addFlow', source: 'us', target: 'd', input: 'chips', value: 1, range: [0, 3] }] },
      { id: 'other', label: 'Other', ops: [] },
    ]);
    const r = computeRobustness(g, { sets: ['foundry:TW'], draws: 10 });
    const sc = fig(r, 'more-us');
    const op = sc.swings.find((s) => s.edge === 'more-us.ops[0]')!;
    expect(op).toMatchObject({ low: 0, high: 3, source: 'us', target: 'd', input: 'chips' });
    expect(op.atLow).toBeCloseTo(0, 12); // 3/4 - 3/4
    expect(op.atHigh).toBeCloseTo(3 / 7 - 3 / 4, 12);
    expect(sc.swings[0]!.edge).toBe('more-us.ops[0]'); // |3/7 - 3/4| is larger than the edge's swing of the delta
    expect(fig(r, 'other').swings.map((s) => s.edge)).toEqual(['tw-d']);
    expect(fig(r, 'baseline').swings.map((s) => s.edge)).toEqual(['tw-d']);
  });

  it('lists the K largest, largest first, ties by name', () => {
    const g = graphOf({
      attributes: { format: 'chokepoint-graph', version: 1, title: 't' },
      nodes: [node('a', 'foundry', 'TW'), node('b', 'foundry', 'TW'), node('c', 'foundry', 'US'), node('e', 'foundry', 'KR'), node('d', 'demand', 'JP')],
      edges: [
        { source: 'b', target: 'd', attributes: { input: 'chips', value: 1, range: [0.5, 1.5] } },
        { source: 'a', target: 'd', attributes: { input: 'chips', value: 1, range: [0.5, 1.5] } },
        { source: 'c', target: 'd', attributes: { input: 'chips', value: 2, range: [1, 6] } },
        { key: 'far', source: 'e', target: 'c', attributes: { input: 'wafers', value: 2, range: [1, 3] } },
      ],
    } as never);
    const r = computeRobustness(g, { sets: ['TW'], draws: 5, swings: 3 });
    const names = fig(r, 'baseline', 'TW').swings.map((s) => s.edge);
    // c's range moves TW's share most; a and b tie (same swing), named by source->target:input; `far` feeds no TW-dependent path (swing 0) and is cut at 3.
    expect(names).toEqual(['c->d:chips', 'a->d:chips', 'b->d:chips']);
    const all = computeRobustness(g, { sets: ['TW'], draws: 5, swings: 10 });
    expect(fig(all, 'baseline', 'TW').swings.map((s) => [s.edge, s.atHigh - s.atLow])).toEqual([
      ['c->d:chips', expect.any(Number)], ['a->d:chips', expect.any(Number)], ['b->d:chips', expect.any(Number)], ['far', 0],
    ]);
  });
});

describe('variants (robustness.md §3), by hand', () => {
  it("applies the variant's operations, then each scenario's", () => {
    const g = twoFabs([{ id: 'double', label: 'Double TW', ops: [{ op: 'scaleFlows', where: { source: { key: 'tw' } }, factor: 2 }] }], {
      variants: [
        { id: 'no-us', label: 'No US fab', ops: [{ op: 'removeNode', key: 'us' }] },
        { id: 'big-us', label: 'Big US fab', ops: [{ op: 'setFlow', source: 'us', target: 'd', input: 'chips', value: 3 }] },
      ],
    });
    const r = computeRobustness(g, { sets: ['foundry:TW'], draws: 5 });
    expect(r.variants.map((v) => v.id)).toEqual(['no-us', 'big-us']);
    expect(fig(r, 'baseline').variants['no-us']).toBeCloseTo(1, 12);
    expect(fig(r, 'baseline').variants['big-us']).toBeCloseTo(0.5, 12);
    const v = fig(r, 'double').variants['big-us'] as { value: number; delta: number };
    expect(v.value).toBeCloseTo(6 / 9, 12);
    expect(v.delta).toBeCloseTo(6 / 9 - 0.5, 12);
    expect((fig(r, 'double').variants['no-us'] as { delta: number }).delta).toBeCloseTo(0, 12);
  });
});

describe('draws (robustness.md §5): properties', () => {
  it('zero-width ranges give every draw the point figure', () => {
    const g = graphOf({
      attributes: { format: 'chokepoint-graph', version: 1, title: 't', scenarios: [{ id: 's', label: 'S', ops: [{ op: 'addFlow', source: 'us', target: 'd', input: 'chips', value: 2, range: [2, 2] }] }] },
      nodes: [node('tw', 'foundry', 'TW'), node('us', 'foundry', 'US'), node('d', 'demand', 'JP')],
      edges: [
        { source: 'tw', target: 'd', attributes: { input: 'chips', value: 3, range: [3, 3] } },
        { source: 'us', target: 'd', attributes: { input: 'chips', value: 1, range: [1, 1] } },
      ],
    } as never);
    const r = computeRobustness(g, { sets: ['foundry:TW'], draws: 50 });
    for (const f of r.figures) {
      expect(f.draws).toEqual({ mean: f.point, p05: f.point, p50: f.point, p95: f.point, min: f.point, max: f.point });
      if (f.deltaDraws) expect(f.deltaDraws).toMatchObject({ min: f.delta, max: f.delta, agree: 1, robust: true });
    }
    expect(r.uncertainFlows).toBe(0);
  });

  it('gives the same figures, to the bit, for the same seed, and others for another', () => {
    const g = twoFabs([{ id: 'double', label: 'Double TW', ops: [{ op: 'scaleFlows', where: { source: { key: 'tw' } }, factor: 2 }] }]);
    const a = computeRobustness(g, { draws: 200, seed: 7, uncertainty: 0.3 });
    const b = computeRobustness(g, { draws: 200, seed: 7, uncertainty: 0.3 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = computeRobustness(g, { draws: 200, seed: 8, uncertainty: 0.3 });
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('never moves a flow with no range: a figure resting only on exact flows does not vary', () => {
    const g = graphOf({
      attributes: { format: 'chokepoint-graph', version: 1, title: 't' },
      nodes: [node('tw', 'foundry', 'TW'), node('us', 'foundry', 'US'), node('d1', 'demand', 'JP'), node('d2', 'demand', 'DE')],
      edges: [
        { source: 'tw', target: 'd1', attributes: { input: 'chips', value: 3, range: [1, 5] } },
        { source: 'us', target: 'd1', attributes: { input: 'chips', value: 1 } },
        { source: 'tw', target: 'd2', attributes: { input: 'chips', value: 2 } },
        { source: 'us', target: 'd2', attributes: { input: 'chips', value: 7 } },
      ],
    } as never);
    const r = computeRobustness(g, { sets: ['foundry:TW'], draws: 300 });
    const d2 = fig(r, 'baseline', 'foundry:TW', 'd2');
    expect(d2.draws.min).toBe(d2.point);
    expect(d2.draws.max).toBe(d2.point);
    const d1 = fig(r, 'baseline', 'foundry:TW', 'd1');
    expect(d1.draws.max - d1.draws.min).toBeGreaterThan(0.1);
  });

  it("on a one-flow graph, the draws' percentiles follow the triangular law", () => {
    // reliance = x / (x + 1), increasing in x ~ Tri(1, 3, 6): its percentiles are g(F^-1(p)).
    const g = graphOf({
      attributes: { format: 'chokepoint-graph', version: 1, title: 't' },
      nodes: [node('tw', 'foundry', 'TW'), node('us', 'foundry', 'US'), node('d', 'demand', 'JP')],
      edges: [
        { source: 'tw', target: 'd', attributes: { input: 'chips', value: 3, range: [1, 6] } },
        { source: 'us', target: 'd', attributes: { input: 'chips', value: 1 } },
      ],
    } as never);
    const [a, c, b] = [1, 3, 6];
    const inv = (p: number) => (p < (c - a) / (b - a) ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c)));
    const gOf = (x: number) => x / (x + 1);
    const r = computeRobustness(g, { sets: ['foundry:TW'], draws: 20000, seed: 3 });
    const f = fig(r, 'baseline');
    // Standard error of a 5th percentile over 20,000 draws is well under 0.005 here.
    expect(f.draws.p05).toBeCloseTo(gOf(inv(0.05)), 2);
    expect(f.draws.p50).toBeCloseTo(gOf(inv(0.5)), 2);
    expect(f.draws.p95).toBeCloseTo(gOf(inv(0.95)), 2);
    expect(f.draws.min).toBeGreaterThanOrEqual(gOf(1));
    expect(f.draws.max).toBeLessThanOrEqual(gOf(6));
    // And the variable itself: mean (a + b + c) / 3.
    const prng = createPrng(11);
    const xs = Float64Array.from({ length: 50000 }, () => triangular(prng.next(), a, c, b));
    expect(summarize(xs).mean).toBeCloseTo((a + b + c) / 3, 1);
  });

  it('takes percentiles as numpy does (linear between closest ranks)', () => {
    const sorted = [1, 2, 3, 4, 10];
    expect(percentile(sorted, 0.05)).toBeCloseTo(1.2, 12);
    expect(percentile(sorted, 0.5)).toBe(3);
    expect(percentile(sorted, 0.95)).toBeCloseTo(8.8, 12);
    expect(percentile([5], 0.95)).toBe(5);
  });

  it('draws the baseline and every scenario from one draw: a delta is a paired difference', () => {
    // A scenario that changes nothing for the figure: every draw's delta is 0, however wide the range.
    const g = twoFabs([{ id: 'noop', label: 'Nothing', ops: [{ op: 'scaleFlows', where: { input: 'none' }, factor: 2 }] }]);
    const r = computeRobustness(g, { sets: ['foundry:TW'], draws: 500 });
    const f = fig(r, 'noop');
    expect(f.deltaDraws).toMatchObject({ min: 0, max: 0, agree: 1, robust: true });
    expect(f.draws.max - f.draws.min).toBeGreaterThan(0.05);
  });
});

describe('the engine against a literal reading of the spec', () => {
  /** Every operation kind, a cycle, fx, op ranges, and flows the scenarios add and remove. */
  const rich = () =>
    graphOf({
      attributes: {
        format: 'chokepoint-graph', version: 1, title: 'rich', fx: { JPY: 150 },
        uncertainty: { derived: 0.3, assumption: 0.6 },
        scenarios: [
          { id: 'shift', label: 'Shift', ops: [{ op: 'shiftFlows', target: 'd', input: 'chips', from: { country: 'TW' }, to: { country: 'US' }, fraction: 0.5 }] },
          { id: 'mix', label: 'Mix', ops: [
            { op: 'scaleFlows', where: { target: { kind: 'foundry' } }, factor: 1.5 },
            { op: 'addFlow', source: 'kr', target: 'd', input: 'chips', amount: { value: 300, currency: 'JPY' }, range: [100, 600] },
            { op: 'setFlow', source: 'w2', target: 'us', input: 'wafers', value: 2, range: [1, 4] },
            { op: 'removeFlow', source: 'us', target: 'tw', input: 'masks' },
          ] },
          { id: 'drop', label: 'Drop', ops: [{ op: 'removeNode', key: 'w1' }, { op: 'setNode', key: 'kr', attributes: { country: 'TW' } }] },
        ],
      },
      nodes: [node('w1', 'wafer', 'JP'), node('w2', 'wafer', 'TW'), node('tw', 'foundry', 'TW'), node('us', 'foundry', 'US'), node('kr', 'foundry', 'KR'), node('d', 'demand', 'JP')],
      edges: [
        { source: 'w1', target: 'tw', attributes: { input: 'wafers', value: 5, basis: 'derived' } },
        { source: 'w2', target: 'tw', attributes: { input: 'wafers', value: 2, basis: 'assumption' } },
        { source: 'w1', target: 'us', attributes: { input: 'wafers', value: 1, range: [0, 3] } },
        { source: 'w2', target: 'us', attributes: { input: 'wafers', value: 1, basis: 'reported' } },
        { source: 'us', target: 'tw', attributes: { input: 'masks', value: 1, range: [0.5, 2] } },
        { source: 'tw', target: 'us', attributes: { input: 'masks', value: 1, range: [0.2, 1.2] } },
        { source: 'tw', target: 'd', attributes: { input: 'chips', value: 6, basis: 'derived' } },
        { source: 'us', target: 'd', attributes: { input: 'chips', value: 2, range: [1, 5] } },
        { source: 'kr', target: 'd', attributes: { input: 'chips', value: 1, basis: 'assumption' } },
      ],
    } as never);

  for (const seed of [1, 2]) {
    it(`matches the literal draws, seed ${seed}`, () => {
      const g = rich();
      const draws = 60;
      const r = computeRobustness(g, { draws, seed, uncertainty: 0.2, sets: ['TW', 'wafer:JP'], swings: 50 });
      for (const set of ['TW', 'wafer:JP']) {
        const lit = literalDraws(g, { draws, seed, uncertainty: 0.2 }, 'd', set, ['shift', 'mix', 'drop']);
        for (const [scenario, values] of lit) {
          const f = fig(r, scenario, set);
          const s = summarize(Float64Array.from(values));
          for (const k of ['mean', 'p05', 'p50', 'p95', 'min', 'max'] as const) expect(f.draws[k]).toBeCloseTo(s[k], 9);
          if (scenario !== 'baseline') {
            const base = lit.get('baseline')!;
            const deltas = summarize(Float64Array.from(values, (v, n) => v - base[n]!));
            for (const k of ['mean', 'p05', 'p95', 'min', 'max'] as const) expect(f.deltaDraws![k]).toBeCloseTo(deltas[k], 9);
          }
        }
      }
    });
  }

  it('matches the literal swings: every flow and op range at its low and high', () => {
    const g = rich();
    const vars = uncertainOf(g, 0.2);
    const r = computeRobustness(g, { draws: 1, uncertainty: 0.2, sets: ['TW'], swings: 100 });
    const x0 = vars.map((u) => u.mode);
    for (const scenario of ['baseline', 'shift', 'mix', 'drop']) {
      const f = fig(r, scenario, 'TW');
      const own = scenario === 'baseline' ? undefined : scenario;
      const at = (j: number, v: number) => {
        const x = [...x0];
        x[j] = v;
        const gv = withValues(g, vars, x);
        const value = literalIn(gv, own, 'd', 'TW');
        return own ? value - literalIn(gv, undefined, 'd', 'TW') : value;
      };
      const expected = vars
        .map((u, j) => ({ u, j }))
        .filter(({ u }) => u.high > u.low && (u.kind === 'edge' || g.getAttribute('scenarios')![u.scenario]!.id === own))
        .map(({ u, j }) => ({ edge: u.name, atLow: at(j, u.low), atHigh: at(j, u.high) }));
      expect(f.swings).toHaveLength(expected.length);
      for (const e of expected) {
        const got = f.swings.find((s) => s.edge === e.edge)!;
        expect(got.atLow).toBeCloseTo(e.atLow, 9);
        expect(got.atHigh).toBeCloseTo(e.atHigh, 9);
      }
      const sizes = f.swings.map((s) => Math.abs(s.atHigh - s.atLow));
      expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    }
    // The bounds that spare most exact evaluations change nothing: the K largest are the first K of the full list.
    for (const keep of [1, 2, 3, 5]) {
      const cut = computeRobustness(g, { draws: 1, uncertainty: 0.2, sets: ['TW'], swings: keep });
      for (const scenario of ['baseline', 'shift', 'mix', 'drop']) expect(fig(cut, scenario, 'TW').swings).toEqual(fig(r, scenario, 'TW').swings.slice(0, keep));
    }
  });
});
