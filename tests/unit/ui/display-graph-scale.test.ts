import { describe, expect, it } from 'vitest';
import { type DisplayGraph, buildAhead, builtAheadWaits, buildDisplayGraph, countryNodeKey, countryPlaces, buildDisplayGraphInSlices, detachedFlows, drawnFlows, MAX_DRAWN_FLOWS, sharesOrder, minorFlows, putDetachedFlows, showMinorFlows, wantedMinorFlows } from '../../../src/ui/display-graph.ts';

const view = (shares: (number | null)[], targets?: string[]) => {
  const edges = shares.map((_s, i) => ({ key: `e${i}`, target: targets?.[i] ?? `t${i}` }));
  const places = new Map<string, number>();
  for (const e of edges) if (!places.has(e.target)) places.set(e.target, places.size);
  return {
    document: { edges } as never,
    shares: Float64Array.from(shares, (s) => s ?? NaN),
    ends: Int32Array.from(edges.flatMap((e) => [0, places.get(e.target)!])),
  };
};
/** GraphView.ends of nodes keyed `n<place>`. */
const endsOf = (edges: { source: string; target: string }[]) => Int32Array.from(edges.flatMap((e) => [Number(e.source.slice(1)), Number(e.target.slice(1))]));

describe('flows drawn on a big graph', () => {
  it('draws every flow up to the limit', () => {
    expect(drawnFlows(view([0.1, 0.2]), 2)).toBeNull();
  });

  it('above it, the largest shares of their customer\'s input, ties by order, none without a share', () => {
    expect([...drawnFlows(view([0.1, 0.9, null, 0.5, 0.9]), 3)!]).toEqual([0, 1, 0, 1, 1]);
  });

  it('takes every customer\'s largest first, then the second and third, so a customer with many small suppliers still shows some', () => {
    const shares = [0.9, 0.8, 0.7, 0.6, 0.5, 0.01, 0.02];
    const targets = ['a', 'a', 'a', 'a', 'a', 'b', 'b'];
    expect([...drawnFlows(view(shares, targets), 5)!]).toEqual([1, 1, 1, 0, 0, 1, 1]);
    expect([...drawnFlows(view(shares, targets), 2)!]).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect([...drawnFlows(view(shares, targets), 6)!]).toEqual([1, 1, 1, 1, 0, 1, 1]);
  });
});

describe('the order of flows by share', () => {
  /** The definition: by share to 2^-31, largest first, then by place (a comparator's sort). */
  const byDefinition = (share: Float64Array) => {
    const q = (i: number) => Math.round((1 - Math.min(1, Math.max(0, share[i]!))) * 2 ** 31);
    return Uint32Array.from(share.keys()).sort((a, b) => q(a) - q(b) || a - b);
  };
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  it('is the definition on random shares with ties, zeros, ones and shares past [0, 1]', () => {
    for (const n of [0, 1, 2, 17, 8191, 8192, 8193, 40_000]) {
      const share = Float64Array.from({ length: n }, () => {
        const r = random();
        return r < 0.1 ? 0 : r < 0.15 ? 1 : r < 0.2 ? 0.5 : r < 0.22 ? -0.3 : r < 0.24 ? 1.7 : r < 0.3 ? 0.5 + 2 ** -33 : random();
      });
      expect([...sharesOrder(share)]).toEqual([...byDefinition(share)]);
    }
  });

  it('sorts two shares 2^-30 apart by share, and two within 2^-32 by place', () => {
    expect([...sharesOrder(Float64Array.from([0.25, 0.25 + 2 ** -30]))]).toEqual([1, 0]);
    expect([...sharesOrder(Float64Array.from([0.25, 0.25 + 2 ** -33]))]).toEqual([0, 1]);
  });
});

/** How many flows the graph stands for: those in it, and the minor ones kept beside it and not in it now. */
function flowCount(g: DisplayGraph): number {
  const minor = minorFlows(g)!;
  return g.size + [...minor.values()].filter((f) => !g.hasEdge(f.key)).length;
}

/** 3,500 nodes and 10,500 flows: above MAX_DRAWN_FLOWS, so some are minor. */
function bigView() {
  const n = 3500;
  const kinds = ['raw', 'supplier', 'demand'] as const;
  const nodes = Array.from({ length: n }, (_, i) => ({ key: `n${i}`, attributes: { label: `Node ${i}`, kind: kinds[i % 3]!, country: ['TW', 'JP', 'US'][i % 3]! } }));
  const edges = Array.from({ length: 3 * n }, (_, i) => ({ key: `e${i}`, source: `n${i % n}`, target: `n${(i * 7 + 1) % n}`, attributes: { input: 'x', value: 1 + (i % 13) } }));
  const view = {
    scenario: 'baseline', document: { attributes: { title: 't' }, nodes, edges },
    shares: Float64Array.from(edges, (_e, i) => (i % 11) / 10),
    ends: endsOf(edges),
  } as never;
  const positions = Object.fromEntries(nodes.map((x, i) => [x.key, { x: i % 40, y: Math.floor(i / 40) }]));
  return { view, positions, nodes, edges };
}

