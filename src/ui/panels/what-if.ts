/**
 * What-if as a shock builder (metrics.md §8): fail or partly fail a node, a
 * company, a country or a kind in a country, each with the capacity it keeps
 * (0–100%); take one of the file's shocks; save the what-if as a shock. Each
 * buyer's supply lost, as the engine computed it.
 */
import { loss, pct } from '../../report/format.ts';
import type { AppState } from '../../state/app-state.ts';
import type { PartType } from '../../state/shock-builder.ts';
import type { GraphDocument, Selector } from '../../model/schema.ts';
import { capacityOf, partKey } from '../../worker/what-if-hits.ts';
import { methodLink } from '../method-link.ts';
import { h } from '../dom.ts';
import { countryLabel } from '../words.ts';
import { keptScan, SCAN_STEP } from '../next-task.ts';

export interface WhatIfActions {
  restoreNode(key: string): void;
  restoreCountry(code: string): void;
  reset(): void;
  selectNode(key: string): void;
  failPart(type: PartType | 'country', value: string): void;
  restorePart(type: PartType, value: string): void;
  setCapacity(part: string, capacity: number): void;
  takeShock(id: string | null): void;
  dropHit(i: number): void;
  saveShock(label: string): void;
}

/**
 * Companies, countries and kind:country sets of a document, sorted (kept per document: a big graph is read once;
 * its steps are warmed while a big graph's figures are computed: warm-document.ts).
 */
export const documentParts = keptScan((doc: GraphDocument) => doc, function* (doc): Generator<void, { companies: string[]; countries: string[]; kindCountries: string[] }> {
  const companies = new Set<string>();
  const countries = new Set<string>();
  const kindCountries = new Set<string>();
  const nodes = doc.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const a = nodes[i]!.attributes;
    if (a.company) companies.add(a.company);
    if (a.kind !== 'demand') {
      countries.add(a.country);
      kindCountries.add(`${a.kind}:${a.country}`);
    }
    if ((i + 1) % SCAN_STEP === 0) yield;
  }
  const sorted = (x: Set<string>) => [...x].sort();
  return { companies: sorted(companies), countries: sorted(countries), kindCountries: sorted(kindCountries) };
});
const partsOf = documentParts.now;

const selectorText = (w: Selector) => Object.entries(w).map(([f, v]) => `${f} ${([] as string[]).concat(v).join(' or ')}`).join(', ');

/** A capacity control: 0–100% in steps of 5, committed when let go (or by the keyboard). */
function capacityControl(part: string, label: string, capacity: number, act: WhatIfActions): HTMLElement {
  const out = h('output', { className: 'capacity-value' }, capacity === 0 ? 'stops' : `keeps ${pct(capacity)}`);
  const input = h('input', {
    type: 'range', min: 0, max: 100, step: 5, value: Math.round(capacity * 100), className: 'capacity', 'data-part': part, 'data-focus': `cap:${part}`,
    'aria-label': `Capacity ${label} keeps (0 to 100%)`,
    oninput: () => (out.textContent = Number(input.value) === 0 ? 'stops' : `keeps ${input.value}.0%`),
    onchange: () => act.setCapacity(part, Number(input.value) / 100),
  });
  return h('span', { className: 'capacity-control' }, input, out);
}

function chip(text: string, part: string, capacity: number, restore: () => void, act: WhatIfActions): HTMLElement {
  return h('li', { 'data-part': part }, h('span', { className: 'chip-label' }, text), ' ', capacityControl(part, text, capacity, act),
    h('button', { type: 'button', className: 'small ghost', 'aria-label': `Restore ${text}`, onclick: restore }, 'restore'));
}

const PART_TYPES: [PartType | 'country', string][] = [['kindCountry', 'a kind in a country'], ['country', 'a country'], ['company', 'a company']];

function addForm(s: AppState, act: WhatIfActions): HTMLElement | null {
  if (!s.loaded) return null;
  const parts = partsOf(s.loaded.document);
  const type = h('select', { id: 'hit-type', 'aria-label': 'What to hit' }, ...PART_TYPES.map(([v, t]) => h('option', { value: v }, t)));
  const value = h('select', { id: 'hit-value', 'aria-label': 'Which one' });
  const fillValues = () => {
    const list = type.value === 'company' ? parts.companies : type.value === 'country' ? parts.countries : parts.kindCountries;
    value.replaceChildren(...list.map((v) => h('option', { value: v }, type.value === 'country' ? countryLabel(v) : type.value === 'kindCountry' ? `${v.split(':')[0]} in ${countryLabel(v.split(':')[1]!)}` : v)));
  };
  type.addEventListener('change', fillValues);
  fillValues();
  return h('div', { className: 'hit-add' }, 'Hit ', type, ' ', value, ' ',
    h('button', { type: 'button', className: 'small', id: 'hit-add', onclick: () => value.value && act.failPart(type.value as PartType | 'country', value.value) }, 'Add'),
    h('span', { className: 'hint' }, ' or fail a node from its inspector.'));
}

