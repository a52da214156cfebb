import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toDocument } from '../../../src/model/graph.ts';
import { buildReport } from '../../../src/report/model.ts';
import { Engine } from '../../../src/worker/engine.ts';
import type { EditOutcome } from '../../../src/worker/protocol.ts';
import { EditSession, replaceGraphCommand } from '../../../src/worker/edit-session.ts';
import { graphOf, loadGraph, makeDoc, repoPath } from '../../helpers/load.ts';

const text = readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8');
const ok = (r: EditOutcome) => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
};
const node = (label: string, kind: string, country: string) => ({ label, kind, country }) as never;

describe('editing in the worker engine', () => {
  it('builds a graph from nothing, and its report is buildReport of that graph', () => {
    const engine = new Engine();
    engine.load(text, 'japan.json');
    const fresh = engine.handle({ type: 'newGraph', id: 1 });
    expect(fresh.type).toBe('edited');
    if (fresh.type !== 'edited') return;
    expect(ok(fresh.result).loaded.document.nodes).toEqual([]);
    expect(ok(fresh.result).loaded.document.attributes.title).toBe('Untitled supply graph');
    engine.edit({ type: 'addNode', key: 'd', attributes: node('Buyer', 'demand', 'JP') }, 'add');
    engine.edit({ type: 'addNode', key: 'v', attributes: node('Vendor', 'supplier', 'US') }, 'add');
    engine.edit({ type: 'addNode', key: 'f', attributes: node('Fab', 'foundry', 'TW') }, 'add');
    engine.edit({ type: 'addEdge', source: 'f', target: 'v', attributes: { input: 'logic-fab', value: 10 } }, 'add');
    const last = ok(engine.edit({ type: 'addEdge', source: 'v', target: 'd', attributes: { input: 'chips', value: 4 } }, 'add flow'));
    const d = last.loaded.report.scenarios[0]!.reliance.find((r) => r.demand === 'd')!;
    expect(d.byKindCountry['foundry:TW']).toBeCloseTo(1, 12);
    expect(last.history).toEqual({ undo: 'add flow', redo: null, edits: 6 });
    expect(engine.view('baseline').layouts.tiered.f).toBeDefined();
  });

  it('refuses an invalid edit with its problems and changes nothing; undo and redo follow', () => {
    const engine = new Engine();
    engine.load(text);
    const edge = engine.view('baseline').document.edges[0]!;
    const bad = engine.edit({ type: 'updateEdge', key: edge.key!, attributes: { ...edge.attributes, value: -1 } }, 'value');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.path)).toEqual(['attributes.value']);
    const changed = ok(engine.edit({ type: 'updateEdge', key: edge.key!, attributes: { ...edge.attributes, value: edge.attributes.value * 3 } }, 'value'));
    const g = loadGraph(text);
    g.setEdgeAttribute(edge.key!, 'value', edge.attributes.value * 3);
    expect(changed.loaded.report.scenarios).toEqual(buildReport(g).scenarios);
    const undone = engine.handle({ type: 'undo', id: 2 });
    if (undone.type !== 'edited' || !undone.result.ok) throw new Error('undo failed');
    expect(undone.result.loaded.report.scenarios).toEqual(buildReport(loadGraph(text)).scenarios);
    expect(undone.result.history.redo).toBe('value');
    const redone = engine.handle({ type: 'redo', id: 3 });
    if (redone.type !== 'edited' || !redone.result.ok) throw new Error('redo failed');
    expect(redone.result.loaded.report.scenarios).toEqual(buildReport(g).scenarios);
  });

  it('refuses removing a node a scenario needs, and revert to file is one undoable edit', () => {
    const engine = new Engine();
    engine.load(text);
    const before = engine.view('baseline').layouts.tiered;
    const removed = engine.edit({ type: 'removeNode', key: 'tsmc-tw' }, 'remove');
    expect(removed.ok).toBe(false);
    if (!removed.ok) expect(removed.problems[0]!.path).toMatch(/^attributes\.scenarios\[\d+\]\.ops\[\d+\]$/);
    ok(engine.edit({ type: 'updateNode', key: 'tsmc-tw', attributes: { ...engine.view('baseline').document.nodes.find((n) => n.key === 'tsmc-tw')!.attributes, label: 'TSMC!' } }, 'rename'));
    ok(engine.edit({ type: 'addNode', key: 'new-fab', attributes: node('New fab', 'foundry', 'JP') }, 'add'));
    const after = engine.view('baseline').layouts.tiered;
    expect(after['tsmc-tw']).toEqual(before['tsmc-tw']);
    expect(after['new-fab']).toBeDefined();
    // A node dragged to a place keeps it as its x and y attributes: drawn there "as in the file", the tiers stay tiers.
    const tsmc = engine.view('baseline').document.nodes.find((n) => n.key === 'tsmc-tw')!;
    ok(engine.edit({ type: 'updateNode', key: 'tsmc-tw', attributes: { ...tsmc.attributes, x: 1.5, y: -2 } }, 'move'));
    expect(engine.view('baseline').layouts.file['tsmc-tw']).toEqual({ x: 1.5, y: -2 });
    expect(engine.view('baseline').layouts.tiered['tsmc-tw']).toEqual(before['tsmc-tw']);
    expect(engine.view('baseline').layouts.file['new-fab']).toEqual(after['new-fab']);
    expect(engine.view('baseline').layouts.tiered['new-fab']).toEqual(after['new-fab']);
    const beforeRevert = engine.view('baseline').document;
    const reverted = engine.handle({ type: 'revert', id: 4 });
    if (reverted.type !== 'edited' || !reverted.result.ok) throw new Error('revert failed');
    expect(reverted.result.loaded.document).toEqual(toDocument(loadGraph(text)));
    expect(JSON.parse(JSON.stringify(reverted.result.loaded.report))).toEqual(JSON.parse(JSON.stringify(buildReport(loadGraph(text)))));
    const back = engine.handle({ type: 'undo', id: 5 });
    if (back.type !== 'edited' || !back.result.ok) throw new Error('undo failed');
    expect(back.result.loaded.document).toEqual(beforeRevert);
    expect(back.result.loaded.document.nodes.find((n) => n.key === 'tsmc-tw')!.attributes.label).toBe('TSMC!');
  });
});

