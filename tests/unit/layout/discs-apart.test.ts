import fc from 'fast-check';
import Graph from 'graphology';
import noverlap from 'graphology-layout-noverlap';
import { describe, expect, it } from 'vitest';
import { discsApart, type DiscsSettings } from '../../../src/layout/discs-apart.ts';

/** What noverlap itself gives for the same discs (the reference discsApart must equal to the bit). */
function byNoverlap(discs: { x: number; y: number; size: number }[], settings: DiscsSettings, maxIterations: number) {
  const g = new Graph();
  discs.forEach((d, i) => g.addNode(String(i), d));
  const moved = noverlap(g, { maxIterations, settings });
  return discs.map((_, i) => ({ x: moved[String(i)]!.x, y: moved[String(i)]!.y }));
}

const GEOGRAPHIC: DiscsSettings = { margin: 2.5, ratio: 1, expansion: 1.05, gridSize: 20, speed: 3 };

describe('discsApart', () => {
  it('moves crowded discs exactly as noverlap does, whatever their sizes and settings', () => {
    // Discs drawn close together on a small map, so that most collide and take many iterations to part.
    const disc = fc.record({ x: fc.integer({ min: -400, max: 400 }).map((v) => v / 4), y: fc.integer({ min: -200, max: 200 }).map((v) => v / 4), size: fc.integer({ min: 0, max: 120 }).map((v) => v / 4) });
    const settings = fc.record({ margin: fc.constantFrom(0, 1, 2.5), ratio: fc.constantFrom(1, 1.2), expansion: fc.constantFrom(1.05, 1.1), gridSize: fc.constantFrom(1, 5, 20), speed: fc.constantFrom(1, 3) });
    fc.assert(
      fc.property(fc.uniqueArray(disc, { minLength: 1, maxLength: 60, selector: (d) => `${d.x},${d.y}` }), settings, fc.integer({ min: 1, max: 300 }), (discs, s, iterations) => {
        expect(discsApart(discs, s, iterations)).toEqual(byNoverlap(discs, s, iterations));
      }),
      { numRuns: 150 },
    );
  });

  it('parts the discs of a world of countries as the geographic layout draws them', () => {
    // Forty countries' discs, a few big ones among many small, around real-looking anchors.
    const discs = Array.from({ length: 40 }, (_, i) => ({ x: -120 + ((i * 37) % 300), y: -40 + ((i * 23) % 90), size: 0.6 * Math.sqrt(20 + ((i * 977) % 4000)) + 2.5 }));
    const parted = discsApart(discs, GEOGRAPHIC, 300);
    expect(parted).toEqual(byNoverlap(discs, GEOGRAPHIC, 300));
    expect(parted).not.toEqual(discs.map(({ x, y }) => ({ x, y })));
  });
});
