import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  currentReport, failCountry, failNode, initialState, loadFinished, loadStarted, relianceOf, resetWhatIf, restore,
  selectDemand, selectScenario, toggleKind, viewFinished, whatIfFinished, type AppState,
} from '../../../src/state/app-state.ts';
import { createStore } from '../../../src/state/store.ts';
import { Engine } from '../../../src/worker/engine.ts';
import { repoPath } from '../../helpers/load.ts';

const text = readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8');
const engine = new Engine();
const outcome = engine.load(text, 'japan-us-taiwan.json');

function loaded(): AppState {
  return loadFinished(loadStarted(initialState(), 'japan-us-taiwan.json'), 'japan-us-taiwan.json', outcome);
}

describe('app state', () => {
  it('a failed load keeps the current graph and says why', () => {
    const s = loaded();
    const problems = [{ severity: 'error' as const, path: 'nodes', expected: 'an array', found: 'a number' }];
    const after = loadFinished(loadStarted(s, 'bad.json'), 'bad.json', { ok: false, problems });
    expect(after.loaded).toBe(s.loaded);
    expect(after.load).toEqual({ status: 'error', file: 'bad.json', problems });
  });

  it('opens on a Japanese demand node and the graph focus foundry:TW', () => {
    const s = loaded();
    expect(s.load.status).toBe('done');
    expect(s.demand).toBe('jp-ai-datacenter');
    expect(s.focus).toBe('foundry:TW');
    const r = relianceOf(currentReport(s), s.demand, s.focus)!;
    expect(r).toBeGreaterThan(0.5);
    expect(r).toBeLessThanOrEqual(1);
  });

  it('switches scenarios only to ones the file has, and drops late results of another scenario', () => {
    const s = loaded();
    expect(selectScenario(s, 'nope')).toBe(s);
    const t = selectScenario(s, 'combined');
    expect(t.scenario).toBe('combined');
    expect(relianceOf(currentReport(t), 'jp-ai-datacenter', 'foundry:TW')).not.toBe(relianceOf(currentReport(s), 'jp-ai-datacenter', 'foundry:TW'));
    const late = viewFinished(t, { ok: true, view: engine.view('baseline') });
    expect(late).toBe(t);
    const fresh = viewFinished(t, { ok: true, view: engine.view('combined') });
    expect(fresh.view.status).toBe('done');
    expect(selectDemand(t, 'no-such-node')).toBe(t);
    expect(selectDemand(t, 'us-buyers').demand).toBe('us-buyers');
  });

  it('what-if: fail, restore, reset; a result for another failure is dropped', () => {
    let s = failNode(loaded(), 'tsmc-tw');
    expect(s.whatIf.status).toBe('running');
    expect(failNode(s, 'tsmc-tw')).toBe(s);
    const stale = engine.whatIf('baseline', { nodes: ['other'], countries: [] });
    expect(whatIfFinished(s, { ok: true, value: stale })).toBe(s);
    s = whatIfFinished(s, { ok: true, value: engine.whatIf('baseline', s.failure) });
    expect(s.whatIf.status).toBe('done');
    s = failCountry(s, 'TW');
    expect(s.failure).toEqual({ nodes: ['tsmc-tw'], countries: ['TW'] });
    s = restore(s, { node: 'tsmc-tw' });
    expect(s.failure.nodes).toEqual([]);
    expect(s.whatIf.status).toBe('running');
    s = restore(s, { country: 'TW' });
    expect(s.whatIf.status).toBe('idle');
    expect(resetWhatIf(failNode(s, 'x')).failure).toEqual({ nodes: [], countries: [] });
    expect(whatIfFinished(s, { ok: false, message: 'boom' }).whatIf).toEqual({ status: 'error', message: 'boom' });
  });

  it('toggles kind filters', () => {
    const s = toggleKind(loaded(), 'chemical');
    expect(s.filters.hiddenKinds).toEqual(['chemical']);
    expect(toggleKind(s, 'chemical').filters.hiddenKinds).toEqual([]);
  });

  it('the store tells listeners of changes only', () => {
    const store = createStore();
    const seen: string[] = [];
    const stop = store.subscribe((s) => seen.push(s.layout));
    store.update((s) => s);
    store.update((s) => ({ ...s, layout: 'geographic' }));
    stop();
    store.update((s) => ({ ...s, layout: 'force' }));
    expect(seen).toEqual(['geographic']);
  });
});

describe('the store', () => {
  it('tells listeners of an update made inside a listener after the current round, in order', () => {
    const store = createStore();
    const seen: [string, string][] = [];
    store.subscribe((s, prev) => {
      seen.push([prev.layout, s.layout]);
      if (s.layout === 'geographic') store.update((t) => ({ ...t, layout: 'force' }));
    });
    store.update((s) => ({ ...s, layout: 'geographic' }));
    expect(seen).toEqual([['tiered', 'geographic'], ['geographic', 'force']]);
    expect(store.get().layout).toBe('force');
  });

  it('switching scenario recomputes a what-if in progress', () => {
    const s = selectScenario(failNode(loaded(), 'tsmc-tw'), 'combined');
    expect(s.whatIf.status).toBe('running');
    expect(s.failure.nodes).toEqual(['tsmc-tw']);
  });
});
