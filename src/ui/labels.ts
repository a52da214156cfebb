/**
 * How sigma draws node labels: with a white halo so they stay readable over
 * edges; bold when highlighted. Sigma picks the labels (its grid, density and
 * forced labels); the label layer (createLabelLayer) places them without
 * overlap (label-placement.ts) once sigma has asked for all of a render's.
 */
import type { NodeDisplayData } from 'sigma/types';
import { placeLabels, type Disc, type LabelRequest, type PlacedLabel } from './label-placement.ts';

type LabelData = Partial<NodeDisplayData> & { x: number; y: number; size: number; label: string | null; color: string; kind?: string; key?: string; fullLabel?: string };
interface LabelSettings {
  labelSize: number;
  labelFont: string;
  labelWeight: string;
  labelColor: { color?: string };
}

export function drawLabel(context: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings): void {
  // Highlighted nodes get their label from drawHover, on the layer above; drawing it here too would double it.
  if (data.highlighted) return;
  paintLabel(context, data, settings);
}


function paintLabel(context: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings, at?: { x: number; y: number }): void {
  if (!data.label) return;
  const size = settings.labelSize;
  context.font = `${data.highlighted ? '600' : settings.labelWeight} ${size}px ${settings.labelFont}`;
  const x = at ? at.x : data.x + data.size + 4;
  const y = (at ? at.y : data.y) + size / 3;
  context.lineJoin = 'round';
  context.lineWidth = 3;
  context.strokeStyle = 'rgba(255,255,255,0.9)';
  context.strokeText(data.label, x, y);
  context.fillStyle = settings.labelColor.color ?? '#000';
  context.fillText(data.label, x, y);
}

/** The hover box: the label drawn as above on a soft white card, the node ringed. */
export function drawHover(context: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings): void {
  context.beginPath();
  context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
  context.fillStyle = '#ffffff';
  context.shadowColor = 'rgba(31,41,51,0.25)';
  context.shadowBlur = 8;
  context.fill();
  context.shadowBlur = 0;
  context.beginPath();
  context.arc(data.x, data.y, data.size, 0, Math.PI * 2);
  context.fillStyle = data.color;
  context.fill();
  // The full label on hover: the graph shows labels cut to 26 characters.
  paintLabel(context, { ...data, label: data.fullLabel && data.label ? data.label.replace(/^([✕＋●] )?.*$/u, `$1${data.fullLabel}`) : data.label, highlighted: true }, settings);
}

export interface LabelLayer {
  /** sigma's defaultDrawNodeLabel: takes the label, drawn at the render's end (flush). */
  draw(context: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings): void;
  /** Places and paints the labels sigma asked for since the last flush; `discs`: the nodes drawn, as obstacles. */
  flush(discs: () => Disc[], bounds?: { width: number; height: number }): void;
  /** The labels painted by the last flush (for tests: none overlap). */
  placed(): PlacedLabel[];
}

/** Text widths by font and text: measuring is the costly part of a label. */
const widths = new Map<string, number>();
function widthOf(context: CanvasRenderingContext2D, font: string, text: string): number {
  const id = `${font}\u0000${text}`;
  let w = widths.get(id);
  if (w === undefined) {
    context.font = font;
    w = context.measureText(text).width;
    if (widths.size > 50_000) widths.clear();
    widths.set(id, w);
  }
  return w;
}

export function createLabelLayer(): LabelLayer {
  let pending: { context: CanvasRenderingContext2D; data: LabelData; settings: LabelSettings }[] = [];
  let placed: PlacedLabel[] = [];
  return {
    draw(context, data, settings) {
      if (data.label) pending.push({ context, data, settings });
    },
    flush(discs, bounds) {
      const asked = pending;
      pending = [];
      if (asked.length === 0) {
        placed = [];
        return;
      }
      const requests: LabelRequest[] = [];
      const byKey = new Map<string, (typeof asked)[number]>();
      for (const item of asked) {
        const { data, settings, context } = item;
        const key = data.key ?? `${data.x},${data.y}`;
        const font = `${data.highlighted ? '600' : settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
        // Highlighted labels are painted by drawHover on the layer above, right of their node: placed first, there.
        requests.push({ key, x: data.x, y: data.y, r: data.size, width: widthOf(context, font, data.label!) + 2, height: settings.labelSize + 2, forced: !!data.forceLabel || !!data.highlighted, fixed: !!data.highlighted });
        byKey.set(key, item);
      }
      placed = placeLabels(requests, requests.length > 1 ? discs() : [], bounds);
      for (const p of placed) {
        const item = byKey.get(p.key)!;
        if (item.data.highlighted) continue;
        paintLabel(item.context, item.data, item.settings, { x: p.textX + 1, y: p.textY });
      }
    },
    placed: () => placed,
  };
}
