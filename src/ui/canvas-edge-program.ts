/**
 * The part the 2D-canvas edge programs share (canvas-line-program.ts, canvas-arrow-program.ts): each flow sigma
 * hands them, kept per position (sigma's order, by zIndex) until the render, and their layer.
 */
import type Sigma from 'sigma';
import { AbstractEdgeProgram } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { Attributes } from 'graphology-types';
import { canvasLayer, type CanvasLayer } from './canvas-layer.ts';

/** Numbers kept per flow in `items`: source x, y, target x, y in the framed graph, the flow's size, the customer's size. */
export const ITEM = 6;

export abstract class CanvasEdgeProgram<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes> extends AbstractEdgeProgram<N, E, G> {
  drawLabel = undefined;
  protected readonly layer: CanvasLayer;
  protected readonly renderer: Sigma<N, E, G>;
  protected items = new Float32Array(0);
  protected colors: string[] = [];
  protected levels = new Float32Array(0);
  /** 0 where the flow or one of its ends is hidden. */
  protected shown = new Uint8Array(0);
  protected capacity = 0;

  /** `layer`: the id of its 2D canvas, next above sigma's WebGL `edges` layer. */
  constructor(gl: WebGLRenderingContext, pickingBuffer: WebGLFramebuffer | null, renderer: Sigma<N, E, G>, layer: string) {
    super(gl, pickingBuffer as never, renderer);
    this.renderer = renderer;
    this.layer = canvasLayer(renderer, layer, 'edges');
  }

  reallocate(capacity: number): void {
    if (capacity === this.capacity) return;
    this.capacity = capacity;
    this.items = new Float32Array(capacity * ITEM);
    this.colors = new Array<string>(capacity).fill('');
    this.levels = new Float32Array(capacity);
    this.shown = new Uint8Array(capacity);
  }

  process(_edgeIndex: number, offset: number, sourceData: NodeDisplayData, targetData: NodeDisplayData, data: EdgeDisplayData): void {
    if (data.hidden || sourceData.hidden || targetData.hidden) {
      this.shown[offset] = 0;
      return;
    }
    this.shown[offset] = 1;
    const i = offset * ITEM;
    this.items[i] = sourceData.x;
    this.items[i + 1] = sourceData.y;
    this.items[i + 2] = targetData.x;
    this.items[i + 3] = targetData.y;
    this.items[i + 4] = data.size || 1;
    this.items[i + 5] = targetData.size || 1;
    this.colors[offset] = data.color;
    this.levels[offset] = data.zIndex || 0;
  }

  kill(): void {
    this.layer.kill();
  }
}
