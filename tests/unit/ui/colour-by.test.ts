import { describe, expect, it } from 'vitest';
import { colourChoices, colourNodes, viewControlsScan } from '../../../src/ui/colour-by.ts';

const numericAttributes = (nodes: Parameters<typeof viewControlsScan.now>[0]) => viewControlsScan.now(nodes).numeric;
import { KIND_COLORS } from '../../../src/ui/look.ts';

const n = (key: string, kind: 'foundry' | 'demand', country: string, extra: Record<string, unknown> = {}) => ({ key, attributes: { label: key, kind, country, ...extra } });
const nodes = [n('a', 'foundry', 'TW', { company: 'X', capacity: 10 }), n('b', 'foundry', 'TW', { company: 'Y', capacity: 30 }), n('c', 'foundry', 'KR', { capacity: 20 }), n('d', 'demand', 'JP')];

describe('colourNodes', () => {
  it('by kind leaves the colours as they are and keys the kinds present', () => {
    const c = colourNodes(nodes, 'kind', null);
    expect(c.colors).toBeNull();
    expect(c.key?.type === 'categories' && c.key.items.map((i) => [i.value, i.color, i.count])).toEqual([['foundry', KIND_COLORS.foundry, 3], ['demand', KIND_COLORS.demand, 1]]);
  });

  it('by country: one colour per country, commonest first, with the names given', () => {
    const c = colourNodes(nodes, 'country', null, (v) => `name of ${v}`);
    expect(c.colors!.get('a')).toBe(c.colors!.get('b'));
    expect(c.colors!.get('a')).not.toBe(c.colors!.get('c'));
    expect(c.key?.type === 'categories' && c.key.items.map((i) => i.label)).toEqual(['name of TW', 'name of JP', 'name of KR']);
  });

  it('by company: nodes without one in a neutral colour, counted apart', () => {
    const c = colourNodes(nodes, 'company', null);
    expect(c.colors!.get('c')).toBe(c.colors!.get('d'));
    expect(c.key?.type === 'categories' && c.key.rest).toBe(2);
  });

  it('by a number: a ramp from the least to the most, missing values apart', () => {
    const c = colourNodes(nodes, 'attr:capacity', null);
    expect(c.key).toMatchObject({ type: 'ramp', min: 10, max: 30, missing: 1 });
    expect(c.colors!.get('a')).toBe('#dbe7f3');
    expect(c.colors!.get('b')).toBe('#1f4e89');
    const impact = colourNodes(nodes, 'impact', { a: 0.5, b: 0 });
    expect(impact.key).toMatchObject({ type: 'ramp', min: 0, max: 0.5 });
    expect(impact.colors!.get('a')).toBe('#1f4e89');
  });

  it('offers the attributes the nodes carry', () => {
    expect(colourChoices(nodes).map((c) => c.value)).toEqual(['kind', 'country', 'company', 'impact', 'attr:capacity']);
    // For sizes: attributes that are numbers wherever they are given.
    expect(numericAttributes(nodes)).toEqual(['capacity']);
    expect(numericAttributes([...nodes, n('e', 'foundry', 'TW', { capacity: 'big' })])).toEqual([]);
  });
});
