/**
 * Sigma's node program for big graphs' nodes: discs, as sigma's `NodePointProgram`, but filled on a 2D canvas of
 * their own. Where WebGL is software, every frame's commit waits for the rasterizer to draw them before it reads the
 * WebGL canvas back, on the main thread (docs/scale.md, In the app); a 2D canvas is drawn by Skia, at a fraction of
 * the cost. Only sigma's picking pass (which node is under the mouse) stays WebGL, in its offscreen framebuffer, and
 * it is left out while the camera moves (nothing hovers then: picking-sigma.ts); a press or a click meanwhile has it
 * drawn first (`drawLeftOutPicking`), and the view renders once more at rest. A render paints only the discs that
 * change the picture (disc-spots.ts): about 1,000 of a tiered layout's 10,000.
 * The instance sigma makes for its hover layer (no picking buffer) draws with WebGL, as sigma's: a few nodes.
 */
import type Sigma from 'sigma';
import { NodePointProgram } from 'sigma/rendering';
import type { NodeDisplayData, RenderParams } from 'sigma/types';
import type { Attributes } from 'graphology-types';
import { canvasLayer, framedToViewport, paintRuns, type CanvasLayer } from './canvas-layer.ts';
import { blankCanvas, discsToPaint } from './disc-spots.ts';
import { cameraMoving } from './picking-sigma.ts';

/** The canvas's layer, next above sigma's WebGL `nodes` layer. */
const POINTS_LAYER = 'points';

export class CanvasPointProgram<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes> extends NodePointProgram<N, E, G> {
  /** While true, renders skip the discs (not the picking): a later render draws them. */
  protected held: () => boolean = () => false;
  private readonly layer: CanvasLayer | null;
  /** Per position (sigma's order): x, y in the framed graph, and size. */
  private places = new Float32Array(0);
  private colors: string[] = [];
  private shown = new Uint8Array(0);
  private slots = 0;
  /** Whether the last render left the picking pass out (the camera moved). */
  private pickingLeftOut = false;
  /** discsToPaint's scratch pixels, kept between renders. */
  private readonly canvas = blankCanvas();

  constructor(gl: WebGLRenderingContext, pickingBuffer: WebGLFramebuffer | null, renderer: Sigma<N, E, G>) {
    super(gl, pickingBuffer, renderer);
    this.layer = pickingBuffer ? canvasLayer(renderer, POINTS_LAYER, 'nodes') : null;
    if (pickingBuffer) pickers.set(renderer, this as never);
  }

  override reallocate(capacity: number): void {
    super.reallocate(capacity);
    if (!this.layer || capacity === this.slots) return;
    this.slots = capacity;
    this.places = new Float32Array(capacity * 3);
    this.colors = new Array<string>(capacity).fill('');
    this.shown = new Uint8Array(capacity);
  }

  override process(nodeIndex: number, offset: number, data: NodeDisplayData): void {
    super.process(nodeIndex, offset, data);
    if (!this.layer) return;
    this.shown[offset] = data.hidden ? 0 : 1;
    const i = offset * 3;
    this.places[i] = data.x;
    this.places[i + 1] = data.y;
    this.places[i + 2] = data.size;
    this.colors[offset] = data.color;
  }

  override render(params: RenderParams): void {
    if (!this.layer) return super.render(params);
    // Sigma wiped the picking buffer before this render: left undrawn while the camera moves (picking-sigma.ts).
    this.pickingLeftOut = cameraMoving(this.renderer);
    if (!this.pickingLeftOut) this.drawPicking(params);
    if (this.slots === 0 || this.held()) return;
    const ctx = this.layer.draw(params);
    const map = framedToViewport(params);
    const { ax, bx, cx, ay, by, cy } = map;
    const { places, colors } = this;
    const painted = discsToPaint({ places, colors, shown: this.shown, count: this.slots }, map, params.sizeRatio, params.width, params.height, this.canvas);
    paintRuns(ctx, 'fill', painted.length, (k) => colors[painted[k]!]!, () => true, (k) => {
      const p = painted[k]!;
      const i = p * 3;
      const x = places[i]!, y = places[i + 1]!;
      const px = ax * x + bx * y + cx, py = ay * x + by * y + cy;
      // The disc's radius in CSS pixels, as sigma's point shader (gl_PointSize = 2 · size / sizeRatio, in device pixels).
      const r = places[i + 2]! / params.sizeRatio;
      ctx.moveTo(px + r, py);
      ctx.arc(px, py, r, 0, 2 * Math.PI);
    });
  }

  /** Program.render's picking pass, without its drawing pass. */
  private drawPicking(params: RenderParams): void {
    const pick = this.pickProgram;
    if (!pick || this.hasNothingToRender()) return;
    pick.gl.viewport(0, 0, (params.width * params.pixelRatio) / params.downSizingRatio, (params.height * params.pixelRatio) / params.downSizingRatio);
    this.bindProgram(pick);
    this.renderProgram({ ...params, pixelRatio: params.pixelRatio / params.downSizingRatio }, pick);
    this.unbindProgram(pick);
  }

  /** Draws the picking pass the last render left out, if it did: a node is about to be looked up. */
  drawLeftOutPicking(): void {
    if (!this.pickingLeftOut) return;
    this.pickingLeftOut = false;
    this.drawPicking(this.renderer.getRenderParams());
  }

  override kill(): void {
    const renderer: object = this.renderer;
    if ((pickers.get(renderer) as unknown) === this) pickers.delete(renderer);
    this.layer?.kill();
    super.kill();
  }
}

/** Each sigma's program whose picking pass may have been left out (the one with a picking buffer). */
const pickers = new WeakMap<object, CanvasPointProgram<Attributes, Attributes, Attributes>>();

/** Has this sigma's points draw the picking pass its last render left out, before a node is looked up under the pointer. */
export function drawLeftOutPicking(renderer: object): void {
  pickers.get(renderer)?.drawLeftOutPicking();
}

/** The program, its discs held back while `held` says so. */
export function canvasPointProgram<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes>(held: () => boolean) {
  return class extends CanvasPointProgram<N, E, G> {
    protected override held = held;
  };
}
