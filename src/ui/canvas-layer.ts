/**
 * A 2D canvas in sigma's stack of layers, for the programs that draw big graphs without WebGL
 * (canvas-line-program.ts, canvas-arrow-program.ts, canvas-point-program.ts), and what they draw with.
 * Sigma clears its own layers before each render, and renders no flows while the camera moves
 * (hideEdgesOnMove): the layer is wiped with them.
 */
import type Sigma from 'sigma';
import type { RenderParams } from 'sigma/types';
import type { Attributes } from 'graphology-types';

export interface CanvasLayer {
  /**
   * The context for a render that draws: the canvas sized to the viewport and scaled to CSS pixels. It is blank
   * (sigma's clear, before every render, wiped what the last one drew); a render with nothing to draw leaves the
   * canvas alone.
   */
  draw(params: RenderParams): CanvasRenderingContext2D;
  kill(): void;
}

export function canvasLayer<N extends Attributes, E extends Attributes, G extends Attributes>(renderer: Sigma<N, E, G>, id: string, afterLayer: string): CanvasLayer {
  const canvas = renderer.createCanvas(id, { afterLayer }) as HTMLCanvasElement;
  // Sigma sizes its layers' elements when the container's size changes; until then, the container does.
  Object.assign(canvas.style, { width: '100%', height: '100%', pointerEvents: 'none' });
  const context = canvas.getContext('2d');
  if (!context) throw new Error(`Chokepoint: no 2D canvas context for the layer "${id}"`);
  let painted = false;
  const wipe = () => {
    if (!painted) return;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    painted = false;
  };
  renderer.on('afterClear', wipe);
  return {
    draw({ width, height, pixelRatio }) {
      const w = Math.round(width * pixelRatio), h = Math.round(height * pixelRatio);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
      painted = true;
      return context;
    },
    kill() {
      renderer.off('afterClear', wipe);
      if (renderer.getCanvases()[id]) renderer.killLayer(id);
    },
  };
}

/** A map of the plane: x' = ax·x + bx·y + cx, y' = ay·x + by·y + cy. */
export interface Affine {
  ax: number;
  bx: number;
  cx: number;
  ay: number;
  by: number;
  cy: number;
}

/** Sigma's framed graph (its display data's x, y) to CSS pixels, through the camera's matrix (column-major 3×3, to clip space). */
export function framedToViewport({ matrix: m, width, height }: RenderParams): Affine {
  const hw = width / 2, hh = height / 2;
  return { ax: m[0]! * hw, bx: m[3]! * hw, cx: (m[6]! + 1) * hw, ay: -m[1]! * hh, by: -m[4]! * hh, cy: (1 - m[7]!) * hh };
}

/** An affine map from its images of three points (the origin and the two unit points). */
export function affineOf(map: (p: { x: number; y: number }) => { x: number; y: number }): Affine {
  const o = map({ x: 0, y: 0 }), ex = map({ x: 1, y: 0 }), ey = map({ x: 0, y: 1 });
  return { ax: ex.x - o.x, bx: ey.x - o.x, cx: o.x, ay: ex.y - o.y, by: ey.y - o.y, cy: o.y };
}

/**
 * Paints items 0 to `count` − 1 that `drawn` keeps, in order: one path per run of the same colour, stroked or filled
 * (`trace` adds an item to the path); whether it painted any.
 */
export function paintRuns(ctx: CanvasRenderingContext2D, paint: 'stroke' | 'fill', count: number, colorAt: (i: number) => string, drawn: (i: number) => boolean, trace: (i: number) => void): boolean {
  let color = '';
  let open = false;
  for (let i = 0; i < count; i++) {
    if (!drawn(i)) continue;
    const c = colorAt(i);
    if (c !== color || !open) {
      if (open) ctx[paint]();
      color = c;
      ctx.strokeStyle = ctx.fillStyle = color;
      ctx.beginPath();
      open = true;
    }
    trace(i);
  }
  if (open) ctx[paint]();
  return open;
}

/** Sizes a 2D canvas of ours to sigma's viewport in device pixels, and clears it with the identity transform. */
export function fitAndClear(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, renderer: { getDimensions(): { width: number; height: number } }): number {
  const { width, height } = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const w = Math.round(width * ratio), h = Math.round(height * ratio);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  return ratio;
}
