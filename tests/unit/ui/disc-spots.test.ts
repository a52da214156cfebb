import { describe, expect, it } from 'vitest';
import { blankCanvas, discsToPaint, type Discs } from '../../../src/ui/disc-spots.ts';
import type { Affine } from '../../../src/ui/canvas-layer.ts';

const IDENTITY: Affine = { ax: 1, bx: 0, cx: 0, ay: 0, by: 1, cy: 0 };

/** Discs from [x, y, size, colour] (all shown unless `hidden` lists them). */
function discs(list: [number, number, number, string][], hidden: number[] = []): Discs {
  const places = new Float32Array(list.length * 3);
  list.forEach(([x, y, s], i) => places.set([x, y, s], i * 3));
  const shown = new Uint8Array(list.length).fill(1);
  for (const h of hidden) shown[h] = 0;
  return { places, colors: list.map((d) => d[3]), shown, count: list.length };
}

const paint = (d: Discs, map = IDENTITY, w = 100, h = 100) => [...discsToPaint(d, map, 1, w, h)];

/** A naive rasterizer: each pixel's colour after painting the discs in order (a pixel is inside if its centre is). */
function raster(d: Discs, order: number[], w: number, h: number): string[] {
  const px = new Array<string>(w * h).fill('');
  for (const p of order) {
    const x = d.places[p * 3]!, y = d.places[p * 3 + 1]!, r = d.places[p * 3 + 2]!;
    for (let j = Math.max(0, Math.floor(y - r)); j <= Math.min(h - 1, Math.ceil(y + r)); j++) {
      for (let i = Math.max(0, Math.floor(x - r)); i <= Math.min(w - 1, Math.ceil(x + r)); i++) {
        if (Math.hypot(i + 0.5 - x, j + 0.5 - y) <= r) px[j * w + i] = d.colors[p]!;
      }
    }
  }
  return px;
}

