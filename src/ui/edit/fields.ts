/**
 * Form pieces shared by the editors: a labelled field with its error line,
 * the searchable country list, and putting a refused edit's problems next to
 * the fields they name. Text is only ever set with textContent.
 */
import { countryName, isKnownCountry } from '../../model/countries.ts';
import { formatProblem, type Problem } from '../../model/problem.ts';
import type { GraphDocument } from '../../model/schema.ts';
import { problemsByField } from '../../state/edit.ts';
import { h } from '../dom.ts';

let uid = 0;
/** A label, the control and an (empty) error line tied to it with aria-describedby. */
export function field(name: string, label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  const id = control.id || `f-${name}-${++uid}`;
  control.id = id;
  control.name = name;
  const error = h('span', { className: 'field-error', id: `${id}-error`, role: 'alert' });
  control.setAttribute('aria-describedby', `${id}-error`);
  return h('div', { className: 'field', 'data-field': name },
    h('label', { for: id }, label), control,
    hint ? h('small', { className: 'hint' }, hint) : null,
    error);
}

export const textInput = (value: string | undefined, attrs: Record<string, string | boolean> = {}) => h('input', { type: 'text', value: value ?? '', autocomplete: 'off', ...attrs });

export function select(options: [string, string][], value: string, attrs: Record<string, string | boolean | ((e: Event) => void)> = {}): HTMLSelectElement {
  const el = h('select', attrs);
  for (const [v, label] of options) el.append(h('option', { value: v, selected: v === value }, label));
  return el;
}

/** Every ISO 3166-1 code the browser names, once per page. */
let codes: string[] | null = null;
export function countryCodes(): string[] {
  if (!codes) {
    codes = [];
    const A = 'A'.charCodeAt(0);
    for (let i = 0; i < 26; i++) for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      if (isKnownCountry(code)) codes.push(code);
    }
  }
  return codes;
}

/** "Taiwan (TW)": what the country picker shows and reads back. */
export const countryOption = (code: string, doc?: GraphDocument) => `${countryName(code, doc?.attributes.countries)} (${code})`;

/** A datalist of country names with their codes, searchable as you type (the graph's own countries first). */
export function countryList(id: string, doc: GraphDocument): HTMLDataListElement {
  const list = h('datalist', { id });
  const own = Object.keys(doc.attributes.countries ?? {});
  for (const code of [...own, ...countryCodes().filter((c) => !own.includes(c))]) list.append(h('option', { value: countryOption(code, doc) }));
  return list;
}

/**
 * The code in what the user typed: "Taiwan (TW)", "TW", "tw" or "Taiwan".
 * Anything else is passed on as typed, for the engine to refuse with its message.
 */
export function readCountry(text: string, doc: GraphDocument): string {
  const t = text.trim();
  const m = /\(([A-Za-z]{2})\)\s*$/.exec(t) ?? /^([A-Za-z]{2})$/.exec(t);
  if (m) return m[1]!.toUpperCase();
  const byName = [...Object.keys(doc.attributes.countries ?? {}), ...countryCodes()].find((c) => countryName(c, doc.attributes.countries).toLowerCase() === t.toLowerCase());
  return byName ?? t;
}

export function countryInput(code: string | undefined, listId: string, doc: GraphDocument, attrs: Record<string, string | boolean> = {}): HTMLInputElement {
  return textInput(code ? countryOption(code, doc) : '', { list: listId, placeholder: 'Type a country name', ...attrs });
}

/** The inputs (goods) already in the graph, for suggestions. */
export function inputList(id: string, doc: GraphDocument): HTMLDataListElement {
  const list = h('datalist', { id });
  for (const input of [...new Set(doc.edges.map((e) => e.attributes.input))].sort()) list.append(h('option', { value: input }));
  return list;
}

/** Checkboxes citing the graph's sources. */
export function sourcePicker(doc: GraphDocument, cited: string[] | undefined): HTMLElement {
  const sources = doc.attributes.sources ?? [];
  if (sources.length === 0) return h('div', { className: 'field', 'data-field': 'sources' }, h('span', { className: 'label' }, 'Sources'), h('small', { className: 'hint' }, 'No sources yet: add them in the Sources tab.'), h('span', { className: 'field-error', role: 'alert' }));
  const box = h('fieldset', { className: 'field source-picker', 'data-field': 'sources' }, h('legend', {}, 'Sources'));
  // Cited sources first, so that they show without scrolling.
  for (const s of [...sources].sort((p, q) => Number(cited?.includes(q.id) ?? false) - Number(cited?.includes(p.id) ?? false))) {
    box.append(h('label', { className: 'check' }, h('input', { type: 'checkbox', name: 'sources', value: s.id, checked: cited?.includes(s.id) ?? false }), ` ${s.title} `, h('code', {}, s.id)));
  }
  box.append(h('span', { className: 'field-error', role: 'alert' }));
  return box;
}

export const checkedSources = (form: HTMLElement) => [...form.querySelectorAll<HTMLInputElement>('input[name="sources"]:checked')].map((i) => i.value);

/** Optional text: '' means absent. */
export const optional = (v: string) => (v.trim() === '' ? undefined : v);

/** Puts each problem next to its field (or at the form's top when no field matches); clears the old ones. */
export function showProblems(form: HTMLElement, problems: Problem[]): void {
  for (const el of form.querySelectorAll<HTMLElement>('.field-error, .form-error')) el.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const general: Problem[] = [];
  for (const [name, list] of problemsByField(problems)) {
    const box = name ? form.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`) : null;
    const slot = box?.querySelector<HTMLElement>('.field-error');
    if (!box || !slot) {
      general.push(...list);
      continue;
    }
    slot.textContent = list.map(message).join(' ');
    box.querySelector('input, select, textarea')?.setAttribute('aria-invalid', 'true');
  }
  const top = form.querySelector<HTMLElement>('.form-error');
  if (top && general.length) top.textContent = general.map(formatProblem).join('\n');
  // The user sees the first problem: its field (or the form's message) is brought into view and focused.
  const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (first) first.focus();
  else if (top?.textContent) top.scrollIntoView({ block: 'nearest' });
}

/** A problem as a sentence for a field: "Expected …, found …". */
export const message = (p: Problem) => `Expected ${p.expected}, found ${p.found}.`;

export const formError = () => h('p', { className: 'form-error error', role: 'alert' });
