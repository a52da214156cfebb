import { describe, expect, it } from 'vitest';
import { defaultLayout, initialState, loadFinished, loadStarted, setLayout, type AppState } from '../../../src/state/app-state.ts';
import { applyViewParams, readViewUrl, viewParamsOf, writeViewUrl } from '../../../src/state/view-url.ts';
import { Engine } from '../../../src/worker/engine.ts';
import { makeDoc } from '../../helpers/load.ts';

// Two small graphs: one whose nodes carry their own places (x, y), one without.
const placed = makeDoc([['fab', 'foundry', 'TW'], ['buyer', 'demand', 'JP']], [['fab', 'buyer', 'chips', 3]]);
placed.nodes[0]!.attributes = { ...placed.nodes[0]!.attributes, x: -40, y: 10 };
placed.nodes[1]!.attributes = { ...placed.nodes[1]!.attributes, x: 60, y: -5 };
const plain = makeDoc([['fab', 'foundry', 'TW'], ['buyer', 'demand', 'JP']], [['fab', 'buyer', 'chips', 3]]);
const open = (doc: object, s: AppState = initialState()): AppState => {
  const outcome = new Engine().load(JSON.stringify(doc), 'g.json');
  return loadFinished(loadStarted(s, 'g.json'), 'g.json', outcome);
};

describe('"As in the file" in the state and the URL', () => {
  it('opens a graph with its own places as in the file, one without in the tiers (leaving "file" for the tiers)', () => {
    const s = open(placed);
    expect(s.layout).toBe('file');
    expect(defaultLayout(s.loaded)).toBe('file');
    expect(open(plain, s).layout).toBe('tiered');
    expect(open(plain, setLayout(open(plain), 'geographic')).layout).toBe('geographic');
  });

  it('round-trips every layout through the query on both graphs', () => {
    for (const doc of [placed, plain]) {
      for (const layout of ['tiered', 'geographic', 'force', 'file'] as const) {
        const s = setLayout(open(doc), layout);
        const read = readViewUrl(writeViewUrl('', viewParamsOf(s), null));
        const again = applyViewParams(open(doc), read.params);
        expect(again.layout).toBe(layout);
        expect(viewParamsOf(again)).toEqual(viewParamsOf(s));
      }
    }
    // A link that names no layout means the graph's own default.
    expect(applyViewParams(setLayout(open(placed), 'tiered'), {}).layout).toBe('file');
    expect(applyViewParams(setLayout(open(plain), 'geographic'), {}).layout).toBe('tiered');
  });

  it('the engine draws the tiers as tiers and "file" at the nodes\' own x and y', () => {
    const engine = new Engine();
    engine.load(JSON.stringify(placed), 'g.json');
    const layouts = engine.view('baseline').layouts;
    expect(layouts.file).toEqual({ fab: { x: -40, y: 10 }, buyer: { x: 60, y: -5 } });
    expect(layouts.tiered.fab).not.toEqual({ x: -40, y: 10 });
    expect(layouts.tiered.fab!.x).toBeLessThan(layouts.tiered.buyer!.x);
  });
});
