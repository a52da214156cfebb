import { describe, expect, it } from 'vitest';
import { skipsPick } from '../../../src/ui/picking-sigma.ts';

const ev = (type: string, buttons = 0) => ({ type, buttons }) as unknown as Event;
const at = (over: Partial<{ quietDrags: boolean; moving: boolean; wheelHeard: boolean }> = {}) => ({ quietDrags: true, moving: false, wheelHeard: false, ...over });

describe('skipsPick', () => {
  it('reads the pixel on presses, releases, clicks and plain hovers', () => {
    for (const type of ['mousedown', 'mouseup', 'click', 'dblclick', 'contextmenu', 'touchstart', 'touchend']) expect(skipsPick(ev(type, 1), at()), type).toBe(false);
    expect(skipsPick(ev('mousemove'), at())).toBe(false);
    expect(skipsPick(undefined, at())).toBe(false);
  });

  it('skips a move with a button held, a touch move and any move while the camera moves, on graphs whose drags do not hover', () => {
    expect(skipsPick(ev('mousemove', 1), at())).toBe(true);
    expect(skipsPick(ev('touchmove'), at())).toBe(true);
    expect(skipsPick(ev('mousemove'), at({ moving: true }))).toBe(true);
    expect(skipsPick(ev('mousemove', 1), at({ quietDrags: false }))).toBe(false);
    expect(skipsPick(ev('touchmove'), at({ quietDrags: false }))).toBe(false);
    expect(skipsPick(ev('mousemove'), at({ quietDrags: false, moving: true }))).toBe(false);
  });

  it('skips a wheel step unless something listens for the node under it', () => {
    expect(skipsPick(ev('wheel'), at({ quietDrags: false }))).toBe(true);
    expect(skipsPick(ev('wheel'), at({ wheelHeard: true }))).toBe(false);
  });
});