function shockPicker(s: AppState, act: WhatIfActions): HTMLElement | null {
  const shocks = s.loaded?.document.attributes.shocks ?? [];
  if (shocks.length === 0) return null;
  const select = h('select', { id: 'shock-pick', 'aria-label': "The file's shocks", onchange: () => act.takeShock(select.value || null) },
    h('option', { value: '' }, 'your own'),
    ...shocks.map((x) => h('option', { value: x.id, selected: s.failure.shock === x.id }, x.label)));
  return h('label', { className: 'shock-pick' }, "File's shock: ", select);
}

export function renderWhatIf(s: AppState, labelOf: (key: string) => string, act: WhatIfActions): HTMLElement | null {
  if (!s.loaded) return null;
  const f = s.failure;
  const chips = h('ul', { className: 'chips', 'aria-label': 'Hit' });
  for (const n of f.nodes) chips.append(chip(labelOf(n), partKey.node(n), capacityOf(f, partKey.node(n)), () => act.restoreNode(n), act));
  for (const c of f.countries) chips.append(chip(`all of ${countryLabel(c)}`, partKey.country(c), capacityOf(f, partKey.country(c)), () => act.restoreCountry(c), act));
  for (const c of f.companies ?? []) chips.append(chip(`company ${c}`, partKey.company(c), capacityOf(f, partKey.company(c)), () => act.restorePart('company', c), act));
  for (const kc of f.kindCountries ?? []) {
    const [kind, country] = kc.split(':') as [string, string];
    chips.append(chip(`${kind} in ${countryLabel(country)}`, partKey.kindCountry(kc), capacityOf(f, partKey.kindCountry(kc)), () => act.restorePart('kindCountry', kc), act));
  }
  (f.hits ?? []).forEach((hit, i) => chips.append(chip(selectorText(hit.where), `hit:${i}`, hit.capacity, () => act.dropHit(i), act)));
  const any = chips.childElementCount > 0;
  const section = h('section', { className: 'panel what-if', id: 'what-if', 'aria-labelledby': 'whatif-title', 'aria-live': 'polite' },
    h('div', { className: 'panel-head' }, h('h2', { id: 'whatif-title' }, 'What if these stop, or run at part?'), any ? h('button', { type: 'button', className: 'small', id: 'reset-what-if', onclick: () => act.reset() }, 'Reset') : null),
    shockPicker(s, act),
    addForm(s, act),
    any ? chips : null,
  );
  if (s.whatIf.status === 'running') section.append(h('p', { className: 'hint' }, 'Computing…'));
  if (s.whatIf.status === 'error') section.append(h('p', { className: 'error' }, s.whatIf.message));
  if (s.whatIf.status === 'done' && any) {
    const table = h('table', { className: 'figures', id: 'what-if-table' },
      h('caption', {}, 'Share of each buyer’s supply lost, with no rerouting (', methodLink('metrics.md §8', 8), '); a minus sign: less supply. A buyer’s own capacity is left out: it measures the supply that reaches it.'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Buyer'), h('th', { scope: 'col', className: 'num' }, 'Supply lost'))),
    );
    const body = h('tbody');
    for (const d of s.whatIf.value.demandLoss) {
      body.append(h('tr', { 'data-key': d.demand, className: d.demand === s.demand ? 'selected' : '' },
        h('th', { scope: 'row' }, h('button', { type: 'button', className: 'link', onclick: () => act.selectNode(d.demand) }, d.label)),
        h('td', { className: `num${d.loss > 0 ? ' loss' : ''}`, 'data-loss': String(d.loss) }, h('span', { className: 'inline-bar loss', style: `width:${(40 * d.loss).toFixed(1)}px`, 'aria-hidden': 'true' }), loss(d.loss)),
      ));
    }
    table.append(body);
    section.append(table);
    const label = h('input', { type: 'text', id: 'shock-label', 'aria-label': 'Name of the shock to save', placeholder: 'Name this shock', maxlength: 200 });
    section.append(h('div', { className: 'shock-save' }, label, ' ',
      h('button', { type: 'button', className: 'small', id: 'shock-save', onclick: () => label.value.trim() && act.saveShock(label.value.trim()) }, 'Save as shock')));
  }
  return section;
}
