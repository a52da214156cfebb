import { describe, expect, it } from 'vitest';
import { COUNTRY_POSITIONS } from '../../../src/layout/country-positions.ts';
import { geographicLayout, unplacedCountries } from '../../../src/layout/geographic.ts';
import { graphOf, makeDoc } from '../../helpers/load.ts';
import { readFileSync } from 'node:fs';
import { loadGraph, repoPath } from '../../helpers/load.ts';

describe('geographicLayout', () => {
  it('puts the Americas east of Asia, on a map centred on the Pacific', () => {
    const g = graphOf(makeDoc([['us', 'supplier', 'US'], ['jp', 'demand', 'JP'], ['de', 'chemical', 'DE']], [['us', 'jp', 'x', 1], ['de', 'jp', 'y', 1]]));
    const p = geographicLayout(g);
    expect(p.get('de')!.x).toBeLessThan(p.get('jp')!.x);
    expect(p.get('jp')!.x).toBeLessThan(p.get('us')!.x);
  });

  it('places nodes near their country and apart from each other', () => {
    const g = graphOf(makeDoc([['a', 'foundry', 'TW'], ['b', 'wafer', 'TW'], ['c', 'demand', 'JP']], [['a', 'c', 'x', 1]]));
    const p = geographicLayout(g, { stretch: 1, room: 0 });
    const [lon, lat] = COUNTRY_POSITIONS.TW!;
    for (const k of ['a', 'b']) {
      expect(Math.hypot(p.get(k)!.x - lon, p.get(k)!.y - lat)).toBeLessThan(4);
    }
    expect(p.get('a')).not.toEqual(p.get('b'));
    expect(p.get('c')!.x).toBeCloseTo(COUNTRY_POSITIONS.JP![0], 6);
  });

  it('puts countries missing from the table aside, left of the map', () => {
    const g = graphOf(makeDoc([['a', 'foundry', 'XK'], ['b', 'demand', 'JP']], [['a', 'b', 'x', 1]]));
    expect(unplacedCountries(g)).toEqual(['XK']);
    const p = geographicLayout(g);
    expect(p.get('a')!.x).toBeLessThan(-30);
    expect(p.get('a')!.x).toBeLessThan(p.get('b')!.x);
  });

  it('knows every country of the default graph', () => {
    const g = loadGraph(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8'));
    expect(unplacedCountries(g)).toEqual([]);
    // After the overlap removal no two nodes sit closer than a degree.
    const p = [...geographicLayout(g).values()];
    let closest = Infinity;
    for (let i = 0; i < p.length; i++) for (let j = i + 1; j < p.length; j++) closest = Math.min(closest, Math.hypot(p[i]!.x - p[j]!.x, p[i]!.y - p[j]!.y));
    expect(closest).toBeGreaterThan(1);
    expect(Object.keys(COUNTRY_POSITIONS).length).toBeGreaterThanOrEqual(60);
  });
});

describe('geographicLayout on big graphs', () => {
  it('puts each country\'s nodes on a disc, the discs apart, every node at its own point, the same each time', async () => {
    const { generateGraph } = await import('../../../src/generate/index.ts');
    const { OVERLAP_NODES } = await import('../../../src/layout/geographic.ts');
    const nodes = OVERLAP_NODES + 500;
    const g = graphOf(generateGraph({ nodes, flows: 3 * nodes, seed: 2 }));
    const p = geographicLayout(g);
    expect(p.size).toBe(g.order);
    expect(new Set([...p.values()].map((q) => `${q.x.toFixed(6)} ${q.y.toFixed(6)}`)).size).toBe(g.order);
    expect(geographicLayout(g)).toEqual(p);
    // A country's nodes sit closer to their own centre than the map is wide.
    const tw = g.filterNodes((_k, a) => a.country === 'TW').map((k) => p.get(k)!);
    const cx = tw.reduce((s, q) => s + q.x, 0) / tw.length;
    for (const q of tw) expect(Math.abs(q.x - cx)).toBeLessThan(90);
  });
});
