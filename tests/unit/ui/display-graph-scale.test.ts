import { describe, expect, it } from 'vitest';
import { drawnFlows, MAX_DRAWN_FLOWS } from '../../../src/ui/display-graph.ts';

const view = (shares: (number | null)[], targets?: string[]) => ({
  document: { edges: shares.map((_s, i) => ({ key: `e${i}`, target: targets?.[i] ?? `t${i}` })) } as never,
  shares: Object.fromEntries(shares.map((s, i) => [`e${i}`, s])),
});

describe('flows drawn on a big graph', () => {
  it('draws every flow up to the limit', () => {
    expect(drawnFlows(view([0.1, 0.2]), 2)).toBeNull();
    expect(MAX_DRAWN_FLOWS).toBe(10_000);
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
