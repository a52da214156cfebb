/** The app state for big graphs: the graph drawn before its figures (preview), and betweenness with progress and Cancel. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  betweennessCancelled, betweennessFinished, betweennessProgressed, betweennessStarted, initialState, loadFinished, loadStarted,
  previewArrived, previewDropped, select, setSizeBy, type AppState,
} from '../../../src/state/app-state.ts';
import { Engine } from '../../../src/worker/engine.ts';
import type { GraphView } from '../../../src/worker/protocol.ts';
import { makeDoc, repoPath } from '../../helpers/load.ts';

const text = readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8');

function opened(): { s: AppState; engine: Engine } {
  const engine = new Engine();
  const s = loadFinished(loadStarted(initialState(), 'japan-us-taiwan.json'), 'japan-us-taiwan.json', engine.load(text, 'japan-us-taiwan.json'));
  return { s, engine };
}

describe('the graph drawn before its figures', () => {
  const other = JSON.stringify(makeDoc([['a', 'foundry', 'TW'], ['d', 'demand', 'JP']], [['a', 'd', 'chips', 1]]));

  it('shows the preview at once, keeps the graph before until the figures come, then keeps the preview as the view', () => {
    const { s, engine } = opened();
    const views: GraphView[] = [];
    const r = engine.handle({ type: 'open', id: 1, files: [{ name: 'small.json', bytes: new TextEncoder().encode(other) }], file: 'small.json' }, () => {}, (v) => views.push(v));
    expect(views).toHaveLength(1);
    const shown = previewArrived(select(s, { type: 'node', key: 'tsmc-tw' }), 'small.json', views[0]!);
    expect(shown.preview).toBe('small.json');
    expect(shown.loaded).toBe(s.loaded);
    expect(shown.selection).toBeNull();
    expect(shown.view).toEqual({ status: 'done', value: views[0] });
    if (r.type !== 'open' || r.result.status !== 'loaded') throw new Error('expected a loaded graph');
    const done = loadFinished(shown, 'small.json', { ok: true, loaded: r.result.loaded });
    expect(done.preview).toBeNull();
    expect(done.loaded?.file).toBe('small.json');
    // The same view object: the page neither asks for it again nor builds the graph twice.
    expect(done.view).toBe(shown.view);
    // Without a preview, a load asks for the view.
    expect(loadFinished(s, 'small.json', { ok: true, loaded: r.result.loaded }).view).toEqual({ status: 'idle' });
  });

  it('a failed open after its preview draws the graph in hand again', () => {
    const { s, engine } = opened();
    const view = engine.view('baseline');
    const shown = previewArrived(s, 'x.json', { ...view });
    const failed = loadFinished(shown, 'x.json', { ok: false, problems: [{ severity: 'error', path: '', expected: 'x', found: 'y' }] });
    expect(failed.preview).toBeNull();
    expect(failed.view).toEqual({ status: 'idle' });
    expect(failed.loaded).toBe(s.loaded);
    expect(previewDropped(s)).toBe(s);
  });

  it('ignores a preview of a scenario (only a baseline view is one)', () => {
    const { s, engine } = opened();
    expect(previewArrived(s, 'x.json', { ...engine.view('baseline'), scenario: 'combined' })).toBe(s);
  });
});

describe('betweenness', () => {
  it('keeps progress while running only, and Cancel goes back to sizes by impact', () => {
    const { s } = opened();
    const running = betweennessStarted(setSizeBy(s, 'betweenness'));
    expect(betweennessProgressed(s, 1, 2)).toBe(s);
    const half = betweennessProgressed(running, 500, 1000);
    expect(half.betweennessProgress).toEqual({ done: 500, total: 1000 });
    const cancelled = betweennessCancelled(half);
    expect(cancelled.sizeBy).toBe('impact');
    expect(cancelled.betweenness).toEqual({ status: 'idle' });
    expect(cancelled.betweennessProgress).toBeNull();
    expect(betweennessCancelled(s)).toBe(s);
  });

  it('says when the values are an estimate, and drops those of another scenario', () => {
    const { s } = opened();
    const running = betweennessStarted(setSizeBy(s, 'betweenness'));
    const done = betweennessFinished(running, { ok: true, scenario: 'baseline', values: { a: 0.5 }, sampled: 1000 });
    expect(done.betweenness).toEqual({ status: 'done', value: { scenario: 'baseline', values: { a: 0.5 }, sampled: 1000 } });
    expect(betweennessFinished(running, { ok: true, scenario: 'baseline', values: {}, sampled: null }).betweenness).toEqual({ status: 'done', value: { scenario: 'baseline', values: {}, sampled: null } });
    expect(betweennessFinished(running, { ok: true, scenario: 'combined', values: {}, sampled: null })).toBe(running);
  });
});