describe('minor flows on a big graph', () => {
  it('are kept out of the graph, beside it, each listed under both its ends', () => {
    const { view, positions, edges } = bigView();
    const g = buildDisplayGraph(view, positions, false);
    const minor = minorFlows(g)!;
    expect(minor.size).toBe(edges.length - MAX_DRAWN_FLOWS);
    expect(g.size).toBe(MAX_DRAWN_FLOWS);
    expect(g.someEdge((_e, a) => a.minor)).toBe(false);
    expect(flowCount(g)).toBe(edges.length);
    for (const f of minor.values()) {
      expect(g.hasEdge(f.key)).toBe(false);
      expect(minor.ofNode(f.source)).toContain(f);
      expect(minor.ofNode(f.target)).toContain(f);
    }
    // A small graph keeps every flow in it.
    const small = buildDisplayGraph({ ...(view as object), document: { ...(view as { document: object }).document, edges: edges.slice(0, 100) } } as never, positions, false);
    expect(minorFlows(small)).toBeNull();
    expect(small.size).toBe(100);
  });

  it('come into the graph when their node is hovered, and those a scenario marks; once in, they stay', () => {
    const { view, positions, edges } = bigView();
    const g = buildDisplayGraph(view, positions, false);
    const minor = minorFlows(g)!;
    const node = [...minor.values()][0]!.source;
    const own = minor.ofNode(node)!;
    const drawnSize = g.size;
    const shown = new Set<string>();
    // Every flow of the hovered node is in the graph: the drawn ones and its minor ones, with their attributes.
    expect(showMinorFlows(g, shown, wantedMinorFlows(minor, node, null))).toBe(true);
    expect(g.size).toBe(drawnSize + own.length);
    expect(g.edges(node).length).toBe(edges.filter((e) => e.source === node || e.target === node).length);
    for (const f of own) expect(g.getEdgeAttributes(f.key)).toEqual(f.attributes);
    expect(flowCount(g)).toBe(edges.length);
    // Hovered again, or left: nothing comes (sigma need not index again) and nothing goes (the edge reducer hides them).
    expect(showMinorFlows(g, shown, wantedMinorFlows(minor, node, null))).toBe(false);
    expect(showMinorFlows(g, shown, wantedMinorFlows(minor, null, null))).toBe(false);
    expect(g.size).toBe(drawnSize + own.length);
    // A flow a scenario marks comes in; a drawn flow it marks is already there.
    const marked = [...minor.values()].find((f) => f.source !== node && f.target !== node)!.key;
    const drawnKey = g.edges().find((k) => !minor.has(k))!;
    expect(showMinorFlows(g, shown, wantedMinorFlows(minor, null, [marked, drawnKey]))).toBe(true);
    expect(g.hasEdge(marked)).toBe(true);
    expect(g.size).toBe(drawnSize + own.length + 1);
    expect(shown.size).toBe(own.length + 1);
    expect(flowCount(g)).toBe(edges.length);
  });
});

describe('the display graph built in slices', () => {
  it('is the graph built at once: nodes, flows, attributes and order (minor flows and country nodes included)', async () => {
    const { view, positions } = bigView();
    const once = buildDisplayGraph(view, positions, true);
    const sliced = await buildDisplayGraphInSlices(view, positions, true, 'column', { sliceMs: 1 });
    // "Sits in" links have keys graphology makes per graph: compared without them.
    const plain = (g: typeof once) => ({ ...g.export(), attributes: { minor: [...(minorFlows(g)?.values() ?? [])] }, edges: g.export().edges.map((e) => (e.key?.startsWith('geid_') ? { ...e, key: undefined } : e)) });
    expect(plain(sliced)).toEqual(plain(once));
    expect(minorFlows(once)!.size).toBeGreaterThan(0);
    expect(detachedFlows(once)).toBeNull();
  });

  it('with detach, leaves out the flows drawn and the "sits in" links, listed in the order the graph would hold them', async () => {
    const { view, positions } = bigView();
    const once = buildDisplayGraph(view, positions, true);
    const detached = await buildDisplayGraphInSlices(view, positions, true, 'column', { sliceMs: 1, detach: true });
    expect(detached.size).toBe(0);
    expect(detached.order).toBe(once.order);
    const flows = detachedFlows(detached)!;
    const listed = flows.keys.map((key, i) => ({ key: key ?? undefined, source: flows.sources[i], target: flows.targets[i], attributes: flows.attributes[i] }));
    const inOnce = once.export().edges.map((e) => ({ key: e.key?.startsWith('geid_') ? undefined : e.key, source: e.source, target: e.target, attributes: e.attributes }));
    expect(listed).toEqual(inOnce);
    expect(flows.attributes.filter((a) => a.sitsIn)).toHaveLength(once.filterEdges((_k, a) => a.sitsIn).length);
    // Put in, they make the graph built at once (the minor flows stay beside it in both).
    putDetachedFlows(detached);
    expect(detachedFlows(detached)).toBeNull();
    const plain = (g: typeof once) => ({ ...g.export(), attributes: { minor: [...(minorFlows(g)?.values() ?? [])] }, edges: g.export().edges.map((e) => (e.key?.startsWith('geid_') ? { ...e, key: undefined } : e)) });
    expect(plain(detached)).toEqual(plain(once));
  });
});

