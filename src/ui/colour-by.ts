/**
 * Colouring nodes by any attribute: kind (the default: KIND_COLORS), country, company, the impact on the buyer,
 * or any other attribute the nodes carry (a string: a colour per value; a number: a ramp). Gives each node's
 * colour and the key the legend shows. Pure.
 */
import type { NodeKind } from '../model/schema.ts';
import { KIND_COLORS, KIND_NAMES, mix } from './look.ts';
import { keptScan, SCAN_STEP } from './next-task.ts';
import { ownPosition } from '../layout/file-positions.ts';

/** `kind`, `country`, `company`, `impact`, `file` (each node's own `color`), or `attr:NAME` for another node attribute. */
export type ColourBy = string;
export const DEFAULT_COLOUR_BY: ColourBy = 'kind';

/** Ten colours told apart by most readers (Tableau 10), the values beyond the ninth in the tenth, grey. */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f'];
const REST = '#bab0ac';
const NONE = '#d5d9de';
const RAMP = ['#dbe7f3', '#1f4e89'] as const;

export type ColourKey =
  | { type: 'categories'; items: { value: string; label: string; color: string; count: number }[]; rest: number }
  | { type: 'ramp'; min: number; max: number; from: string; to: string; missing: number };

export interface Colouring {
  /** Each node's colour; null: by kind, as the display graph already is. */
  colors: Map<string, string> | null;
  key: ColourKey | null;
}

interface NodeLike {
  key: string;
  attributes: Record<string, unknown> & { kind: NodeKind; country: string; company?: string | undefined };
}

/** Attributes that are not for colouring (the kind, the label, lists, notes, positions). */
const NOT_COLOURS = new Set(['label', 'kind', 'country', 'company', 'sources', 'note', 'x', 'y', 'size', 'color']);

/** The choices the nodes offer, with the words the menu shows. */
export const colourChoices = (nodes: readonly NodeLike[]): { value: ColourBy; label: string }[] => colourChoicesScan.now(nodes);

/** colourChoices per list of nodes: the legend is drawn at each change (docs/scale.md, In the app); warmed with the legend's scans. */
export const colourChoicesScan = keptScan((nodes: readonly NodeLike[]) => nodes, function* (nodes): Generator<void, { value: ColourBy; label: string }[]> {
  const out: { value: ColourBy; label: string }[] = [
    { value: 'kind', label: 'Kind' },
    { value: 'country', label: 'Country' },
  ];
  let company = false;
  let file = false;
  const names = new Set<string>();
  for (let i = 0; i < nodes.length; i++) {
    const a = nodes[i]!.attributes;
    company ||= !!a.company;
    file ||= fileColour(a.color) !== null;
    if (names.size <= 30) {
      for (const name in a) {
        if (!Object.hasOwn(a, name)) continue;
        const v = a[name];
        if (!NOT_COLOURS.has(name) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) names.add(name);
      }
    }
    if ((i + 1) % SCAN_STEP === 0) yield;
  }
  if (company) out.push({ value: 'company', label: 'Company' });
  out.push({ value: 'impact', label: 'Impact on the buyer' });
  if (file) out.push({ value: 'file', label: 'As in the file' });
  for (const name of [...names].sort()) out.push({ value: `attr:${name}`, label: name });
  return out;
});

/**
 * What the view controls offer for a list of nodes: a layout "As in the file" (a node with its own x and y), a size
 * "As in the file" (a node with a positive numeric `size`, a file's viz:size) and the names of the attributes that
 * are numbers wherever the nodes have them. Kept per list of nodes: the controls are drawn at each change, and
 * these scans took 15, about 5 and 31 ms at 300,000 nodes (docs/scale.md).
 */
export const viewControlsScan = keptScan((nodes: readonly NodeLike[]) => nodes, function* (nodes): Generator<void, { ownPlaces: boolean; fileSizes: boolean; numeric: string[] }> {
  let ownPlaces = false;
  let fileSizes = false;
  // Numeric attributes: the first 31 names met decide (a file with more is not sized by them).
  const seen = new Map<string, boolean>();
  let named = false;
  for (let i = 0; i < nodes.length; i++) {
    const a = nodes[i]!.attributes;
    if (!ownPlaces && ownPosition(a) !== null) ownPlaces = true;
    if (!fileSizes && typeof a.size === 'number' && Number.isFinite(a.size) && a.size > 0) fileSizes = true;
    if (!named) {
      // for…in, not Object.entries: no array per node.
      for (const name in a) {
        if (!Object.hasOwn(a, name)) continue;
        const v = a[name];
        if (NOT_COLOURS.has(name) || v === undefined || v === null) continue;
        seen.set(name, (seen.get(name) ?? true) && typeof v === 'number' && Number.isFinite(v));
      }
      named = seen.size > 30;
    }
    if ((i + 1) % SCAN_STEP === 0) yield;
  }
  return { ownPlaces, fileSizes, numeric: [...seen].filter(([, numeric]) => numeric).map(([name]) => name).sort() };
});

