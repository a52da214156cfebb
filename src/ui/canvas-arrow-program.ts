/**
 * Sigma's edge program for mid-size graphs' flows: lines as wide as their value, with an arrow head at the customer,
 * as sigma's `EdgeArrowProgram`, but drawn on a 2D canvas of their own. Where WebGL is software, each frame's commit
 * waited for SwiftShader to rasterize the wide, antialiased triangles of 8,000 arrows: 100 to 370 ms at 3,000 nodes
 * (docs/scale.md, In the app).
 *
 * The geometry is sigma's, in CSS pixels: a line `w` = max(size / sizeRatio, minEdgeThickness) wide from the
 * supplier's centre, a head 2.5 `w` long and 2 `w` wide whose tip touches the customer's disc. Within each zIndex
 * level, flows of one colour and width (to the half pixel) are stroked as one path, their heads filled as another.
 */
import type Sigma from 'sigma';
import type { RenderParams } from 'sigma/types';
import type { Attributes } from 'graphology-types';
import { CanvasEdgeProgram, ITEM } from './canvas-edge-program.ts';
import { framedToViewport } from './canvas-layer.ts';

const ARROWS_LAYER = 'arrows';
const HEAD_LENGTH = 2.5;
const HEAD_HALF_WIDTH = 1;

export class CanvasArrowProgram<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes> extends CanvasEdgeProgram<N, E, G> {
  constructor(gl: WebGLRenderingContext, pickingBuffer: WebGLFramebuffer | null, renderer: Sigma<N, E, G>) {
    super(gl, pickingBuffer, renderer, ARROWS_LAYER);
  }

  render(params: RenderParams): void {
    if (this.capacity === 0) return;
    const ctx = this.layer.draw(params);
    const { ax, bx, cx, ay, by, cy } = framedToViewport(params);
    const { items, colors, levels, shown } = this;
    // Flows by zIndex level, colour and width to the half pixel, in sigma's order within each.
    const groups = new Map<string, { level: number; color: string; width: number; members: number[] }>();
    for (let p = 0; p < this.capacity; p++) {
      if (!shown[p]) continue;
      const width = Math.round(2 * Math.max(items[p * ITEM + 4]! / params.sizeRatio, params.minEdgeThickness)) / 2;
      const key = `${levels[p]}|${colors[p]}|${width}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { level: levels[p]!, color: colors[p]!, width, members: [] }));
      g.members.push(p);
    }
    const ordered = [...groups.values()].sort((a, b) => a.level - b.level);
    // A flow's supplier end, head tip and head base in CSS pixels, and its direction: what `place` leaves.
    const at = new Float32Array(8);
    /** 0: the ends coincide, nothing drawn; 1: a head only (the discs nearly touch); 2: a line and a head. */
    const place = (p: number, width: number): 0 | 1 | 2 => {
      const i = p * ITEM;
      const fx1 = items[i]!, fy1 = items[i + 1]!, fx2 = items[i + 2]!, fy2 = items[i + 3]!;
      const x1 = ax * fx1 + bx * fy1 + cx, y1 = ay * fx1 + by * fy1 + cy;
      const x2 = ax * fx2 + bx * fy2 + cx, y2 = ay * fx2 + by * fy2 + cy;
      const dx = x2 - x1, dy = y2 - y1;
      const length = Math.sqrt(dx * dx + dy * dy);
      if (length === 0) return 0;
      const ux = dx / length, uy = dy / length;
      const radius = items[i + 5]! / params.sizeRatio;
      const head = HEAD_LENGTH * width;
      at[0] = x1;
      at[1] = y1;
      // The tip on the customer's disc; the line stops at the head's base.
      at[2] = x2 - ux * radius;
      at[3] = y2 - uy * radius;
      at[4] = at[2] - ux * head;
      at[5] = at[3] - uy * head;
      at[6] = ux;
      at[7] = uy;
      return length > radius + head ? 2 : 1;
    };
    for (const { color, width, members } of ordered) {
      ctx.strokeStyle = ctx.fillStyle = color;
      ctx.lineWidth = width;
      ctx.beginPath();
      for (const p of members) {
        if (place(p, width) < 2) continue;
        ctx.moveTo(at[0]!, at[1]!);
        ctx.lineTo(at[4]!, at[5]!);
      }
      ctx.stroke();
      ctx.beginPath();
      const side = HEAD_HALF_WIDTH * width;
      for (const p of members) {
        if (place(p, width) === 0) continue;
        const ux = at[6]!, uy = at[7]!;
        ctx.moveTo(at[2]!, at[3]!);
        ctx.lineTo(at[4]! - uy * side, at[5]! + ux * side);
        ctx.lineTo(at[4]! + uy * side, at[5]! - ux * side);
        // Not closePath: fill closes each triangle itself, and 8,000 closePath calls took 125 ms here.
      }
      ctx.fill();
    }
  }
}