describe('shocks and edits', () => {
  it('refuses an edit that would leave a shock hitting nothing, and changes nothing; a new graph over one with shocks works', () => {
    const doc = makeDoc([['d', 'demand', 'JP'], ['f', 'foundry', 'TW']], [['f', 'd', 'chips', 1]], {
      shocks: [{ id: 'f-half', label: 'F at half', hits: [{ where: { key: 'f' }, capacity: 0.5 }] }],
    });
    const graph = graphOf(doc);
    const before = toDocument(graph);
    const session = new EditSession();
    const r = session.edit(graph, { type: 'removeNode', key: 'f' }, 'remove f');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]!.path).toBe('attributes.shocks[0].hits[0].where');
    expect(toDocument(graph)).toEqual(before);
    // A shock that hits nothing cannot be set either.
    const attrs = graph.getAttributes();
    const bad = session.edit(graph, { type: 'setGraphAttributes', attributes: { ...attrs, shocks: [{ id: 'x', label: 'X', hits: [{ where: { country: 'KR' }, capacity: 0 }] }] } }, 'bad');
    expect(bad.ok).toBe(false);
    expect(toDocument(graph)).toEqual(before);
    // Replacing the whole graph (New, Revert) parks the shocks like the scenarios.
    const other = graphOf(makeDoc([['e', 'demand', 'US'], ['g', 'foundry', 'KR']], [['g', 'e', 'chips', 2]], { shocks: [{ id: 'g-stop', label: 'G stops', hits: [{ where: { key: 'g' }, capacity: 0 }] }] }));
    const replaced = session.edit(graph, replaceGraphCommand(graph, toDocument(other), 'replace'), 'replace');
    expect(replaced.ok).toBe(true);
    expect(graph.getAttribute('shocks')).toEqual(other.getAttribute('shocks'));
    session.undo(graph);
    expect(toDocument(graph)).toEqual(before);
  });
});
