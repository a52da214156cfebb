import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand, type EditCommand } from '../../../src/edit/commands.ts';
import { EMPTY_HISTORY, edit, redo, undo } from '../../../src/edit/history.ts';
import { toDocument } from '../../../src/model/graph.ts';
import { arbitraryDocument } from '../../helpers/arbitrary.ts';
import { graphOf, makeDoc } from '../../helpers/load.ts';

const base = () =>
  graphOf(makeDoc([['jp', 'demand', 'JP'], ['nv', 'supplier', 'US'], ['tsmc', 'foundry', 'TW']], [['nv', 'jp', 'chips', 60], ['tsmc', 'nv', 'logic-fab', 20]], { sources: [{ id: 'src', title: 'S' }] }));
const snapshot = (g: ReturnType<typeof base>) => JSON.stringify(toDocument(g));
/** The document with nodes and edges as sets: undoing a deletion re-adds at the end (graphology cannot insert in place). */
const asSets = (s: string) => {
  const d = JSON.parse(s);
  d.nodes = d.nodes.map((n: unknown) => JSON.stringify(n)).sort();
  d.edges = d.edges.map((e: unknown) => JSON.stringify(e)).sort();
  return d;
};

describe('edit commands', () => {
  it('refuse an invalid edit with the field and change nothing', () => {
    const g = base();
    const before = snapshot(g);
    const r = applyCommand(g, { type: 'updateEdge', key: g.edges()[0]!, attributes: { input: 'chips', value: -3 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => [p.path, p.expected, p.found])).toEqual([['attributes.value', 'a number >= 0', 'the number -3']]);
    const c = applyCommand(g, { type: 'addNode', key: 'x', attributes: { label: 'X', kind: 'wafer', country: 'XX' } });
    expect(!c.ok && c.problems.map((p) => p.path)).toEqual(['attributes.country']);
    const cite = applyCommand(g, { type: 'updateNode', key: 'nv', attributes: { label: 'Nvidia', kind: 'supplier', country: 'US', sources: ['nope'] } });
    expect(!cite.ok && cite.problems.map((p) => p.path)).toEqual(['attributes.sources[0]']);
    const loop = applyCommand(g, { type: 'addEdge', source: 'nv', target: 'nv', attributes: { input: 'chips', value: 1 } });
    expect(!loop.ok && loop.problems.map((p) => p.path)).toEqual(['target']);
    expect(snapshot(g)).toBe(before);
  });

  it('refuse graph attributes that drop a cited source or break a scenario', () => {
    const g = base();
    const attrs = g.getAttributes();
    const dropped = applyCommand(g, { type: 'setGraphAttributes', attributes: { ...attrs, sources: [] } });
    expect(dropped.ok).toBe(true); // nothing cites "src"
    const g2 = base();
    g2.setNodeAttribute('nv', 'sources', ['src']);
    const refused = applyCommand(g2, { type: 'setGraphAttributes', attributes: { ...g2.getAttributes(), sources: [] } });
    expect(!refused.ok && refused.problems[0]!.expected).toBe('a source "src" (node "nv" cites it)');
    const broken = applyCommand(g2, {
      type: 'setGraphAttributes',
      attributes: { ...g2.getAttributes(), scenarios: [{ id: 's', label: 'S', ops: [{ op: 'removeNode', key: 'ghost' }] }] },
    });
    expect(!broken.ok && broken.problems[0]!.path).toBe('attributes.scenarios[0].ops[0]');
  });

  it('roll back a batch that fails part way', () => {
    const g = base();
    const before = snapshot(g);
    const r = applyCommand(g, {
      type: 'batch',
      label: 'two nodes',
      commands: [
        { type: 'addNode', key: 'a', attributes: { label: 'A', kind: 'wafer', country: 'JP' } },
        { type: 'addNode', key: 'a', attributes: { label: 'A', kind: 'wafer', country: 'JP' } },
      ],
    });
    expect(!r.ok && r.problems[0]!.path).toBe('[1].key');
    expect(snapshot(g)).toBe(before);
  });
});

describe('undo and redo', () => {
  it('go back and forth through a series of edits exactly', () => {
    const g = base();
    const states = [snapshot(g)];
    let h = EMPTY_HISTORY;
    const edits: EditCommand[] = [
      { type: 'addNode', key: 'ss', attributes: { label: 'Samsung', kind: 'supplier', country: 'KR' } },
      { type: 'addEdge', source: 'ss', target: 'jp', attributes: { input: 'chips', value: 30 } },
      { type: 'updateEdge', key: g.edges()[0]!, attributes: { input: 'chips', value: 45, note: 'corrected' } },
      { type: 'removeNode', key: 'nv' },
    ];
    for (const command of edits) {
      const r = edit(g, h, command, command.type);
      expect(r.ok).toBe(true);
      h = r.history;
      states.push(snapshot(g));
    }
    for (let i = states.length - 2; i >= 0; i--) {
      h = undo(g, h);
      expect(asSets(snapshot(g))).toEqual(asSets(states[i]!));
    }
    expect(undo(g, h)).toBe(h); // nothing left to undo
    for (let i = 1; i < states.length; i++) {
      h = redo(g, h);
      expect(asSets(snapshot(g))).toEqual(asSets(states[i]!));
    }
  });

  it('a new edit clears what could be redone; a refused edit keeps the history', () => {
    const g = base();
    let h = edit(g, EMPTY_HISTORY, { type: 'removeNode', key: 'tsmc' }, 'rm').history;
    h = undo(g, h);
    expect(h.undone).toHaveLength(1);
    const refused = edit(g, h, { type: 'removeNode', key: 'ghost' }, 'rm');
    expect(refused.ok).toBe(false);
    expect(refused.history).toBe(h);
    h = edit(g, h, { type: 'removeNode', key: 'nv' }, 'rm').history;
    expect(h.undone).toHaveLength(0);
  });

  it('undo restores any random graph after removing any node', () => {
    fc.assert(
      fc.property(arbitraryDocument().map(graphOf), fc.nat(), (g, pick) => {
        const before = snapshot(g);
        const key = g.nodes()[pick % g.order]!;
        const r = edit(g, EMPTY_HISTORY, { type: 'removeNode', key }, 'rm');
        expect(r.ok).toBe(true);
        undo(g, r.history);
        expect(asSets(snapshot(g))).toEqual(asSets(before));
      }),
      { numRuns: 100 },
    );
  });
});
