/** Test helpers: the figures an HTML report shows, and their values read from the report JSON by hand. */
import { drawShare, hhi, hhiDelta, loss, money, pct, pp } from '../../../src/report/format.ts';

export interface ShownFigure {
  format: string;
  at: string;
  from?: string;
  text: string;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export function shownFigures(html: string): ShownFigure[] {
  const re = /<(span|tspan) class="fig" data-format="(\w+)" data-at="([^"]*)"(?: data-from="([^"]*)")?>([^<]*)<\/\1>/g;
  return [...html.matchAll(re)].map((m) => ({ format: m[2]!, at: unescape(m[3]!), ...(m[4] !== undefined ? { from: unescape(m[4]) } : {}), text: unescape(m[5]!) }));
}

/** RFC 6901, written again here so that the test does not trust the code under test. */
export function at(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The text a figure must show, from the JSON report. Missing reliance or impact counts as 0 (metrics.md §6). */
export function expectedText(json: { graph: { currency: string } }, f: ShownFigure): string {
  const value = (p: string) => {
    const v = at(json, p);
    return typeof v === 'number' ? v : 0;
  };
  const x = f.from === undefined ? value(f.at) : value(f.at) - value(f.from);
  switch (f.format) {
    case 'pct':
      return pct(x);
    case 'pp':
      return pp(x);
    case 'hhi':
      return hhi(x);
    case 'hhiDelta':
      return hhiDelta(x);
    case 'money':
      return money(x, json.graph.currency);
    case 'loss':
      return loss(x);
    case 'draws':
      return drawShare(x);
    case 'count':
      return Math.round(x).toLocaleString('en-US');
    default:
      throw new Error(`unknown format ${f.format}`);
  }
}
