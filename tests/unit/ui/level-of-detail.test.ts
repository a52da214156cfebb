import { describe, expect, it } from 'vitest';
import { buildAhead, buildDisplayGraph, buildDisplayGraphInSlices, detachedFlows, minorFlows } from '../../../src/ui/display-graph.ts';
import { buildLevel, DETAIL_NODES, groupKey, isGroupKey, levelOf, LOD_NODES, lodIndexOf, spreadGroups } from '../../../src/ui/level-of-detail.ts';

/** A graph just above LOD_NODES: nodes on a grid, three countries and three kinds, flows with values 1 … 13. */
function hugeView() {
  const n = LOD_NODES + 500;
  const kinds = ['chemical', 'supplier', 'demand'] as const;
  const countries = ['TW', 'JP', 'US'];
  const nodes = Array.from({ length: n }, (_, i) => ({ key: `n${i}`, attributes: { label: `Node ${i}`, kind: kinds[i % 3]!, country: countries[Math.floor(i / 3) % 3]! } }));
  const edges = Array.from({ length: 3 * n }, (_, i) => ({ key: `e${i}`, source: `n${i % n}`, target: `n${(i * 7 + 1) % n}`, attributes: { input: 'x', value: 1 + (i % 13) } }));
  const view = {
    scenario: 'baseline', document: { attributes: { title: 't' }, nodes, edges },
    shares: Float64Array.from(edges, (_e, i) => (i % 11) / 10),
    ends: Int32Array.from(edges.flatMap((e) => [Number(e.source.slice(1)), Number(e.target.slice(1))])),
  } as never;
  const positions = Object.fromEntries(nodes.map((x, i) => [x.key, { x: i % 200, y: Math.floor(i / 200) }]));
  return { view, positions, nodes, edges };
}

const { view, positions, nodes, edges } = hugeView();
const full = buildDisplayGraph(view, positions, false, 'column', { detach: true });
const index = lodIndexOf(full)!;
const total = edges.reduce((s, e) => s + e.attributes.value, 0);
/** Every flow a level stands for, summed (its own and the summed ones), and the flows that join a node to itself's group. */
const levelValue = (g: ReturnType<typeof buildLevel>) => detachedFlows(g)!.attributes.reduce((s, a) => s + a.value, 0);

describe('the level-of-detail index of a big graph', () => {
  it('is the same when the build was begun on the document ahead of its positions', async () => {
    const v = view as { document: { nodes: object[]; edges: object[] }; ends: Int32Array; shares: Float64Array };
    buildAhead({ document: v.document, ends: v.ends, shares: v.shares } as never, { sliceMs: 5 });
    const taken = lodIndexOf(await buildDisplayGraphInSlices(view, positions, false, 'column', { sliceMs: 5, detach: true }))!;
    expect(taken.keys).toEqual(index.keys);
    expect([...taken.xs]).toEqual([...index.xs]);
    expect([...taken.ys]).toEqual([...index.ys]);
    expect([...taken.group]).toEqual([...index.group]);
    expect(taken.groups).toEqual(index.groups);
    expect([...taken.drawnAt]).toEqual([...index.drawnAt]);
    expect([...taken.values]).toEqual([...index.values]);
  });


  it('lists every node and flow, the flows not drawn not kept one by one', () => {
    expect(index.keys).toHaveLength(nodes.length);
    expect(index.sources).toHaveLength(edges.length);
    expect(minorFlows(full)).toBeNull();
    const drawn = detachedFlows(full)!;
    // Each drawn flow is found at its place among the detached ones.
    let count = 0;
    index.drawnAt.forEach((at, e) => {
      if (at < 0) return;
      count++;
      expect(drawn.keys[at]).toBe(edges[e]!.key);
    });
    expect(count).toBe(drawn.keys.length);
    expect(index.groups).toHaveLength(9);
  });

  it('is not made below LOD_NODES nodes', () => {
    const small = buildDisplayGraph({ ...(view as object), document: { attributes: { title: 't' }, nodes: nodes.slice(0, 100), edges: [] } } as never, positions, false);
    expect(lodIndexOf(small)).toBeNull();
  });
});