describe('the display graph begun on a document sent ahead of its view', () => {
  const plain = (g: DisplayGraph) => {
    const flows = detachedFlows(g)!;
    return {
      ...g.export(),
      attributes: { minor: [...(minorFlows(g)?.values() ?? [])] },
      detached: flows.keys.map((key, i) => ({ key: key?.startsWith('geid_') ? undefined : key, source: flows.sources[i], target: flows.targets[i], attributes: flows.attributes[i] })),
    };
  };

  it('is taken up by the build of its view, which then equals a build from nothing, positions and country nodes included', async () => {
    const { view, positions } = bigView();
    const v = view as { document: { nodes: object[]; edges: object[] }; ends: Int32Array; shares: Float64Array };
    buildAhead({ document: v.document, ends: v.ends, shares: v.shares } as never, { sliceMs: 1 });
    expect(builtAheadWaits(v.document.nodes)).toBe(true);
    const taken = await buildDisplayGraphInSlices(view, positions, true, 'column', { sliceMs: 1, detach: true });
    expect(builtAheadWaits(v.document.nodes)).toBe(false);
    const fresh = await buildDisplayGraphInSlices(view, positions, true, 'column', { sliceMs: 1, detach: true });
    expect(plain(taken)).toEqual(plain(fresh));
    expect(taken.getNodeAttributes('n41')).toMatchObject({ x: positions['n41']!.x, y: positions['n41']!.y });
    // Drawn as the flows and positions say, not at (0, 0) where the early build put its nodes.
    expect(new Set(taken.mapNodes((_k, a) => `${a.x} ${a.y}`)).size).toBe(taken.order);
  });

  it('is not taken up by a view whose shares differ from the ones it was begun with, nor by a build without detach', async () => {
    const { view, positions } = bigView();
    const v = view as { document: { nodes: object[]; edges: object[] }; ends: Int32Array; shares: Float64Array };
    const once = buildDisplayGraph(view, positions, true, 'column', { detach: true });
    buildAhead({ document: v.document, ends: v.ends, shares: v.shares.map((x) => 1 - x) } as never, { sliceMs: 1 });
    expect(plain(await buildDisplayGraphInSlices(view, positions, true, 'column', { sliceMs: 1, detach: true }))).toEqual(plain(once));
    buildAhead({ document: v.document, ends: v.ends, shares: v.shares } as never, { sliceMs: 1 });
    const attached = await buildDisplayGraphInSlices(view, positions, true, 'column', { sliceMs: 1 });
    expect(detachedFlows(attached)).toBeNull();
    expect(builtAheadWaits(v.document.nodes)).toBe(false);
  });
});

describe('countryPlaces', () => {
  const nodes = [{ country: 'JP', x: 0, y: 0 }, { country: 'JP', x: 2, y: 10 }, { country: 'TW', x: 4, y: -5 }];
  it('puts the countries in a column left of the chain, highest mean first, or above their nodes on the map', () => {
    // A quarter of the chain's width to its left; from the top of the chain to its bottom, evenly.
    expect(countryPlaces(nodes, 'column')).toEqual(new Map([['JP', { x: -1, y: 10 }], ['TW', { x: -1, y: -5 }]]));
    // Above the highest of its nodes by a twentieth of the chain's height, at their mean x.
    expect(countryPlaces(nodes, 'centroid')).toEqual(new Map([['JP', { x: 1, y: 10.75 }], ['TW', { x: 4, y: -4.25 }]]));
  });

  it('is where the display graph puts its country nodes', () => {
    const { view, positions, nodes: docNodes } = bigView();
    for (const placement of ['column', 'centroid'] as const) {
      const g = buildDisplayGraph(view, positions, true, placement);
      const places = countryPlaces(docNodes.map((n) => ({ country: n.attributes.country, ...positions[n.key]! })), placement);
      expect(places.size).toBe(3);
      for (const [code, at] of places) expect(g.getNodeAttributes(countryNodeKey(code))).toMatchObject(at);
    }
  });
});
