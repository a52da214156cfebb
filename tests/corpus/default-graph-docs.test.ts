/**
 * The per-variant tables of the README's case section and of graphs/README.md
 * are written by hand: each figure in them must be what the engine gives on the
 * default graph (the variant's operations, then the scenario's), to one decimal.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraph, repoPath } from '../helpers/load.ts';
import { caseGraph, reliance } from '../helpers/case-figures.ts';

const graph = loadGraph(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8'));
const AI = 'jp-ai-datacenter';
const AUTO = 'jp-automotive-industrial';
const CONSUMER = 'jp-consumer-electronics';

const pointsOf = (x: number) => (100 * x).toFixed(1);
const signed = (x: number) => {
  const s = pointsOf(x);
  return x > 0 ? `+${s}` : s.replace('-', '−');
};
const base = (v: string | undefined, d: string) => reliance(caseGraph(graph, v), d, 'foundry:TW');
const delta = (v: string | undefined, s: string, d: string) => reliance(caseGraph(graph, v, s), d, 'foundry:TW') - base(v, d);

/** The rows of the markdown table whose header starts with `header`, as cells; the reading's variant id from its first cell. */
function tableRows(text: string, header: string): { variant: string | undefined; cells: string[] }[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(header));
  expect(at, header).toBeGreaterThanOrEqual(0);
  const rows: { variant: string | undefined; cells: string[] }[] = [];
  for (const line of lines.slice(at + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const id = /^`([a-z0-9-]+)`/.exec(cells[0]!)?.[1];
    rows.push({ variant: id, cells: cells.slice(1) });
  }
  return rows;
}

describe('the per-variant tables of the case', () => {
  it('README: each delta is the engine\'s', () => {
    const rows = tableRows(readFileSync(repoPath('README.md'), 'utf8'), '| Reading | AI buyers, extra purchase |');
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const { variant, cells } of rows)
      expect(cells, variant ?? 'the file').toEqual([
        signed(delta(variant, 'us-purchase-additional', AI)),
        signed(delta(variant, 'jp-leading-edge', AI)),
        signed(delta(variant, 'us-purchase-substitution', AUTO)),
        signed(delta(variant, 'us-purchase-substitution', CONSUMER)),
      ]);
  });

  it('graphs/README.md: each baseline and delta is the engine\'s', () => {
    const rows = tableRows(readFileSync(repoPath('graphs/README.md'), 'utf8'), '| Reading | baseline AI / auto / consumer |');
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const { variant, cells } of rows)
      expect(cells, variant ?? 'the file').toEqual([
        [AI, AUTO, CONSUMER].map((d) => pointsOf(base(variant, d))).join(' / '),
        signed(delta(variant, 'us-purchase-additional', AI)),
        signed(delta(variant, 'us-purchase-substitution', AUTO)),
        signed(delta(variant, 'us-purchase-substitution', CONSUMER)),
        signed(delta(variant, 'jp-leading-edge', AI)),
      ]);
  });
});
