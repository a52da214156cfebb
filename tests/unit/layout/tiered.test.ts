import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MultiDirectedGraph } from 'graphology';
import { crossings, mergedLinks, stableSortBy, TIER_OF, tieredLayout } from '../../../src/layout/tiered.ts';
import type { SupplyGraph } from '../../../src/model/graph.ts';
import { graphOf, loadGraph, makeDoc, repoPath } from '../../helpers/load.ts';

describe('tieredLayout', () => {
  it('gives an empty map for an empty graph', () => {
    expect(tieredLayout(graphOf(makeDoc([], []))).size).toBe(0);
  });

  it('puts kinds in columns left to right: raw, wafer, foundry, supplier, demand', () => {
    const g = graphOf(
      makeDoc(
        [['d', 'demand', 'JP'], ['s', 'supplier', 'US'], ['f', 'foundry', 'TW'], ['w', 'wafer', 'JP'], ['c', 'chemical', 'JP'], ['e', 'equipment', 'NL']],
        [['s', 'd', 'chips', 1], ['f', 's', 'fab', 1], ['w', 'f', 'wafers', 1], ['c', 'f', 'hf', 1], ['e', 'f', 'tools', 1]],
      ),
    );
    const p = tieredLayout(g);
    const x = (k: string) => p.get(k)!.x;
    expect(x('c')).toBe(x('e'));
    expect(x('c')).toBeLessThan(x('w'));
    expect(x('w')).toBeLessThan(x('f'));
    expect(x('f')).toBeLessThan(x('s'));
    expect(x('s')).toBeLessThan(x('d'));
    expect(TIER_OF.other).toBe(0);
  });

  it('untangles two crossed chains', () => {
    // Start order by country puts a1 (CA) above b1 (US) in column 0 but b2 (CA) above a2 (US) in column 1: crossed.
    const g = graphOf(
      makeDoc(
        [['a1', 'chemical', 'CA'], ['b1', 'chemical', 'US'], ['a2', 'foundry', 'US'], ['b2', 'foundry', 'CA'], ['a3', 'demand', 'CA'], ['b3', 'demand', 'US']],
        [['a1', 'a2', 'x', 1], ['b1', 'b2', 'x', 1], ['a2', 'a3', 'y', 1], ['b2', 'b3', 'y', 1]],
      ),
    );
    const p = tieredLayout(g);
    const y = (k: string) => p.get(k)!.y;
    expect(Math.sign(y('a1') - y('b1'))).toBe(Math.sign(y('a2') - y('b2')));
    expect(Math.sign(y('a2') - y('b2'))).toBe(Math.sign(y('a3') - y('b3')));
  });

  it('is deterministic and places every node of the default graph at a distinct point', () => {
    const text = readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8');
    const graph = loadGraph(text);
    const a = tieredLayout(graph);
    const b = tieredLayout(loadGraph(text));
    expect([...a]).toEqual([...b]);
    expect(a.size).toBe(graph.order);
    const points = new Set([...a.values()].map((q) => `${q.x.toFixed(6)},${q.y.toFixed(6)}`));
    expect(points.size).toBe(graph.order);
  });

  it('counts weighted crossings', () => {
    expect(crossings([[0, 1, 1], [2, 3, 2]], [0, 1, 0, 1], [0, 1, 1, 0])).toBe(2);
    expect(crossings([[0, 1, 1], [2, 3, 2]], [0, 1, 0, 1], [0, 0, 1, 1])).toBe(0);
  });
});

describe('stableSortBy', () => {
  it('orders as a stable comparator sort does, ties in their order, on short and long columns', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const m of [0, 1, 5, 63, 64, 65, 500, 5000]) {
      const key = new Float64Array(m + 10);
      // Keys as the sweeps make them: positions r / (n - 1), weighted means of them, many ties, 0 and 1.
      for (let v = 0; v < key.length; v++) key[v] = random() < 0.3 ? Math.floor(random() * 8) / 7 : random() < 0.1 ? 0 : random();
      const col = Array.from({ length: m }, (_, i) => (i * 7919) % (m + 10));
      const expected = [...col].sort((a, b) => key[a]! - key[b]!);
      stableSortBy(col, key);
      expect(col).toEqual(expected);
    }
  });
});