/** A file's colour (`#rrggbb`, `#rgb` or `rgb(r, g, b)`, as the readers keep viz colours) as `#rrggbb`; null for anything else. */
export function fileColour(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  if (/^#[0-9a-f]{3}$/.test(text)) return `#${[...text.slice(1)].map((c) => c + c).join('')}`;
  const m = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+\s*)?\)$/.exec(text);
  if (!m) return null;
  const parts = m.slice(1, 4).map(Number);
  return parts.every((v) => v <= 255) ? `#${parts.map((v) => v.toString(16).padStart(2, '0')).join('')}` : null;
}

/** The colours of `by` (`impact`: each node's impact on the buyer, from the engine's figures). */
export function colourNodes(nodes: readonly NodeLike[], by: ColourBy, impact: Record<string, number> | null, nameOf: (value: string, by: ColourBy) => string = (v) => v): Colouring {
  if (by === 'kind') {
    const counts = new Map<string, number>();
    for (const n of nodes) counts.set(n.attributes.kind, (counts.get(n.attributes.kind) ?? 0) + 1);
    return { colors: null, key: { type: 'categories', items: [...counts].map(([k, count]) => ({ value: k, label: KIND_NAMES[k as NodeKind] ?? k, color: KIND_COLORS[k as NodeKind] ?? REST, count })), rest: 0 } };
  }
  if (by === 'file') {
    // Each node in its file colour; the key lists the commonest colours (nodes without one: grey).
    const colors = new Map(nodes.map((n) => [n.key, fileColour(n.attributes.color) ?? NONE]));
    const counts = new Map<string, number>();
    for (const n of nodes) {
      const c = fileColour(n.attributes.color);
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const shown = ranked.slice(0, PALETTE.length);
    const rest = nodes.length - shown.reduce((s, [, c]) => s + c, 0);
    return { colors, key: { type: 'categories', items: shown.map(([c, count]) => ({ value: c, label: c, color: c, count })), rest } };
  }
  const valueOf = (n: NodeLike): unknown =>
    by === 'impact' ? impact?.[n.key] ?? 0 : by === 'country' ? n.attributes.country : by === 'company' ? n.attributes.company : by.startsWith('attr:') ? n.attributes[by.slice(5)] : undefined;
  const values = nodes.map(valueOf);
  const numeric = by === 'impact' || (values.some((v) => typeof v === 'number') && values.every((v) => v === undefined || v === null || typeof v === 'number'));
  const colors = new Map<string, string>();
  if (numeric) {
    let min = Infinity, max = -Infinity, missing = 0;
    for (const v of values) {
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (!Number.isFinite(min)) return { colors: new Map(nodes.map((n) => [n.key, NONE])), key: { type: 'ramp', min: 0, max: 0, from: RAMP[0], to: RAMP[1], missing: nodes.length } };
    nodes.forEach((n, i) => {
      const v = values[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        missing++;
        colors.set(n.key, NONE);
      } else colors.set(n.key, mix(RAMP[0], RAMP[1], max > min ? (v - min) / (max - min) : 1));
    });
    return { colors, key: { type: 'ramp', min, max, from: RAMP[0], to: RAMP[1], missing } };
  }
  // Categories: the nine commonest values get a colour each, by count then by value; the rest share one.
  const counts = new Map<string, number>();
  for (const v of values) {
    const text = v === undefined || v === null || v === '' ? '' : String(v);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const ranked = [...counts].filter(([v]) => v !== '').sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const shown = ranked.slice(0, PALETTE.length);
  const colorOf = new Map(shown.map(([v], i) => [v, PALETTE[i]!]));
  nodes.forEach((n, i) => {
    const v = values[i];
    const text = v === undefined || v === null || v === '' ? '' : String(v);
    colors.set(n.key, text === '' ? NONE : colorOf.get(text) ?? REST);
  });
  const rest = ranked.slice(PALETTE.length).reduce((s, [, c]) => s + c, 0) + (counts.get('') ?? 0);
  return { colors, key: { type: 'categories', items: shown.map(([v, count]) => ({ value: v, label: nameOf(v, by), color: colorOf.get(v)!, count })), rest } };
}
