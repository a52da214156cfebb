/** A figure in markup: its text, with the JSON pointer it comes from in data attributes (checked by the tests). */
import type { Fig, Segment } from './fig.ts';
import { esc } from './html-escape.ts';

export function figMarkup(f: Fig, tag: 'span' | 'tspan' = 'span'): string {
  const from = f.from === undefined ? '' : ` data-from="${esc(f.from)}"`;
  return `<${tag} class="fig" data-format="${f.format}" data-at="${esc(f.at)}"${from}>${esc(f.text)}</${tag}>`;
}

export const segmentsMarkup = (parts: Segment[], tag: 'span' | 'tspan' = 'span') => parts.map((p) => (typeof p === 'string' ? esc(p) : figMarkup(p, tag))).join('');
