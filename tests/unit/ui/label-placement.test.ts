import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, type LabelRequest } from '../../../src/ui/label-placement.ts';

const req = (key: string, x: number, y: number, width = 80, forced = false, r = 5): LabelRequest => ({ key, x, y, r, width, height: 14, forced });

describe('placeLabels', () => {
  it('puts a lone label right of its node', () => {
    const [p] = placeLabels([req('a', 100, 100)], []);
    expect(p!.box.x).toBeGreaterThan(105);
    expect(p!.box.y + p!.box.h / 2).toBeCloseTo(100, 9);
  });

  it('never lets two placed labels overlap, moving or dropping the later ones', () => {
    // A crowd: 40 nodes 6 px apart in a column, labels 14 px high.
    const crowd = Array.from({ length: 40 }, (_, i) => req(`n${i}`, 200, 100 + 6 * i, 90, false, 3 + (i % 4)));
    const placed = placeLabels(crowd, crowd.map((q) => ({ key: q.key, x: q.x, y: q.y, r: q.r })));
    expect(placed.length).toBeGreaterThan(4);
    expect(placed.length).toBeLessThan(40);
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!.box, placed[j]!.box), `${placed[i]!.key} / ${placed[j]!.key}`).toBe(false);
  });

  it('places forced labels first, and a second label goes left when the right is taken', () => {
    const placed = placeLabels([req('small', 100, 100, 80, false, 3), req('buyer', 100, 104, 200, true, 8)], []);
    expect(placed[0]!.key).toBe('buyer');
    const small = placed.find((p) => p.key === 'small')!;
    expect(small.box.x + small.box.w).toBeLessThan(100);
  });

  it('keeps labels off other nodes when it can', () => {
    const placed = placeLabels([req('a', 100, 100)], [{ key: 'a', x: 100, y: 100, r: 5 }, { key: 'b', x: 150, y: 100, r: 10 }]);
    const box = placed[0]!.box;
    expect(box.x + box.w).toBeLessThan(100);
  });
});
