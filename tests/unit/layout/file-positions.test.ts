import { describe, expect, it } from 'vitest';
import { filePositions, hasFilePositions, ownPosition } from '../../../src/layout/file-positions.ts';

describe('the layout as in the file', () => {
  it('takes finite numeric x and y, and nothing else', () => {
    expect(ownPosition({ x: 1.5, y: -2 })).toEqual({ x: 1.5, y: -2 });
    expect(ownPosition({ x: '1', y: 2 })).toBeNull();
    expect(ownPosition({ x: 1 })).toBeNull();
    expect(ownPosition({ x: Infinity, y: 0 })).toBeNull();
    expect(hasFilePositions([{ attributes: {} }, { attributes: { x: 0, y: 0 } }])).toBe(true);
    expect(hasFilePositions([{ attributes: { x: 0 } }])).toBe(false);
  });

  it('puts nodes with places there and leaves the rest where the fallback has them', () => {
    const out = filePositions([['a', { x: 5, y: 6 }], ['b', { label: 'B' }]], { a: { x: 0, y: 0 }, b: { x: 1, y: 2 } });
    expect(out).toEqual({ a: { x: 5, y: 6 }, b: { x: 1, y: 2 } });
  });

  it('is the fallback itself when no node has a place, and leaves the fallback alone when one has', () => {
    const fallback = { a: { x: 0, y: 0 }, b: { x: 1, y: 2 } };
    expect(filePositions([['a', { label: 'A' }], ['b', { x: '3', y: 4 }]], fallback)).toBe(fallback);
    const out = filePositions([['a', { x: 5, y: 6 }]], fallback);
    expect(out).not.toBe(fallback);
    expect(fallback).toEqual({ a: { x: 0, y: 0 }, b: { x: 1, y: 2 } });
  });
});
