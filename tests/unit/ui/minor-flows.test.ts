import { describe, expect, it } from 'vitest';
import { MinorFlows } from '../../../src/ui/minor-flows.ts';

/** 40 nodes, 300 flows between random ones (self-loops and repeated pairs included), some without a key. */
function view() {
  let seed = 3;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const nodes = Array.from({ length: 40 }, (_, i) => ({ key: `n${i}`, attributes: {} }));
  const edges = Array.from({ length: 300 }, (_, i) => {
    const s = next(40), t = i % 17 === 0 ? s : next(40);
    return { ...(i % 5 === 0 ? {} : { key: `e${i}` }), source: `n${s}`, target: `n${t}`, attributes: { value: i } };
  });
  const ends = Int32Array.from(edges.flatMap((e) => [Number(e.source.slice(1)), Number(e.target.slice(1))]));
  return { document: { nodes, edges }, ends };
}

describe('MinorFlows', () => {
  const v = view();
  const isMinor = (i: number) => i % 3 !== 0;
  const minor = MinorFlows.of(v as never, isMinor, (i) => ({ value: v.document.edges[i]!.attributes.value }));
  const keyAt = (i: number) => v.document.edges[i]!.key ?? `~${i}`;
  const expected = v.document.edges.map((e, i) => ({ i, e })).filter(({ i }) => isMinor(i));

  it('lists every minor flow once, in the document\'s order, with its key, ends and attributes', () => {
    expect(minor.size).toBe(expected.length);
    expect([...minor.values()]).toEqual(expected.map(({ i, e }) => ({ key: keyAt(i), source: e.source, target: e.target, attributes: { value: i } })));
  });

  it('gives each node its minor flows as supplier or customer (a self-loop once), the same objects as the list', () => {
    const all = [...minor.values()];
    for (const { key } of v.document.nodes) {
      const own = minor.ofNode(key);
      expect(own.map((f) => f.key)).toEqual(expected.filter(({ e }) => e.source === key || e.target === key).map(({ i }) => keyAt(i)));
      for (const f of own) expect(all).toContain(f);
    }
    expect(minor.ofNode('nobody')).toEqual([]);
  });

  it('finds a minor flow by its key, and no drawn one', () => {
    for (let i = 0; i < v.document.edges.length; i++) {
      expect(minor.has(keyAt(i)), keyAt(i)).toBe(isMinor(i));
      if (isMinor(i)) expect(minor.get(keyAt(i))!.attributes).toEqual({ value: i });
    }
  });
});
