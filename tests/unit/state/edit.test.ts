import { describe, expect, it } from 'vitest';
import * as A from '../../../src/state/app-state.ts';
import * as E from '../../../src/state/edit.ts';
import { Engine } from '../../../src/worker/engine.ts';
import type { EditOutcome, LoadedGraph } from '../../../src/worker/protocol.ts';
import { makeDoc } from '../../helpers/load.ts';

const doc = makeDoc([['fab', 'foundry', 'TW'], ['vendor', 'supplier', 'US'], ['buyer', 'demand', 'JP']], [['fab', 'vendor', 'logic-fab', 10], ['vendor', 'buyer', 'chips', 5]]);

function loaded(): { state: A.AppState; engine: Engine } {
  const engine = new Engine();
  const r = engine.load(JSON.stringify(doc), 'g.json');
  if (!r.ok) throw new Error('load failed');
  return { engine, state: A.loadFinished(A.initialState(), 'g.json', r) };
}

describe('editing state', () => {
  it('a load starts a new history and a new revision to save', () => {
    const { state } = loaded();
    expect(state.edit.history).toEqual(E.NO_HISTORY);
    expect(state.edit.revision).toBe(1);
    expect(E.unsaved(state.edit)).toBe(true);
    const saved = E.saveFinished(E.saveStarted(state), 1, { ok: true, at: 5 });
    expect(E.unsaved(saved.edit)).toBe(false);
    expect(saved.edit.save).toEqual({ status: 'saved', at: 5 });
    const failed = E.saveFinished(state, 1, { ok: false, message: 'quota' });
    expect(failed.edit.save).toEqual({ status: 'error', message: 'quota' });
    expect(E.unsaved(failed.edit)).toBe(true);
  });

  it('a refused edit keeps the graph and shows its problems by field', () => {
    const { state, engine } = loaded();
    const started = E.editStarted(state);
    expect(started.edit.pending).toBe(1);
    const answer = engine.edit({ type: 'updateEdge', key: '~0', attributes: { input: 'logic-fab', value: -1 } }, 'value');
    const after = E.editFinished(started, 'flow', answer);
    expect(after.loaded).toBe(state.loaded);
    expect(after.view).toBe(state.view);
    expect(after.edit.pending).toBe(0);
    expect(after.edit.revision).toBe(state.edit.revision);
    expect(after.edit.problems?.form).toBe('flow');
    expect([...E.problemsByField(after.edit.problems!.problems).keys()]).toEqual(['value']);
    const lost = E.editFinished(started, 'flow', { ok: false, message: 'the engine stopped' });
    expect(lost.edit.problems!.problems[0]!.found).toBe('the engine stopped');
  });

  it('an accepted edit replaces the report and keeps what still exists', () => {
    const { state, engine } = loaded();
    let s = A.select(A.failNode(state, 'vendor'), { type: 'node', key: 'vendor' });
    s = E.editStarted(s);
    const answer: EditOutcome = engine.edit({ type: 'removeNode', key: 'vendor' }, 'delete Vendor');
    const after = E.editFinished(s, 'node', answer);
    expect(after.loaded!.file).toBe('g.json');
    expect(after.loaded!.document.nodes.map((n) => n.key)).toEqual(['fab', 'buyer']);
    expect(after.selection).toBeNull();
    expect(after.failure.nodes).toEqual([]);
    expect(after.whatIf.status).toBe('idle');
    expect(after.view.status).toBe('idle');
    expect(after.edit.history).toEqual({ undo: 'delete Vendor', redo: null, edits: 1 });
    expect(after.edit.revision).toBe(s.edit.revision + 1);
    expect(after.demand).toBe('buyer');
  });

  it('falls back to baseline when the scenario shown was deleted', () => {
    const { state } = loaded();
    const s = { ...state, scenario: 'gone', compare: true };
    const l = state.loaded as LoadedGraph;
    const after = E.editFinished(s, 'scenario', { ok: true, loaded: l, history: E.NO_HISTORY });
    expect(after.scenario).toBe(A.BASELINE);
    expect(after.compare).toBe(false);
  });

  it('maps problem paths to form fields', () => {
    const p = (path: string) => ({ severity: 'error' as const, path, expected: 'x', found: 'y' });
    const by = E.problemsByField([p('attributes.country'), p('key'), p('[2].attributes.value'), p(''), p('attributes.sources[1]')]);
    expect([...by.keys()]).toEqual(['country', 'key', 'value', '', 'sources']);
  });
});

describe('changes the panels leave alone', () => {
  it("are the editing's own: an edit on its way and the autosave's status, not an edit's answer", () => {
    const { state, engine } = loaded();
    const started = E.editStarted(state);
    expect(E.onlyEditingChanged(started, state)).toBe(true);
    const saving = E.saveStarted(started);
    expect(E.onlyEditingChanged(saving, started)).toBe(true);
    expect(E.onlyEditingChanged(E.saveFinished(saving, 1, { ok: true, at: 1 }), saving)).toBe(true);
    const answer = engine.edit({ type: 'removeEdge', key: engine.view('baseline').document.edges[0]!.key! }, 'remove');
    const finished = E.editFinished(started, 'flow', answer);
    expect(E.onlyEditingChanged(finished, started)).toBe(false);
    expect(E.onlyEditingChanged(A.select(state, { type: 'node', key: 'fab' }), state)).toBe(false);
    expect(E.onlyEditingChanged(state, state)).toBe(false);
  });
});