describe('mergedLinks', () => {
  /** The definition: a Map keyed by pair, filled flow by flow in the graph's order. */
  const byMap = (g: SupplyGraph, index: Map<string, number>, tierOf: number[]) => {
    const merged = new Map<string, { lo: number; hi: number; value: number }>();
    g.forEachEdge((_e, attrs, source, target) => {
      const a = index.get(source)!;
      const b = index.get(target)!;
      if (a === b || tierOf[a] === tierOf[b]) return;
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const pair = merged.get(`${lo} ${hi}`) ?? { lo, hi, value: 0 };
      pair.value += attrs.value;
      merged.set(`${lo} ${hi}`, pair);
    });
    return [...merged.values()];
  };

  it('merges flows per pair of nodes as a Map does, pairs in the order of their first flow, on random multigraphs', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (const [nodes, flows] of [[1, 3], [2, 10], [7, 40], [60, 400], [300, 3000]] as const) {
      const g = new MultiDirectedGraph() as unknown as SupplyGraph;
      for (let i = 0; i < nodes; i++) g.addNode(`n${i}`);
      // Self-loops, flows both ways, many flows per pair, same-column pairs, and values of every size.
      for (let k = 0; k < flows; k++) {
        const a = Math.floor(rand() * nodes);
        const b = rand() < 0.1 ? a : Math.floor(rand() * nodes);
        g.addEdge(`n${a}`, `n${b}`, { value: rand() < 0.2 ? 0 : rand() * 10 ** Math.floor(rand() * 12) } as never);
      }
      const keys = g.nodes();
      const index = new Map(keys.map((key, i) => [key, i]));
      const tierOf = keys.map(() => Math.floor(rand() * 3));
      const want = byMap(g, index, tierOf);
      const got = mergedLinks(g, index, tierOf);
      expect(got.lo.length).toBe(want.length);
      expect([...got.lo]).toEqual(want.map((p) => p.lo));
      expect([...got.hi]).toEqual(want.map((p) => p.hi));
      // Summed in the same order, so equal to the last bit.
      expect([...got.value]).toEqual(want.map((p) => p.value));
    }
  });
});

describe('tieredLayout on a big graph', () => {
  it('lays out 3,000 nodes and 9,000 flows without counting crossings', () => {
    const kinds = ['chemical', 'wafer', 'foundry', 'supplier', 'demand'];
    const nodes: [string, string, string][] = [];
    for (let i = 0; i < 3000; i++) nodes.push([`n${i}`, kinds[i % 5]!, 'JP']);
    const edges: [string, string, string, number][] = [];
    let seed = 7;
    const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let k = 0; k < 9000; k++) {
      const a = Math.floor(rand() * 2400);
      const from = a - (a % 5) + Math.floor(rand() * 4);
      edges.push([`n${from}`, `n${from + 1}`, 'x', 1 + Math.floor(rand() * 100)]);
    }
    const p = tieredLayout(graphOf(makeDoc(nodes, edges)));
    expect(p.size).toBe(3000);
    for (const q of p.values()) expect(Number.isFinite(q.y)).toBe(true);
  });
});

describe('the tiered layout of a graph whose kinds came from its shape', () => {
  it('puts each node in the column of its depth (the longest chain of suppliers behind it)', async () => {
    const { loadFiles } = await import('../../../src/io/load.ts');
    const gexf = `<gexf version="1.3"><graph defaultedgetype="directed"><nodes>${['a', 'b', 'c', 'd', 'e'].map((k) => `<node id="${k}"/>`).join('')}</nodes>
<edges><edge source="a" target="b"/><edge source="b" target="c"/><edge source="a" target="c"/><edge source="c" target="d"/><edge source="e" target="d"/></edges></graph></gexf>`;
    const r = loadFiles([{ name: 's.gexf', text: gexf }]);
    if (!r.ok) throw new Error('not loaded');
    const pos = tieredLayout(r.graph, { columnGap: 10 });
    const column = (k: string) => Math.round(pos.get(k)!.x / 10);
    expect(['a', 'b', 'c', 'd', 'e'].map(column)).toEqual([0, 1, 2, 3, 0]);
    // With kinds, the columns are the kinds' own, whatever the depth.
    r.graph.setAttribute('kindsFromShape' as never, false as never);
    expect(Math.round(tieredLayout(r.graph, { columnGap: 10 }).get('d')!.x / 10)).toBe(TIER_OF.demand);
  });
});
