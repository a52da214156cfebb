/**
 * Which of a big graph's discs a render paints (canvas-point-program.ts). In a tiered layout thousands of nodes stand
 * in a few columns, most on top of others of the same kind. A disc is left out when every pixel whose centre it
 * covers already shows its colour, painted by the discs before it: painting it would change none of them (only the
 * anti-aliased rim of a crowd may come out a shade lighter). Discs wholly outside the viewport are left out too. The
 * picture is otherwise the one painting every disc in order gives: which colour ends on top where discs of several
 * kinds crowd is kept. At 10,000 nodes a pan runs at 60 frames a second, against 56 painting every disc (with
 * picking-sigma.ts's change; docs/scale.md, In the app).
 */
import type { Affine } from './canvas-layer.ts';

export interface Discs {
  /** Per disc: x, y in sigma's framed graph, and size (sigma's display size). */
  places: Float32Array;
  colors: readonly string[];
  /** Per disc: 1 if drawn. */
  shown: Uint8Array;
  count: number;
}

/**
 * The colour each pixel's centre shows so far in a render, by colour number (-1: none yet, or a colour past the
 * numbers 16 bits hold, never matched), row by row; kept between renders. 2 bytes a CSS pixel: 4 MB for a 1920 × 1080
 * view.
 */
export interface Canvas {
  pixels: Int16Array;
}

const MAX_COLOUR = 0x7fff;

export function blankCanvas(): Canvas {
  return { pixels: new Int16Array(0) };
}

/**
 * The discs to paint, in order (indices into `discs`), on a viewport of `width` × `height` CSS pixels that `map`
 * takes the framed graph to; a disc's radius is its size over `sizeRatio`. `canvas` is scratch space, reused.
 */
export function discsToPaint(discs: Discs, map: Affine, sizeRatio: number, width: number, height: number, canvas: Canvas = blankCanvas()): Int32Array {
  const { places, colors, shown, count } = discs;
  const { ax, bx, cx, ay, by, cy } = map;
  const w = Math.max(0, Math.ceil(width)), h = Math.max(0, Math.ceil(height));
  if (canvas.pixels.length < w * h) canvas.pixels = new Int16Array(w * h);
  const pixels = canvas.pixels;
  pixels.fill(-1, 0, w * h);
  const numbers = new Map<string, number>();
  const out = new Int32Array(count);
  let n = 0;
  for (let p = 0; p < count; p++) {
    if (shown[p] !== 1) continue;
    const i = p * 3;
    const x = places[i]!, y = places[i + 1]!;
    const px = ax * x + bx * y + cx, py = ay * x + by * y + cy, r = places[i + 2]! / sizeRatio;
    if (!(px + r >= 0 && py + r >= 0 && px - r <= width && py - r <= height)) continue;
    const color = colors[p]!;
    let c = numbers.get(color);
    if (c === undefined) numbers.set(color, (c = numbers.size < MAX_COLOUR ? numbers.size : -1));
    // The rows and columns of pixels whose centres (i + 0.5, j + 0.5) lie within r of the disc's centre.
    const j0 = Math.max(0, Math.ceil(py - r - 0.5)), j1 = Math.min(h - 1, Math.floor(py + r - 0.5));
    let covered = c !== -1;
    let any = false;
    for (let j = j0; j <= j1 && covered; j++) {
      const dy = j + 0.5 - py, half = Math.sqrt(Math.max(0, r * r - dy * dy));
      const i0 = Math.max(0, Math.ceil(px - half - 0.5)), i1 = Math.min(w - 1, Math.floor(px + half - 0.5));
      for (let k = j * w + i0, end = j * w + i1; k <= end; k++) {
        any = true;
        if (pixels[k] !== c) {
          covered = false;
          break;
        }
      }
    }
    // A disc covering no pixel's centre (tiny, or at the viewport's edge) is painted: its rim may show.
    if (covered && any) continue;
    out[n++] = p;
    for (let j = j0; j <= j1; j++) {
      const dy = j + 0.5 - py, half = Math.sqrt(Math.max(0, r * r - dy * dy));
      const i0 = Math.max(0, Math.ceil(px - half - 0.5)), i1 = Math.min(w - 1, Math.floor(px + half - 0.5));
      if (i0 <= i1) pixels.fill(c, j * w + i0, j * w + i1 + 1);
    }
  }
  return out.subarray(0, n);
}
