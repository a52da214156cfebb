/**
 * The scenario editor: create, rename, duplicate and delete scenarios; add,
 * change, reorder and remove their operations. Every change is one
 * setGraphAttributes edit built by src/edit/scenarios.ts, checked by the
 * worker (ids, sources, and that every scenario still applies).
 */
import * as S from '../../edit/scenarios.ts';
import { OPERATION_NAMES, type GraphAttributes, type Operation, type OperationName } from '../../model/schema.ts';
import { describeOp } from '../../report/ops-text.ts';
import { h } from '../dom.ts';
import type { EditContext } from './context.ts';
import { field, formError, select, textInput } from './fields.ts';
import { OP_NAMES, opFields } from './op-form.ts';

export const SCENARIO_FORM = 'scenario';
export const OP_FORM = 'operation';

export interface ScenarioEditorState {
  scenario: string | null;
  /** The operation being changed; null: a new one. */
  opIndex: number | null;
  opType: OperationName;
}

export interface ScenarioEditorActions {
  change(next: Partial<ScenarioEditorState>): void;
  /** Shows a scenario in the app, compared with baseline. */
  show(id: string): void;
}

export function renderScenarioEditor(ctx: EditContext, st: ScenarioEditorState, act: ScenarioEditorActions): HTMLElement {
  const attrs = ctx.doc.attributes as GraphAttributes;
  const scenarios = attrs.scenarios ?? [];
  const current = scenarios.find((s) => s.id === st.scenario) ?? scenarios[0];
  const currency = attrs.currency ?? 'USD';
  const send = (form: string, attributes: GraphAttributes, label: string, then?: () => void) => ctx.submit(form, { type: 'setGraphAttributes', attributes }, label, then);

  const newLabel = textInput('', { id: 'scenario-new-label', placeholder: 'e.g. Taiwan Strait blockade' });
  const create = h('form', { className: 'edit-form inline', id: 'scenario-new' , novalidate: true},
    field('new-label', 'New scenario', newLabel),
    h('button', { type: 'submit', id: 'scenario-create' }, 'Create'));
  create.addEventListener('submit', (e) => {
    e.preventDefault();
    const label = newLabel.value.trim() || 'New scenario';
    const { attributes, id } = S.addScenario(attrs, label);
    send(SCENARIO_FORM, attributes, `new scenario ${label}`, () => {
      act.change({ scenario: id, opIndex: null });
      act.show(id);
    });
  });

  const out = h('div', { className: 'scenario-editor', 'data-form': SCENARIO_FORM }, formError());
  if (!current) {
    out.append(h('p', { className: 'hint' }, 'No scenario yet. A scenario is a list of changes to the graph (a node removed, a flow cut, purchases shifted…); the app shows its figures next to baseline.'), create);
    return out;
  }

  const pick = select(scenarios.map((s) => [s.id, s.label]), current.id, { id: 'scenario-edit-pick', onchange: (e: Event) => act.change({ scenario: (e.target as HTMLSelectElement).value, opIndex: null }) });
  const label = textInput(current.label, { id: 'scenario-label' });
  const description = h('textarea', { id: 'scenario-description', rows: '2' });
  description.value = current.description ?? '';
  const meta = h('form', { className: 'edit-form', id: 'scenario-meta', novalidate: true },
    h('div', { className: 'row' }, field('pick', 'Scenario', pick), field('label', 'Label', label)),
    field('description', 'Description', description),
    h('div', { className: 'actions' },
      h('button', { type: 'submit', id: 'scenario-rename' }, 'Save label'),
      h('button', { type: 'button', id: 'scenario-duplicate', onclick: () => {
        const { attributes, id } = S.duplicateScenario(attrs, current.id);
        send(SCENARIO_FORM, attributes, `duplicate ${current.label}`, () => act.change({ scenario: id, opIndex: null }));
      } }, 'Duplicate'),
      h('button', { type: 'button', id: 'scenario-delete', onclick: () => send(SCENARIO_FORM, S.deleteScenario(attrs, current.id), `delete scenario ${current.label}`, () => act.change({ scenario: null, opIndex: null })) }, 'Delete'),
      h('button', { type: 'button', className: 'ghost', onclick: () => act.show(current.id) }, 'Compare with baseline'),
    ));
  meta.addEventListener('submit', (e) => {
    e.preventDefault();
    const change: { label: string; description?: string } = { label: label.value.trim() };
    const next = S.updateScenario(attrs, current.id, change);
    const i = scenarios.indexOf(current);
    const edited = next.scenarios![i]!;
    if (description.value.trim()) edited.description = description.value;
    else delete edited.description;
    send(SCENARIO_FORM, next, `rename scenario ${current.label}`);
  });

  const ops = h('ol', { className: 'ops', id: 'scenario-ops' });
  current.ops.forEach((op, i) => {
    ops.append(h('li', { className: st.opIndex === i ? 'selected' : '' },
      h('span', { className: 'op-text' }, describeOp(op, currency)),
      h('span', { className: 'op-buttons' },
        h('button', { type: 'button', className: 'small', 'aria-label': `Change operation ${i + 1}`, onclick: () => act.change({ opIndex: i, opType: op.op }) }, 'Edit'),
        h('button', { type: 'button', className: 'small', 'aria-label': `Move operation ${i + 1} up`, disabled: i === 0, onclick: () => send(OP_FORM, S.moveOperation(attrs, current.id, i, i - 1), 'move operation') }, '↑'),
        h('button', { type: 'button', className: 'small', 'aria-label': `Move operation ${i + 1} down`, disabled: i === current.ops.length - 1, onclick: () => send(OP_FORM, S.moveOperation(attrs, current.id, i, i + 1), 'move operation') }, '↓'),
        h('button', { type: 'button', className: 'small', 'aria-label': `Remove operation ${i + 1}`, onclick: () => send(OP_FORM, S.removeOperation(attrs, current.id, i), 'remove operation', () => act.change({ opIndex: null })) }, '×'),
      )));
  });
  if (current.ops.length === 0) ops.append(h('li', { className: 'hint' }, 'No operation yet: the scenario is the baseline.'));

  const editing = st.opIndex !== null ? current.ops[st.opIndex] : undefined;
  const type = editing ? editing.op : st.opType;
  const typeSelect = select(OPERATION_NAMES.map((t) => [t, OP_NAMES[t]]), type, { id: 'op-type', disabled: !!editing, onchange: (e: Event) => act.change({ opType: (e.target as HTMLSelectElement).value as OperationName }) });
  const fields = opFields(type, ctx.doc, editing);
  const opForm = h('form', { className: 'edit-form', id: 'op-form', 'data-form': OP_FORM, novalidate: true },
    h('h4', {}, editing ? `Operation ${st.opIndex! + 1}` : 'Add an operation'),
    formError(),
    field('op', 'Operation', typeSelect),
    fields.element,
    h('div', { className: 'actions' },
      h('button', { type: 'submit', className: 'primary', id: 'op-save' }, editing ? 'Save operation' : 'Add operation'),
      editing ? h('button', { type: 'button', className: 'ghost', onclick: () => act.change({ opIndex: null }) }, 'Cancel') : null));
  opForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const op: Operation = fields.read();
    const next = editing ? S.replaceOperation(attrs, current.id, st.opIndex!, op) : S.insertOperation(attrs, current.id, op);
    send(OP_FORM, next, `${editing ? 'change' : 'add'} operation in ${current.label}`, () => {
      act.change({ opIndex: null });
      act.show(current.id);
    });
  });

  out.append(meta, h('h4', {}, 'Operations, applied in order'), ops, opForm, create);
  return out;
}

/** Problem paths of an operation edit, made relative to the operation: `attributes.scenarios[1].ops[2].value` → `value`. */
export const opRelativePath = (path: string) => path.replace(/^attributes\.scenarios\[\d+\]\.ops\[\d+\]\.?/, '');
