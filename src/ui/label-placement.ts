/**
 * Labels without overlap: sigma picks which nodes get a label (its label grid, density and forced labels);
 * here each is given the first place beside its node, right, left, above or below, where it overlaps no label
 * already placed and no other node's disc, in order of priority (forced labels, then bigger nodes). A label with
 * no free place is left out, except a forced one on its node's right, when nothing else can go there either.
 * Pure: boxes in CSS pixels.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface LabelRequest {
  key: string;
  /** The node's centre and radius on screen. */
  x: number;
  y: number;
  r: number;
  width: number;
  height: number;
  /** Shown whatever: a buyer, a marked or focused node. */
  forced: boolean;
  /** Drawn elsewhere, right of its node (a highlighted node's, by the hover layer): placed first, there, an obstacle. */
  fixed?: boolean;
}
export interface PlacedLabel {
  key: string;
  box: Box;
  /** Where the text starts (its left end) and its baseline's middle. */
  textX: number;
  textY: number;
}
export interface Disc {
  key: string;
  x: number;
  y: number;
  r: number;
}

const GAP = 4;
export const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const hitsDisc = (b: Box, d: Disc) => {
  const cx = Math.max(b.x, Math.min(d.x, b.x + b.w)), cy = Math.max(b.y, Math.min(d.y, b.y + b.h));
  return (cx - d.x) ** 2 + (cy - d.y) ** 2 < d.r * d.r;
};

/** A grid of cells holding what lies in them, so that a box is checked against its neighbours only. */
class Cells<T> {
  private readonly cells = new Map<string, T[]>();
  constructor(private readonly size: number) {}
  private *keys(b: Box) {
    for (let i = Math.floor(b.x / this.size); i <= Math.floor((b.x + b.w) / this.size); i++) {
      for (let j = Math.floor(b.y / this.size); j <= Math.floor((b.y + b.h) / this.size); j++) yield `${i},${j}`;
    }
  }
  add(b: Box, item: T) {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(item);
      else this.cells.set(k, [item]);
    }
  }
  some(b: Box, test: (item: T) => boolean): boolean {
    for (const k of this.keys(b)) for (const item of this.cells.get(k) ?? []) if (test(item)) return true;
    return false;
  }
}

/** The places tried for a label, in order: right of the node, left, above, below. */
function candidates(q: LabelRequest): Box[] {
  const { x, y, r, width: w, height: h } = q;
  return [
    { x: x + r + GAP, y: y - h / 2, w, h },
    { x: x - r - GAP - w, y: y - h / 2, w, h },
    { x: x - w / 2, y: y - r - GAP - h, w, h },
    { x: x - w / 2, y: y + r + GAP, w, h },
  ];
}

/**
 * Places the labels (`discs`: every drawn node, obstacles for labels not their own; `bounds`: the canvas, which a
 * label placed on a node's left or right does not cross when another place is free).
 */
export function placeLabels(requests: readonly LabelRequest[], discs: readonly Disc[], bounds?: { width: number; height: number }): PlacedLabel[] {
  const order = [...requests].sort((a, b) => Number(!!b.fixed) - Number(!!a.fixed) || Number(b.forced) - Number(a.forced) || b.r - a.r || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const labels = new Cells<Box>(64);
  const nodes = new Cells<Disc>(64);
  for (const d of discs) nodes.add({ x: d.x - d.r, y: d.y - d.r, w: 2 * d.r, h: 2 * d.r }, d);
  const out: PlacedLabel[] = [];
  for (const q of order) {
    const tries = q.fixed ? candidates(q).slice(0, 1) : candidates(q);
    const inside = (b: Box) => !bounds || (b.x >= 0 && b.x + b.w <= bounds.width);
    const free = (b: Box) => inside(b) && !labels.some(b, (o) => overlaps(o, b));
    // First a place clear of labels and of other nodes, then one clear of labels only.
    let box = tries.find((b) => free(b) && !nodes.some(b, (d) => d.key !== q.key && hitsDisc(b, d)));
    box ??= tries.find(free);
    // Cut by the canvas's edge rather than gone: the camera can move.
    box ??= tries.find((b) => !labels.some(b, (o) => overlaps(o, b)));
    if (!box && q.fixed) box = tries[0];
    if (!box) continue;
    labels.add(box, box);
    out.push({ key: q.key, box, textX: box.x, textY: box.y + box.h / 2 });
  }
  return out;
}
