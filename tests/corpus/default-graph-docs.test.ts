/**
 * The case tables of the README and of graphs/README.md are written by hand:
 * each figure in them must be what the engines give on the default graph (the
 * robustness engine's point, variant and draw figures; the shocks engine's
 * losses), to one decimal.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraph, repoPath } from '../helpers/load.ts';
import { caseFigures } from '../helpers/case-figures.ts';
import { drawShare } from '../../src/report/robustness.ts';
import { scenariosOf } from '../../src/scenarios/apply.ts';
import { shocksOf } from '../../src/scenarios/shock-hits.ts';

const graph = loadGraph(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8'));
const { figure, value, delta, lost } = caseFigures(graph);
const README = readFileSync(repoPath('README.md'), 'utf8');
const DATA_NOTES = readFileSync(repoPath('graphs/README.md'), 'utf8');
const AI = 'jp-ai-datacenter';
const AUTO = 'jp-automotive-industrial';
const CONSUMER = 'jp-consumer-electronics';
const BUYERS: Record<string, string> = { AI, automotive: AUTO, consumer: CONSUMER };

const pointsOf = (x: number) => (100 * x).toFixed(1);
const signed = (x: number) => {
  const s = pointsOf(x);
  return x > 0 ? `+${s}` : s.replace('-', '−');
};
const base = (v: string | undefined, d: string) => value(v, undefined, d);

/** The rows of the markdown table whose header starts with `header`, as cells (the first cell apart). */
function tableRows(text: string, header: string): { first: string; cells: string[] }[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(header));
  expect(at, header).toBeGreaterThanOrEqual(0);
  const rows: { first: string; cells: string[] }[] = [];
  for (const line of lines.slice(at + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    rows.push({ first: cells[0]!, cells: cells.slice(1) });
  }
  return rows;
}
/** A reading's variant id from its first cell (`id`: ...), undefined for the file's own. */
const variantOf = (first: string) => /^`([a-z0-9-]+)`/.exec(first)?.[1];
const header = (text: string, start: string) => text.split('\n').find((l) => l.startsWith(start))!.split('|').slice(2, -1).map((c) => c.trim().replace(/`/g, ''));

describe('the per-variant tables of the case', () => {
  it('README: each delta is the engine\'s', () => {
    const rows = tableRows(README, '| Reading | AI buyers, extra purchase |');
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const { first, cells } of rows) {
      const variant = variantOf(first);
      expect(cells, variant ?? 'the file').toEqual([
        signed(delta(variant, 'us-purchase-additional', AI)),
        signed(delta(variant, 'jp-leading-edge', AI)),
        signed(delta(variant, 'us-purchase-substitution', AUTO)),
        signed(delta(variant, 'us-purchase-substitution', CONSUMER)),
      ]);
    }
  });

  it('graphs/README.md: each baseline and delta is the engine\'s', () => {
    const rows = tableRows(DATA_NOTES, '| Reading | baseline AI / auto / consumer |');
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const { first, cells } of rows) {
      const variant = variantOf(first);
      expect(cells, variant ?? 'the file').toEqual([
        [AI, AUTO, CONSUMER].map((d) => pointsOf(base(variant, d))).join(' / '),
        signed(delta(variant, 'us-purchase-additional', AI)),
        signed(delta(variant, 'us-purchase-substitution', AUTO)),
        signed(delta(variant, 'us-purchase-substitution', CONSUMER)),
        signed(delta(variant, 'jp-leading-edge', AI)),
      ]);
    }
  });
});

describe('the headline table of the case: intervals and agreement of the draws', () => {
  it('README: each figure, its 5th–95th percentile and its agreement are the robustness engine\'s', () => {
    const rows = tableRows(README, '| Buyers | Scenario | Reliance on Taiwanese foundries |');
    expect(rows.length).toBeGreaterThanOrEqual(7);
    const seen = new Set<string>();
    for (const { first, cells } of rows) {
      const demand = BUYERS[first];
      expect(demand, first).toBeDefined();
      const scenario = cells[0]!.replace(/`/g, '');
      seen.add(`${first} ${scenario}`);
      const f = figure(demand!, 'foundry:TW', scenario);
      if (scenario === 'baseline') {
        expect(cells.slice(1), `${first} ${scenario}`).toEqual([`${pointsOf(f.point)}%`, `${pointsOf(f.draws.p05)}% to ${pointsOf(f.draws.p95)}%`, '']);
      } else {
        const d = f.deltaDraws!;
        const agree = `${drawShare(d.agree)} of draws${d.robust ? '' : ': direction uncertain'}`;
        expect(cells.slice(1), `${first} ${scenario}`).toEqual([`${signed(f.delta!)} pp`, `${signed(d.p05)} to ${signed(d.p95)} pp`, agree]);
      }
    }
    // The four headline findings are all there.
    for (const k of ['AI us-purchase-additional', 'AI jp-leading-edge', 'automotive us-purchase-substitution', 'consumer us-purchase-substitution']) expect(seen.has(k), k).toBe(true);
  });
});

describe('the shocks × scenarios tables of the case', () => {
  const scenarios = ['baseline', ...scenariosOf(graph).map((s) => s.id)];
  const check = (text: string, start: string, minShocks: number) => {
    const shocks = header(text, start);
    expect(shocks.length).toBeGreaterThanOrEqual(minShocks);
    for (const id of shocks) expect(shocksOf(graph).map((s) => s.id), id).toContain(id);
    const rows = tableRows(text, start);
    expect(rows.map((r) => r.first)).toEqual(scenarios);
    for (const { first, cells } of rows)
      expect(cells, first).toEqual(shocks.map((id) => [AI, AUTO, CONSUMER].map((d) => pointsOf(lost(first === 'baseline' ? undefined : first, d, id))).join(' / ')));
  };

  it('README: every shock, every scenario, each loss the shocks engine\'s', () => {
    check(README, '| Scenario | `tw-foundries-stop` |', shocksOf(graph).length);
  });

  it('graphs/README.md: each loss, the half-capacity Taiwan shock included, is the shocks engine\'s', () => {
    check(DATA_NOTES, '| Scenario | `tw-foundries-half` |', 4);
  });
});
