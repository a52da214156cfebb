/**
 * Search with suggestions: a combobox (ARIA 1.2 pattern) over node labels,
 * keys, companies and countries. Typing highlights the matches on the graph;
 * arrows move through the suggestions, Enter or a click picks one.
 */
import { h } from './dom.ts';

export interface SearchEntry {
  key: string;
  label: string;
  detail: string;
  haystack: string;
}

export interface SearchBox {
  element: HTMLElement;
  /** The entries, or how to make them: made at the first search (10,000 of them are a long task while a graph opens). */
  setEntries(entries: SearchEntry[] | (() => SearchEntry[])): void;
  destroy(): void;
}

export function matchEntries(entries: SearchEntry[], query: string, limit = 8): SearchEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits = entries.filter((e) => e.haystack.includes(q));
  // Matches at the start of the label first.
  return hits.sort((a, b) => Number(!a.label.toLowerCase().startsWith(q)) - Number(!b.label.toLowerCase().startsWith(q)) || a.label.localeCompare(b.label)).slice(0, limit);
}

export function createSearch(act: { onQuery(matches: string[] | null): void; onPick(key: string): void }): SearchBox {
  let made: SearchEntry[] | (() => SearchEntry[]) = [];
  const entries = () => (typeof made === 'function' ? (made = made()) : made);
  let current: SearchEntry[] = [];
  let active = -1;
  const input = h('input', {
    type: 'search', id: 'search', placeholder: 'Find a node…', autocomplete: 'off', spellcheck: 'false',
    role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'search-list', 'aria-label': 'Find a node',
  });
  const list = h('ul', { id: 'search-list', role: 'listbox', className: 'suggestions', hidden: true });
  const show = () => {
    list.replaceChildren();
    current.forEach((e, i) => {
      const li = h('li', { role: 'option', id: `search-opt-${i}`, 'aria-selected': String(i === active), 'data-key': e.key }, e.label, h('small', {}, e.detail));
      li.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        pick(i);
      });
      list.append(li);
    });
    list.hidden = current.length === 0;
    input.setAttribute('aria-expanded', String(current.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-opt-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const pick = (i: number) => {
    const e = current[i];
    if (!e) return;
    input.value = e.label;
    current = [];
    active = -1;
    show();
    act.onQuery(null);
    act.onPick(e.key);
  };
  input.addEventListener('input', () => {
    // One match for both: the graph's highlights (up to 1,000) and the list's first eight, in the same order.
    const matches = matchEntries(entries(), input.value, 1000);
    current = matches.slice(0, 8);
    active = current.length ? 0 : -1;
    show();
    act.onQuery(input.value.trim() ? matches.map((e) => e.key) : null);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && current.length) {
      active = (active + 1) % current.length;
      show();
      ev.preventDefault();
    } else if (ev.key === 'ArrowUp' && current.length) {
      active = (active - 1 + current.length) % current.length;
      show();
      ev.preventDefault();
    } else if (ev.key === 'Enter') {
      pick(Math.max(0, active));
      ev.preventDefault();
    } else if (ev.key === 'Escape') {
      input.value = '';
      current = [];
      active = -1;
      show();
      act.onQuery(null);
    }
  });
  const onBlur = () => {
    current = [];
    show();
  };
  input.addEventListener('blur', onBlur);
  return {
    element: h('div', { className: 'search' }, input, list),
    setEntries(next) {
      made = next;
    },
    destroy() {
      input.removeEventListener('blur', onBlur);
    },
  };
}