/** A seeded generator (mulberry32), for the same discs every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('discsToPaint', () => {
  it('leaves out a disc whose every pixel already shows its colour, and keeps the rest in order', () => {
    const d = discs([[10, 10, 3, 'red'], [10.2, 9.8, 3, 'red'], [10, 10, 2, 'red'], [10, 10, 4, 'red'], [10, 10, 3, 'blue'], [10.1, 10, 3, 'red'], [40, 40, 3, 'red']]);
    // 1 and 2 lie on 0's pixels; 3 is larger; 4 is blue; 5 is red again over the blue, so it shows.
    expect(paint(d)).toEqual([0, 3, 4, 5, 6]);
  });

  it('leaves out a disc covered by several discs of its colour, not one that a disc of another colour cut into', () => {
    // 2 lies on the union of 0 and 1; 5 lies on 3 and 4, but 4b (another colour) was painted across them first.
    const d = discs([[10, 10, 4, 'red'], [14, 10, 4, 'red'], [12, 10, 3, 'red'], [40, 10, 4, 'red'], [44, 10, 4, 'red'], [42, 14, 2, 'blue'], [42, 10, 3, 'red']]);
    expect(paint(d)).toEqual([0, 1, 3, 4, 5, 6]);
  });

  it('leaves out hidden discs and discs wholly outside the viewport, not those that reach into it', () => {
    const d = discs([[-5, 50, 3, 'red'], [-2, 50, 3, 'red'], [50, 50, 3, 'red'], [103, 50, 3, 'red'], [104, 50, 3, 'red'], [50, 120, 3, 'red']], [2]);
    expect(paint(d)).toEqual([1, 3]);
  });

  it('never leaves out a disc over colours past the numbers its pixels hold (16 bits)', () => {
    // 'a' at the spot, 65,535 more colours in a corner, 'z' over 'a' (colour 65,536: 0 again, were it wrapped), 'a' again.
    const list: [number, number, number, string][] = [[50, 50, 4, 'a']];
    for (let i = 1; i < 65_536; i++) list.push([1, 1, 0.1, `c${i}`]);
    list.push([50, 50, 4, 'z'], [50, 50, 4, 'a']);
    const kept = paint(discs(list));
    expect(kept[0]).toBe(0);
    expect(kept.slice(-2)).toEqual([65_536, 65_537]);
  });

  it('paints a disc too small to cover a pixel\'s centre', () => {
    const d = discs([[10.5, 10.5, 3, 'red'], [10, 10, 0.3, 'red'], [10, 10, 0.3, 'red']]);
    expect(paint(d)).toEqual([0, 1, 2]);
  });

  it('places the discs through the camera\'s map and sizes them by sizeRatio', () => {
    // Two discs 0.003 apart in the graph: 0.3 px apart on screen, both painted (the second covers pixels the first
    // does not); at a tenth of that scale 0.03 px apart, the second on the first's pixels.
    const d = discs([[3, 3, 6, 'red'], [3.003, 3, 6, 'red']]);
    expect(paint(d, { ax: 100, bx: 0, cx: 0, ay: 0, by: 100, cy: 0 }, 400, 400)).toEqual([0, 1]);
    expect(paint(d, { ax: 10, bx: 0, cx: 0, ay: 0, by: 10, cy: 0 }, 400, 400)).toEqual([0]);
    // Through a map that swaps the axes, as the camera's rotation does: the disc at graph (3, 0) is at screen (0, 3).
    const swapped = discs([[30, -10, 3, 'red'], [30, 50, 3, 'red']]);
    expect(paint(swapped, { ax: 0, bx: 1, cx: 0, ay: 1, by: 0, cy: 0 }, 100, 40)).toEqual([1]);
    // Radius = size / sizeRatio: a disc of size 30 at x = -10 reaches the viewport at sizeRatio 2 (r = 15), not at 4.
    const edge = discs([[-10, 50, 30, 'red']]);
    expect([...discsToPaint(edge, IDENTITY, 2, 100, 100)]).toEqual([0]);
    expect([...discsToPaint(edge, IDENTITY, 4, 100, 100)]).toEqual([]);
  });

  it('on crowded columns of discs of two colours, paints a fraction of them and the same picture', () => {
    // As a tiered layout draws 10,000 nodes: columns of discs a fraction of a pixel apart, kinds mixed.
    // Columns of one kind are painted by a few of their discs; mixed ones by more, as the top colour changes along them.
    for (const [seed, gold, most] of [[7, 0, 0.1], [8, 0.02, 0.3], [9, 0.2, 0.9], [10, 0.5, 0.95]] as const) {
      const next = random(seed);
      const list: [number, number, number, string][] = [];
      for (let i = 0; i < 4000; i++) list.push([20 + 40 * Math.floor(next() * 4), 10 + next() * 180, 3, next() < gold ? 'gold' : 'grey']);
      const d = discs(list);
      const canvas = blankCanvas();
      const kept = [...discsToPaint(d, IDENTITY, 1, 200, 200, canvas)];
      expect(kept.length).toBeLessThan(list.length * most);
      for (let k = 1; k < kept.length; k++) expect(kept[k]!).toBeGreaterThan(kept[k - 1]!);
      const all = raster(d, list.map((_, i) => i), 200, 200);
      expect(all.filter((c) => c !== '').length).toBeGreaterThan(2000);
      expect(raster(d, kept, 200, 200)).toEqual(all);
      // The scratch canvas is reused: a second render of the same discs gives the same.
      expect([...discsToPaint(d, IDENTITY, 1, 200, 200, canvas)]).toEqual(kept);
    }
  });

  it('paints the same picture as every disc on random discs of random sizes and colours', () => {
    const next = random(11);
    for (let round = 0; round < 20; round++) {
      const list: [number, number, number, string][] = [];
      const n = 50 + Math.floor(next() * 400);
      for (let i = 0; i < n; i++) list.push([next() * 60 - 5, next() * 40 - 5, 0.2 + next() * 6, ['a', 'b', 'c'][Math.floor(next() * (1 + (round % 3)))]!]);
      const d = discs(list);
      const kept = [...discsToPaint(d, IDENTITY, 1, 50, 30)];
      expect(raster(d, kept, 50, 30)).toEqual(raster(d, list.map((_, i) => i), 50, 30));
    }
  });
});
