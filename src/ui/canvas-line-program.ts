/**
 * Sigma's edge program for big graphs' flows: 1-pixel lines, as sigma's `EdgeLineProgram`, but stroked on a 2D
 * canvas of their own instead of WebGL. Where WebGL is software (SwiftShader: headless Chromium, machines without a
 * GPU), the compositor reads each WebGL canvas back in the frame's commit, a main-thread task that waits for every
 * fragment of every flow (docs/scale.md, In the app).
 *
 * Sigma keeps its part: the reducers, the order (zIndex), hiding flows while the camera moves. Flows are stroked in
 * that order, one path per run of the same colour; within a path, translucent colours do not add up where lines
 * cross (the app's flow colours are opaque).
 */
import type Sigma from 'sigma';
import { AbstractEdgeProgram } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData, RenderParams } from 'sigma/types';
import type { Attributes } from 'graphology-types';
import { canvasLayer, type CanvasLayer } from './canvas-layer.ts';

/** The canvas's layer, next above sigma's WebGL `edges` layer. */
export const FLOWS_LAYER = 'flows';

export class CanvasLineProgram<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes> extends AbstractEdgeProgram<N, E, G> {
  drawLabel = undefined;
  private readonly layer: CanvasLayer;
  /** Per position (sigma's order): source x, y, target x, y in the framed graph. */
  private ends = new Float32Array(0);
  private colors: string[] = [];
  /** 0 where the flow or one of its ends is hidden. */
  private shown = new Uint8Array(0);
  private capacity = 0;

  constructor(gl: WebGLRenderingContext, pickingBuffer: WebGLFramebuffer | null, renderer: Sigma<N, E, G>) {
    super(gl, pickingBuffer as never, renderer);
    this.layer = canvasLayer(renderer, FLOWS_LAYER, 'edges');
  }

  reallocate(capacity: number): void {
    if (capacity === this.capacity) return;
    this.capacity = capacity;
    this.ends = new Float32Array(capacity * 4);
    this.colors = new Array<string>(capacity).fill('');
    this.shown = new Uint8Array(capacity);
  }

  process(_edgeIndex: number, offset: number, sourceData: NodeDisplayData, targetData: NodeDisplayData, data: EdgeDisplayData): void {
    if (data.hidden || sourceData.hidden || targetData.hidden) {
      this.shown[offset] = 0;
      return;
    }
    this.shown[offset] = 1;
    const i = offset * 4;
    this.ends[i] = sourceData.x;
    this.ends[i + 1] = sourceData.y;
    this.ends[i + 2] = targetData.x;
    this.ends[i + 3] = targetData.y;
    this.colors[offset] = data.color;
  }

  render(params: RenderParams): void {
    const ctx = this.layer.begin(params);
    ctx.lineWidth = 1;
    // The camera's matrix (column-major 3×3) takes the framed graph to clip space; then to CSS pixels.
    const m = params.matrix;
    const m0 = m[0]!, m1 = m[1]!, m3 = m[3]!, m4 = m[4]!, m6 = m[6]!, m7 = m[7]!;
    const hw = params.width / 2, hh = params.height / 2;
    const { ends, colors, shown } = this;
    let color = '';
    let open = false;
    for (let p = 0; p < this.capacity; p++) {
      if (!shown[p]) continue;
      if (colors[p] !== color) {
        if (open) ctx.stroke();
        color = colors[p]!;
        ctx.strokeStyle = color;
        ctx.beginPath();
        open = true;
      }
      const i = p * 4;
      const x1 = ends[i]!, y1 = ends[i + 1]!, x2 = ends[i + 2]!, y2 = ends[i + 3]!;
      ctx.moveTo((m0 * x1 + m3 * y1 + m6 + 1) * hw, (1 - (m1 * x1 + m4 * y1 + m7)) * hh);
      ctx.lineTo((m0 * x2 + m3 * y2 + m6 + 1) * hw, (1 - (m1 * x2 + m4 * y2 + m7)) * hh);
    }
    if (open) ctx.stroke();
    this.layer.end(open);
  }

  kill(): void {
    this.layer.kill();
  }
}
