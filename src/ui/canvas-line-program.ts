/**
 * Sigma's edge program for big graphs' flows: 1-pixel lines, as sigma's `EdgeLineProgram`, but stroked on a 2D
 * canvas of their own instead of WebGL. Where WebGL is software (SwiftShader: headless Chromium, machines without a
 * GPU), the compositor reads each WebGL canvas back in the frame's commit, a main-thread task that waits for every
 * fragment of every flow (docs/scale.md, In the app).
 *
 * Sigma keeps its part: the reducers, the order (zIndex), hiding flows while the camera moves. Flows are stroked in
 * that order, one path per run of the same colour; within a path, translucent colours do not add up where lines
 * cross (the app's flow colours are opaque).
 *
 * A program made by `canvasLineProgram(beside)` also strokes lines sigma does not hold, which `beside` gives at each
 * render: a big graph's drawn flows, which sigma would otherwise index, every one, at each change (graph-view.ts).
 */
import type Sigma from 'sigma';
import type { RenderParams } from 'sigma/types';
import type { Attributes } from 'graphology-types';
import { CanvasEdgeProgram, ITEM } from './canvas-edge-program.ts';
import { framedToViewport, paintRuns } from './canvas-layer.ts';

const FLOWS_LAYER = 'flows';

/** Lines to stroke with sigma's own, in CSS pixels of the viewport. */
export interface Lines {
  count: number;
  /** x1, y1, x2, y2 of each line. */
  ends: Float32Array;
  colors: readonly string[];
  /** 0: not drawn; 1: under sigma's own lines; 2: over them (a raised zIndex). */
  levels: Uint8Array;
}
/** The lines beside sigma's at this render, through its camera (`renderer.graphToViewport`); null: none. */
export type LinesBeside = (renderer: Pick<Sigma, 'graphToViewport'>) => Lines | null;

export class CanvasLineProgram<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes> extends CanvasEdgeProgram<N, E, G> {
  protected beside: LinesBeside | null = null;

  constructor(gl: WebGLRenderingContext, pickingBuffer: WebGLFramebuffer | null, renderer: Sigma<N, E, G>) {
    super(gl, pickingBuffer, renderer, FLOWS_LAYER);
  }

  render(params: RenderParams): void {
    const extra = this.beside?.(this.renderer as unknown as Sigma) ?? null;
    if (this.capacity === 0 && !extra?.count) return;
    const ctx = this.layer.draw(params);
    ctx.lineWidth = 1;
    const besideAt = (level: number) => {
      if (!extra) return;
      const { ends, colors, levels } = extra;
      paintRuns(ctx, 'stroke', extra.count, (i) => colors[i]!, (i) => levels[i] === level, (i) => {
        ctx.moveTo(ends[4 * i]!, ends[4 * i + 1]!);
        ctx.lineTo(ends[4 * i + 2]!, ends[4 * i + 3]!);
      });
    };
    besideAt(1);
    const { ax, bx, cx, ay, by, cy } = framedToViewport(params);
    const { items, colors, shown } = this;
    paintRuns(ctx, 'stroke', this.capacity, (p) => colors[p]!, (p) => shown[p] === 1, (p) => {
      const i = p * ITEM;
      const x1 = items[i]!, y1 = items[i + 1]!, x2 = items[i + 2]!, y2 = items[i + 3]!;
      ctx.moveTo(ax * x1 + bx * y1 + cx, ay * x1 + by * y1 + cy);
      ctx.lineTo(ax * x2 + bx * y2 + cx, ay * x2 + by * y2 + cy);
    });
    besideAt(2);
  }
}

/** The program, stroking also the lines `beside` gives at each render. */
export function canvasLineProgram<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes>(beside: LinesBeside) {
  return class extends CanvasLineProgram<N, E, G> {
    protected override beside: LinesBeside | null = beside;
  };
}