describe('levels', () => {
  it('groups: one node per country and kind, sized by its count, every flow between groups summed', () => {
    const g = buildLevel(index, full, null);
    expect(levelOf(g)).toMatchObject({ level: 'groups', shownNodes: 0, stands: { order: nodes.length, size: edges.length } });
    expect(g.order).toBe(9);
    expect(g.everyNode((k) => isGroupKey(k))).toBe(true);
    expect(g.getNodeAttribute(groupKey('TW', 'chemical'), 'label')).toMatch(/^Taiwan · chemical makers \([\d,]+\)$/);
    // Every flow whose ends are in two groups is counted once; those within a group are not drawn.
    const group = (k: string) => `${nodes[Number(k.slice(1))]!.attributes.country}:${nodes[Number(k.slice(1))]!.attributes.kind}`;
    const between = edges.filter((e) => group(e.source) !== group(e.target)).reduce((s, e) => s + e.attributes.value, 0);
    expect(levelValue(g)).toBeCloseTo(between, 6);
    expect(between).toBeLessThan(total);
  });

  it('nodes: the ones in the rectangle themselves, with their drawn flows; the rest as groups, their flows summed', () => {
    // Around the middle, where every group's mean falls.
    const rect = { x0: 90, y0: 45, x1: 110, y1: 55 };
    const g = buildLevel(index, full, rect);
    const inside = nodes.filter((x) => {
      const p = positions[x.key]!;
      return p.x >= rect.x0 && p.x <= rect.x1 && p.y >= rect.y0 && p.y <= rect.y1;
    });
    expect(inside.length).toBeLessThanOrEqual(DETAIL_NODES);
    expect(levelOf(g)).toMatchObject({ level: 'nodes', shownNodes: inside.length, rect });
    for (const x of inside) expect(g.hasNode(x.key)).toBe(true);
    expect(g.order).toBe(inside.length + 9);
    // The groups of the nodes outside are not drawn over the ones inside: on the rectangle's sides or beyond.
    g.forEachNode((k, a) => {
      if (isGroupKey(k)) expect(a.x > rect.x0 && a.x < rect.x1 && a.y > rect.y0 && a.y < rect.y1).toBe(false);
    });
    const flows = detachedFlows(g)!;
    const own = new Set(inside.map((x) => x.key));
    const drawn = detachedFlows(full)!;
    const drawnBetween = drawn.keys.filter((_k, i) => own.has(drawn.sources[i]!) && own.has(drawn.targets[i]!));
    expect(flows.keys.filter((k) => k !== null && !k.includes('>')).sort()).toEqual([...drawnBetween].sort());
    // No flow is lost: the summed ones and the drawn ones stand for every flow not within one group, or between nodes shown and not drawn.
    for (let i = 0; i < flows.keys.length; i++) {
      expect(g.hasNode(flows.sources[i]!)).toBe(true);
      expect(g.hasNode(flows.targets[i]!)).toBe(true);
    }
  });

  it('shows a node asked for wherever it is, and groups when the rectangle holds too many', () => {
    const g = buildLevel(index, full, { x0: -1, y0: -1, x1: 1e6, y1: 1e6 }, ['n7']);
    expect(levelOf(g)?.level).toBe('groups');
    expect(g.hasNode('n7')).toBe(true);
    expect(g.getNodeAttributes('n7')).toEqual(full.getNodeAttributes('n7'));
    expect(g.order).toBe(10);
  });

  it('spreads groups whose discs overlap, and leaves apart ones where they are', () => {
    const count = Float64Array.from([100, 100, 100]);
    const sx = Float64Array.from([0, 0, 5000]);
    const sy = Float64Array.from([0, 0, 0]);
    const at = spreadGroups(count, sx, sy, 0.1);
    const d = Math.hypot(at[0]! - at[2]!, at[1]! - at[3]!);
    // Each disc's radius, 3 + 0.4 · √100 = 7 px, and 2 px of room: 18 px apart at least, in graph units.
    expect(d).toBeGreaterThanOrEqual(18 * 0.1 - 1e-9);
    expect([at[4], at[5]]).toEqual([50, 0]);
    expect([...spreadGroups(count, sx, sy, 0)]).toEqual([0, 0, 0, 0, 50, 0]);
  });
});
