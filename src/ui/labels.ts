/**
 * How sigma draws node labels: with a white halo so they stay readable over
 * edges; bold when highlighted.
 */
import type { NodeDisplayData } from 'sigma/types';

type LabelData = Partial<NodeDisplayData> & { x: number; y: number; size: number; label: string | null; color: string; kind?: string };
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

function paintLabel(context: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings): void {
  if (!data.label) return;
  const size = settings.labelSize;
  context.font = `${data.highlighted ? '600' : settings.labelWeight} ${size}px ${settings.labelFont}`;
  const x = data.x + data.size + 4;
  const y = data.y + size / 3;
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
  paintLabel(context, { ...data, highlighted: true }, settings);
}
