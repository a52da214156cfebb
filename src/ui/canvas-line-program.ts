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

/** Strokes the lines `drawn` keeps, in order, one path per run of the same colour; whether it stroked any. */
function strokeRuns(ctx: CanvasRenderingContext2D, count: number, colorAt: (i: number) => string, drawn: (i: number) => boolean, line: (i: number) => void): boolean {
  let color = '';
  let open = false;
  for (let i = 0; i < count; i++) {
    if (!drawn(i)) continue;
    const c = colorAt(i);
    if (c !== color || !open) {
      if (open) ctx.stroke();
      color = c;
      ctx.strokeStyle = color;
      ctx.beginPath();
      open = true;
    }
    line(i);
  }
  if (open) ctx.stroke();
  return open;
}

export class CanvasLineProgram<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes> extends CanvasEdgeProgram<N, E, G> {
  protected beside: LinesBeside | null = null;

  constructor(gl: WebGLRenderingContext, pickingBuffer: WebGLFramebuffer | null, renderer: Sigma<N, E, G>) {
    super(gl, pickingBuffer, renderer, FLOWS_LAYER);
  }

  render(params: RenderParams): void {
    const ctx = this.layer.begin(params);
    ctx.lineWidth = 1;
    const extra = this.beside?.(this.renderer as unknown as Sigma) ?? null;
    let painted = false;
    const besideAt = (level: number) => {
      if (!extra) return;
      const { ends, colors, levels } = extra;
      const drew = strokeRuns(ctx, extra.count, (i) => colors[i]!, (i) => levels[i] === level, (i) => {
        ctx.moveTo(ends[4 * i]!, ends[4 * i + 1]!);
        ctx.lineTo(ends[4 * i + 2]!, ends[4 * i + 3]!);
      });
      painted ||= drew;
    };
    besideAt(1);
    // The camera's matrix (column-major 3×3) takes the framed graph to clip space; then to CSS pixels.
    const m = params.matrix;
    const m0 = m[0]!, m1 = m[1]!, m3 = m[3]!, m4 = m[4]!, m6 = m[6]!, m7 = m[7]!;
    const hw = params.width / 2, hh = params.height / 2;
    const { items, colors, shown } = this;
    painted = strokeRuns(ctx, this.capacity, (p) => colors[p]!, (p) => shown[p] === 1, (p) => {
      const i = p * ITEM;
      const x1 = items[i]!, y1 = items[i + 1]!, x2 = items[i + 2]!, y2 = items[i + 3]!;
      ctx.moveTo((m0 * x1 + m3 * y1 + m6 + 1) * hw, (1 - (m1 * x1 + m4 * y1 + m7)) * hh);
      ctx.lineTo((m0 * x2 + m3 * y2 + m6 + 1) * hw, (1 - (m1 * x2 + m4 * y2 + m7)) * hh);
    }) || painted;
    besideAt(2);
    this.layer.end(painted);
  }
}

/** The program, stroking also the lines `beside` gives at each render. */
export function canvasLineProgram<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes>(beside: LinesBeside) {
  return class extends CanvasLineProgram<N, E, G> {
    protected override beside: LinesBeside | null = beside;
  };
}
