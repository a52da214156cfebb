/** The graph's references: add, change and delete them (a source still cited cannot be deleted: the worker says which node cites it). */
import type { GraphAttributes, Source } from '../../model/schema.ts';
import { h, link, safeHref } from '../dom.ts';
import type { EditContext } from './context.ts';
import { field, formError, optional, textInput } from './fields.ts';

export const SOURCE_FORM = 'source';

export function renderSourcesEditor(ctx: EditContext, editing: string | null, choose: (id: string | null) => void): HTMLElement {
  const attrs = ctx.doc.attributes as GraphAttributes;
  const sources = attrs.sources ?? [];
  const current = editing ? sources.find((s) => s.id === editing) : undefined;
  const list = h('ul', { className: 'source-list', id: 'source-list' });
  for (const s of sources) {
    list.append(h('li', { className: s.id === editing ? 'selected' : '' },
      h('button', { type: 'button', className: 'link', onclick: () => choose(s.id) }, s.title), ' ', h('code', {}, s.id),
      s.url ? h('small', { className: 'muted' }, ' ', safeHref(s.url) ? link(s.url, 'link') : `(${s.url}: not an http or https address)`) : null));
  }
  if (sources.length === 0) list.append(h('li', { className: 'hint' }, 'No source yet.'));

  const input = (name: keyof Source, attrs2: Record<string, string> = {}) => textInput(current?.[name] as string | undefined, { id: `source-${String(name)}`, ...attrs2 });
  const id = input('id', current ? { disabled: 'true' } : { placeholder: 'e.g. sia-2024' });
  const title = input('title');
  const publisher = input('publisher');
  const date = input('date', { placeholder: 'YYYY-MM-DD' });
  const url = input('url', { placeholder: 'https://…' });
  const note = input('note');
  const form = h('form', { className: 'edit-form', id: 'source-form', 'data-form': SOURCE_FORM, novalidate: true },
    h('h3', {}, current ? `Source ${current.id}` : 'New source'),
    formError(),
    h('div', { className: 'row' }, field('id', 'Id', id), field('title', 'Title', title)),
    h('div', { className: 'row' }, field('publisher', 'Publisher', publisher), field('date', 'Date', date)),
    field('url', 'Address (http or https)', url),
    field('note', 'Note', note),
    h('div', { className: 'actions' },
      h('button', { type: 'submit', className: 'primary', id: 'source-save' }, current ? 'Save source' : 'Add source'),
      current ? h('button', { type: 'button', id: 'source-delete', onclick: () => ctx.submit(SOURCE_FORM, { type: 'setGraphAttributes', attributes: { ...attrs, sources: sources.filter((s) => s !== current) } }, `delete source ${current.id}`, () => choose(null)) }, 'Delete source') : null,
      current ? h('button', { type: 'button', className: 'ghost', onclick: () => choose(null) }, 'New source') : null));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next: Source = { ...(current ?? {}), id: current?.id ?? id.value.trim(), title: title.value.trim() };
    for (const [name, el] of [['publisher', publisher], ['date', date], ['url', url], ['note', note]] as const) {
      const v = optional(el.value);
      if (v === undefined) delete next[name];
      else next[name] = v.trim();
    }
    const list2 = current ? sources.map((s) => (s === current ? next : s)) : [...sources, next];
    ctx.submit(SOURCE_FORM, { type: 'setGraphAttributes', attributes: { ...attrs, sources: list2 } }, `${current ? 'edit' : 'add'} source ${next.id}`, () => choose(next.id));
  });
  return h('div', { className: 'sources-editor' }, list, form);
}

/** Problems of a source edit name `attributes.sources[3].title`: the field is what follows the index. */
export const sourceRelativePath = (path: string) => path.replace(/^attributes\.sources\[\d+\]\.?/, '');
