/**
 * The current view as a PNG with its legend. Sigma v3 has no image export in
 * its core: its layers (WebGL and 2D canvases) are drawn onto one canvas right
 * after a synchronous render (the WebGL buffers are not preserved between
 * frames), then the legend is drawn below them.
 */
/** The part of a sigma renderer this needs. */
export interface Layers {
  getDimensions(): { width: number; height: number };
  getCanvases(): Record<string, HTMLCanvasElement>;
  refresh(): unknown;
}

export interface LegendItem {
  color: string;
  label: string;
}
export interface SnapshotLegend {
  title: string;
  subtitle: string;
  items: LegendItem[];
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function snapshotPng(sigma: Layers, legend: SnapshotLegend): string {
  const { width, height } = sigma.getDimensions();
  sigma.refresh();
  // In the page's order, which is not the order sigma made them in (big graphs' 2D layers come later, between its
  // own); a hidden layer is not part of the view.
  const layers = Object.values(sigma.getCanvases())
    .filter((c) => c.style.display !== 'none')
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  // Sigma's pixel ratio: the 2D layers of big graphs keep their first size until they have something to draw.
  const ratio = globalThis.devicePixelRatio || 1;
  const pad = 16;
  const rowHeight = 22;
  const probe = document.createElement('canvas').getContext('2d')!;
  probe.font = `13px ${FONT}`;
  // Legend items flow left to right and wrap.
  const rows: { item: LegendItem; x: number; y: number }[] = [];
  let x = pad;
  let y = 0;
  for (const item of legend.items) {
    const w = 18 + probe.measureText(item.label).width + 18;
    if (x + w > width - pad && x > pad) {
      x = pad;
      y += rowHeight;
    }
    rows.push({ item, x, y });
    x += w;
  }
  const legendHeight = pad + 20 + 18 + (legend.items.length ? y + rowHeight : 0) + pad;
  const out = document.createElement('canvas');
  out.width = Math.round(width * ratio);
  out.height = Math.round((height + legendHeight) * ratio);
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  for (const layer of layers) ctx.drawImage(layer, 0, 0, layer.width, layer.height, 0, 0, width * ratio, height * ratio);
  ctx.scale(ratio, ratio);
  ctx.translate(0, height);
  ctx.fillStyle = '#e4e7eb';
  ctx.fillRect(0, 0, width, 1);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#1f2933';
  ctx.font = `600 15px ${FONT}`;
  ctx.fillText(legend.title, pad, pad + 8, width - 2 * pad);
  ctx.fillStyle = '#52606d';
  ctx.font = `13px ${FONT}`;
  ctx.fillText(legend.subtitle, pad, pad + 28, width - 2 * pad);
  const top = pad + 20 + 18 + 8;
  for (const { item, x: ix, y: iy } of rows) {
    ctx.fillStyle = item.color;
    ctx.beginPath();
    ctx.arc(ix + 6, top + iy + 6, 6, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#1f2933';
    ctx.fillText(item.label, ix + 18, top + iy + 6);
  }
  return out.toDataURL('image/png');
}
