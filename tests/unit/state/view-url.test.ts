import { describe, expect, it } from 'vitest';
import { initialState, loadFinished, loadStarted, select, selectScenario, setCompare, setFocus, setLayout, type AppState } from '../../../src/state/app-state.ts';
import { applyViewParams, isStep, parseCamera, readViewUrl, viewParamsOf, writeViewUrl } from '../../../src/state/view-url.ts';
import { Engine } from '../../../src/worker/engine.ts';
import { makeDoc } from '../../helpers/load.ts';

// A small hand-made graph: two buyers, a scenario.
const doc = makeDoc(
  [['fab', 'foundry', 'TW'], ['fab2', 'foundry', 'KR'], ['buyer-a', 'demand', 'JP'], ['buyer-b', 'demand', 'US']],
  [['fab', 'buyer-a', 'chips', 3], ['fab2', 'buyer-a', 'chips', 1], ['fab', 'buyer-b', 'chips', 1]],
  { scenarios: [{ id: 'cut', label: 'Cut', ops: [{ op: 'scaleFlows', where: { source: { country: 'TW' } }, factor: 0.5 }] }] },
);
const engine = new Engine();
const outcome = engine.load(JSON.stringify(doc), 'small.json');
const loaded = (): AppState => loadFinished(loadStarted(initialState(), 'small.json'), 'small.json', outcome);

describe('the view in the URL', () => {
  it('round-trips a view through the query, keeping ?graph= and other parameters', () => {
    let s = loaded();
    s = selectScenario(s, 'cut');
    s = setCompare(s, true);
    s = setLayout(s, 'geographic');
    s = setFocus(s, 'KR');
    s = select(s, { type: 'node', key: 'fab2' });
    s = { ...s, colorBy: 'country', sizeBy: 'attr:capacity' };
    const params = viewParamsOf(s);
    const query = writeViewUrl('?graph=graphs%2Fsmall.json&x=1', params, { x: 0.5, y: 0.25, ratio: 0.8 });
    expect(new URLSearchParams(query).get('graph')).toBe('graphs/small.json');
    expect(new URLSearchParams(query).get('x')).toBe('1');
    const read = readViewUrl(query);
    expect(read.params).toEqual(params);
    expect(read.camera).toEqual({ x: 0.5, y: 0.25, ratio: 0.8 });
    const again = applyViewParams(loaded(), read.params);
    expect(viewParamsOf(again)).toEqual(params);
    expect(again.scenario).toBe('cut');
    expect(again.layout).toBe('geographic');
    expect(again.selection).toEqual({ type: 'node', key: 'fab2' });
  });

  it('carries no graph content: only ids, keys and view settings', () => {
    const s = select(setFocus(loaded(), 'foundry:TW'), { type: 'input', input: 'chips' });
    const query = writeViewUrl('', viewParamsOf(s), null);
    expect(query).not.toMatch(/label|value|"|%7B/i);
    expect(Object.keys(readViewUrl(query).params).sort()).toEqual(['buyer', 'input', 'set']);
  });

  it('ignores what the open graph does not have, and bad cameras', () => {
    const s = loaded();
    const after = applyViewParams(s, { scenario: 'nope', node: 'ghost', layout: 'spiral', buyer: 'fab' });
    expect(after.scenario).toBe('baseline');
    expect(after.selection).toBeNull();
    expect(after.layout).toBe('tiered');
    expect(after.demand).toBe(s.demand);
    expect(parseCamera('1,2')).toBeNull();
    expect(parseCamera('a,b,c')).toBeNull();
    expect(parseCamera('0,0,-1')).toBeNull();
  });

  it('steps the history for a change of view, not for the same view', () => {
    expect(isStep({ layout: 'geographic' }, {})).toBe(true);
    expect(isStep({ node: 'a' }, { node: 'b' })).toBe(true);
    expect(isStep({ node: 'a' }, { node: 'a' })).toBe(false);
  });
});
