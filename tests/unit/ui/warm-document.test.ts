import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../src/model/schema.ts';
import { colourChoices, colourChoicesScan, viewControlsScan } from '../../../src/ui/colour-by.ts';
import { hasFilePositions } from '../../../src/layout/file-positions.ts';
import { nodeIndex, nodeOf } from '../../../src/ui/doc-index.ts';
import { drain, inIdleSlices } from '../../../src/ui/next-task.ts';
import { documentParts } from '../../../src/ui/panels/what-if.ts';

const KINDS = ['mine', 'chemical', 'wafer', 'foundry', 'supplier', 'demand'] as const;
const COUNTRIES = ['JP', 'TW', 'US', 'KR', 'NL', 'CN', 'DE'];

/** A document of `n` nodes past several scan steps, some with a company, a colour or their own attributes. */
function documentOf(n: number): GraphDocument {
  const nodes = Array.from({ length: n }, (_, i) => ({
    key: `n${i}`,
    attributes: {
      label: `Node ${i}`,
      kind: KINDS[i % KINDS.length]!,
      country: COUNTRIES[(i * 7) % COUNTRIES.length]!,
      ...(i % 11 === 0 ? { company: `Co ${i % 13}` } : {}),
      ...(i === n - 1 ? { color: '#ff0000', capacity: 3 } : {}),
      ...(i % 997 === 5 ? { [`extra${i % 40}`]: i } : {}),
    },
  }));
  return { attributes: { format: 'chokepoint-graph', version: 1, title: 't' }, nodes, edges: [] } as unknown as GraphDocument;
}

/** The definitions the scans keep: each written plainly, over the whole list. */
function partsByDefinition(doc: GraphDocument) {
  const nodes = doc.nodes.map((x) => x.attributes);
  const supply = nodes.filter((a) => a.kind !== 'demand');
  return {
    companies: [...new Set(nodes.flatMap((a) => (a.company ? [a.company] : [])))].sort(),
    countries: [...new Set(supply.map((a) => a.country))].sort(),
    kindCountries: [...new Set(supply.map((a) => `${a.kind}:${a.country}`))].sort(),
  };
}

describe('a big document scanned in steps while its figures are computed', () => {
  it('indexes every node by key, the index nodeOf then reads', () => {
    const doc = documentOf(9_001);
    const index = drain(nodeIndex.steps(doc));
    expect(index.size).toBe(9_001);
    for (const i of [0, 1999, 2000, 9_000]) expect(nodeOf(doc, `n${i}`)).toBe(doc.nodes[i]);
    expect(drain(nodeIndex.steps(doc))).toBe(index);
  });

  it("lists the what-if's companies, countries and kinds by country as their definition", () => {
    const doc = documentOf(7_777);
    expect(drain(documentParts.steps(doc))).toEqual(partsByDefinition(doc));
  });

  it('offers the colours the whole list offers, the last node included', () => {
    const doc = documentOf(6_001);
    const choices = drain(colourChoicesScan.steps(doc.nodes));
    expect(choices.map((c) => c.value)).toEqual(expect.arrayContaining(['company', 'file', 'attr:capacity']));
    expect(colourChoices(doc.nodes)).toBe(choices);
  });

  it("offers the view controls' choices of the whole list: own places, own sizes and numeric attributes, found past several steps", () => {
    const doc = documentOf(6_001);
    const nodes = doc.nodes as unknown as { key: string; attributes: Record<string, unknown> }[];
    // Nothing of the file's own before the last steps.
    const plain = drain(viewControlsScan.steps(doc.nodes));
    expect(plain).toEqual({ ownPlaces: false, fileSizes: false, numeric: expect.arrayContaining(['capacity', 'extra5']) });
    // Every `extraK` met is a number; `capacity` only on the last node.
    expect(plain.numeric).toEqual([...new Set(nodes.flatMap((n) => Object.keys(n.attributes).filter((k) => k.startsWith('extra') || k === 'capacity')))].sort());
    const placed = documentOf(6_001);
    Object.assign(placed.nodes[5_999]!.attributes, { x: 1, y: 2, size: 3 });
    const found = drain(viewControlsScan.steps(placed.nodes));
    expect(found.ownPlaces).toBe(hasFilePositions(placed.nodes as never));
    expect(found).toMatchObject({ ownPlaces: true, fileSizes: true });
    // A name not a number on one node is not offered; the answer is kept.
    const mixed = documentOf(6_001);
    Object.assign(mixed.nodes[6_000]!.attributes, { capacity: 'big' });
    expect(drain(viewControlsScan.steps(mixed.nodes)).numeric).not.toContain('capacity');
    expect(viewControlsScan.now(mixed.nodes)).toBe(drain(viewControlsScan.steps(mixed.nodes)));
  });

  it('runs a job in slices, giving the thread back between them, to its value', async () => {
    const seen: number[] = [];
    let between = 0;
    function* job(): Generator<void, string> {
      for (let i = 0; i < 5; i++) {
        seen.push(i);
        yield;
      }
      return 'done';
    }
    const tick = setInterval(() => between++, 0);
    const slow = function* (): Generator<void, string> {
      const end = performance.now() + 60;
      while (performance.now() < end) yield;
      return yield* job();
    };
    expect(await inIdleSlices(slow(), 5)).toBe('done');
    clearInterval(tick);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(between).toBeGreaterThan(0);
  });
});
