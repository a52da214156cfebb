/**
 * A figure as a report shows it: its text, and where in the report JSON it
 * comes from (a JSON pointer, RFC 6901). The HTML writes the pointer beside
 * the text, so that a test can check every number against the JSON.
 */
import { drawShare, hhi, hhiDelta, loss, money, pct, pp } from './format.ts';
import type { Report } from './model.ts';

export const FORMATS = {
  pct,
  pp,
  loss,
  hhi,
  hhiDelta,
  /** A share of draws (robustness.md §5): "99%" unless every draw agrees. */
  draws: drawShare,
  /** A count: 1,000. */
  count: (x: number) => Math.round(x).toLocaleString('en-US'),
  money: (x: number, report: Pick<Report, 'graph'>) => money(x, report.graph.currency),
} as const satisfies Record<string, (x: number, report: Pick<Report, 'graph'>) => string>;
export type FigFormat = keyof typeof FORMATS;
/** A figure's text as the reports write it. */
const formatFig = (format: FigFormat, x: number, report: Pick<Report, 'graph'>) => FORMATS[format](x, report);

export interface Fig {
  text: string;
  format: FigFormat;
  /** Pointer to the value; a missing reliance or impact counts as 0. */
  at: string;
  /** For a change: the pointer to the value it is measured from. */
  from?: string;
}

const escapeToken = (t: string | number) => String(t).replace(/~/g, '~0').replace(/\//g, '~1');
export const pointer = (...tokens: (string | number)[]) => tokens.map((t) => `/${escapeToken(t)}`).join('');

/** The value at a pointer, or undefined. */
function resolvePointer(root: unknown, at: string): unknown {
  if (at === '') return root;
  let node: unknown = root;
  for (const raw of at.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** The number a figure shows, as the JSON holds it. */
export function figValue(report: Report, fig: Pick<Fig, 'at' | 'from'>): number {
  const num = (at: string) => {
    const v = resolvePointer(report, at);
    return typeof v === 'number' ? v : 0;
  };
  return fig.from === undefined ? num(fig.at) : num(fig.at) - num(fig.from);
}

export function fig(report: Report, format: FigFormat, at: string, from?: string): Fig {
  const f: Fig = { text: '', format, at, ...(from !== undefined ? { from } : {}) };
  f.text = formatFig(format, figValue(report, f), report);
  return f;
}

/** A sentence of plain text and figures. */
export type Segment = string | Fig;
export const segmentsText = (parts: Segment[]) => parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
