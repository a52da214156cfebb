/**
 * A 2D canvas in sigma's stack of layers, for the programs that draw big graphs without WebGL
 * (canvas-line-program.ts, canvas-point-program.ts). Sigma clears its own layers before each render, and
 * renders no flows while the camera moves (hideEdgesOnMove): the layer is wiped with them.
 */
import type Sigma from 'sigma';
import type { RenderParams } from 'sigma/types';
import type { Attributes } from 'graphology-types';

export interface CanvasLayer {
  /** The context, the canvas sized to the viewport, scaled to CSS pixels and cleared. */
  begin(params: RenderParams): CanvasRenderingContext2D;
  /** Whether the drawing since `begin` left anything on the canvas, for the next clear to wipe. */
  end(painted: boolean): void;
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
    begin({ width, height, pixelRatio }) {
      const w = Math.round(width * pixelRatio), h = Math.round(height * pixelRatio);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
      context.clearRect(0, 0, width, height);
      return context;
    },
    end(p) {
      painted = p;
    },
    kill() {
      renderer.off('afterClear', wipe);
      if (renderer.getCanvases()[id]) renderer.killLayer(id);
    },
  };
}
