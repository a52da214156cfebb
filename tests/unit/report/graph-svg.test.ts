import { describe, expect, it } from 'vitest';
import { graphSvg, KIND_COLOURS } from '../../../src/report/graph-svg.ts';
import { KIND_NAMES } from '../../../src/model/kind-look.ts';
import { graphOf, makeDoc } from '../../helpers/load.ts';
import { hostileGraph, XSS } from './hostile-graph.ts';

const positions = (pairs: [string, number, number][]) => new Map(pairs.map(([k, x, y]) => [k, { x, y }]));

describe('graphSvg', () => {
  it('draws one dot per node coloured by kind, one curve per supplier-customer pair, widths by value, and a legend', () => {
    const g = graphOf(
      makeDoc(
        [
          ['a', 'wafer', 'JP'],
          ['b', 'foundry', 'TW'],
          ['c', 'demand', 'US'],
        ],
        [
          ['a', 'b', 'wafers', 1],
          ['b', 'c', 'chips', 100],
          ['b', 'c', 'packaging', 300],
        ],
      ),
    );
    const svg = graphSvg(g, positions([['a', 0, 0], ['b', 10, 1], ['c', 20, -1]]));
    expect(svg.match(/<circle cx/g)).toHaveLength(3 + 3);
    expect(svg).toContain(`fill="${KIND_COLOURS.foundry}"`);
    const widths = [...svg.matchAll(/<path [^>]*stroke-width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[1]!).toBeGreaterThan(widths[0]! * 5);
    // The legend names the kinds present as the app does, in the app's order.
    expect(svg).toMatch(new RegExp(`>${KIND_NAMES.demand}</text>.*>${KIND_NAMES.foundry}</text>.*>${KIND_NAMES.wafer}</text>`, 's'));
    expect(svg).not.toContain(`>${KIND_NAMES.supplier}</text>`);
    // Layout y grows upwards: the node at y = 1 is drawn above the one at y = -1.
    const cy = (k: string) => Number(new RegExp(`<title>${k} [^<]*</title><circle cx="[\\d.]+" cy="([\\d.]+)"`).exec(svg)![1]);
    expect(cy('b')).toBeLessThan(cy('c'));
  });

  it('escapes labels and says so when the graph is empty', () => {
    const g = hostileGraph();
    const svg = graphSvg(g, new Map(g.nodes().map((k, i) => [k, { x: i, y: i }])));
    expect(svg).not.toContain(XSS);
    expect(svg).not.toMatch(/<img|<script/);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(graphSvg(g, new Map())).toContain('The graph has no nodes.');
  });

  it('draws a graph of 200,000 nodes: no per-node list is spread into a call (the call stack has room for about 125,000 arguments)', () => {
    const n = 200_000;
    const g = graphOf(
      makeDoc(
        Array.from({ length: n }, (_, i): [string, string, string] => [`n${i}`, i === n - 1 ? 'demand' : 'supplier', 'JP']),
        Array.from({ length: n - 1 }, (_, i): [string, string, string, number] => [`n${i}`, `n${i + 1}`, 'x', 1]),
      ),
    );
    const svg = graphSvg(g, new Map(g.nodes().map((k, i) => [k, { x: i % 5, y: i }])));
    expect(svg.match(/r="4\.5"/g)?.length).toBe(n);
  }, 30_000);
});
