/** The worker's open / export / report requests, in Node: any format opens as loadFiles opens it; a failure keeps the graph. */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/io/load.ts';
import { writeNativeText } from '../../../src/io/write-native.ts';
import { buildReport } from '../../../src/report/model.ts';
import { htmlReport } from '../../../src/report/html-report.ts';
import { withRobustness } from '../../../src/report/robustness.ts';
import { Engine } from '../../../src/worker/engine.ts';
import type { GraphView, OpenFile, PreviewAhead } from '../../../src/worker/protocol.ts';
import { loadGraph, repoPath } from '../../helpers/load.ts';

const file = (path: string, name = path.replace(/^.*\//, '')): OpenFile => ({ name, bytes: new Uint8Array(readFileSync(repoPath(path))) });
const text = (name: string, t: string): OpenFile => ({ name, bytes: new TextEncoder().encode(t) });
const DEFAULT = readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8');

function engineWithDefault() {
  const engine = new Engine();
  const r = engine.handle({ type: 'open', id: 1, files: [text('japan-us-taiwan.json', DEFAULT)], file: 'japan-us-taiwan.json' });
  expect(r.type === 'open' && r.result.status).toBe('loaded');
  return engine;
}

describe('open', () => {
  it('opens a GEXF with its phases reported, and its figures are buildReport\'s', () => {
    const engine = new Engine();
    const phases: string[] = [];
    const r = engine.handle({ type: 'open', id: 1, files: [file('graphs/neon-ukraine-2022.gexf')], file: 'neon.gexf' }, (p) => phases.push(p));
    expect(r.type).toBe('open');
    if (r.type !== 'open' || r.result.status !== 'loaded') throw new Error('not loaded');
    const expected = loadFiles([file('graphs/neon-ukraine-2022.gexf')]);
    if (!expected.ok) throw new Error('fixture');
    expect(r.result.loaded.report).toEqual(buildReport(expected.graph));
    expect(phases).toEqual(['read', 'parse', 'validate', 'done', 'figures']);
  });

  it('gives the preview\'s document and flow figures ahead of its layouts, the very ones the preview then holds, once', () => {
    const engine = new Engine();
    const heard: string[] = [];
    let ahead: PreviewAhead | undefined;
    let shown: GraphView | undefined;
    const r = engine.handle(
      { type: 'open', id: 1, files: [text('japan-us-taiwan.json', DEFAULT)], file: 'japan-us-taiwan.json' },
      (p) => heard.push(p),
      (view) => (heard.push('preview'), (shown = view)),
      (given) => (heard.push('ahead'), (ahead = given)),
    );
    if (r.type !== 'open' || r.result.status !== 'loaded' || !ahead || !shown) throw new Error('not loaded');
    expect(heard).toEqual(['read', 'parse', 'validate', 'ahead', 'preview', 'done', 'figures']);
    expect(ahead.document).toBe(shown.document);
    expect(ahead.ends).toBe(shown.ends);
    expect(ahead.shares).toBe(shown.shares);
    // Keyed as the view's documents are: every flow by its key.
    expect(ahead.document.edges.every((e) => typeof e.key === 'string')).toBe(true);
    expect(r.result.loaded.document).toBe(shown.document);
  });

  it('reverts an edited GEXF to the graph the file held', () => {
    const engine = new Engine();
    const previews: number[] = [];
    const r = engine.handle({ type: 'open', id: 1, files: [file('graphs/neon-ukraine-2022.gexf')], file: 'neon.gexf' }, undefined, (v) => previews.push(v.document.nodes.length));
    if (r.type !== 'open' || r.result.status !== 'loaded') throw new Error('not loaded');
    expect(previews).toEqual([r.result.loaded.document.nodes.length]);
    // The engine's own document of the graph (with graphology's options and edge keys), as opened.
    const opened = engine.view('baseline').document;
    const first = opened.nodes[0]!;
    const edited = engine.handle({ type: 'edit', id: 2, command: { type: 'updateNode', key: first.key, attributes: { ...first.attributes, label: 'renamed' } }, label: 'rename' });
    if (edited.type !== 'edited' || !edited.result.ok) throw new Error('edit failed');
    expect(engine.view('baseline').document.nodes[0]!.attributes.label).toBe('renamed');
    const reverted = engine.handle({ type: 'revert', id: 3 });
    if (reverted.type !== 'edited' || !reverted.result.ok) throw new Error('revert failed');
    expect(reverted.result.loaded.document).toEqual(opened);
  });

  it('sends the picture once the nodes and flows are checked, before the scenarios; a scenario that fails still refuses the file', () => {
    const engine = engineWithDefault();
    const before = engine.view('baseline').document;
    const events: string[] = [];
    const good = engine.handle({ type: 'open', id: 2, files: [text('g.json', DEFAULT)], file: 'g.json' }, (p) => events.push(p), (v) => events.push(`preview ${v.document.nodes.length}`));
    if (good.type !== 'open' || good.result.status !== 'loaded') throw new Error('not loaded');
    expect(events).toEqual(['read', 'parse', 'validate', `preview ${before.nodes.length}`, 'done', 'figures']);
    // The document loaded is the one drawn (the worker sends it once), the graph's own as a view gives it.
    let drawn: unknown;
    const again = engine.handle({ type: 'open', id: 4, files: [text('g.json', DEFAULT)], file: 'g.json' }, undefined, (v) => (drawn = v.document));
    if (again.type !== 'open' || again.result.status !== 'loaded') throw new Error('not loaded');
    expect(again.result.loaded.document).toBe(drawn);
    expect(again.result.loaded.document).toEqual(engine.view('baseline').document);

    const doc = JSON.parse(DEFAULT);
    doc.attributes.scenarios = [{ id: 'bad', label: 'Bad', ops: [{ op: 'removeNode', key: 'no-such-node' }] }];
    const previews: number[] = [];
    const bad = engine.handle({ type: 'open', id: 3, files: [text('bad.json', JSON.stringify(doc))], file: 'bad.json' }, undefined, (v) => previews.push(v.document.nodes.length));
    expect(previews).toEqual([before.nodes.length]);
    if (bad.type !== 'open' || bad.result.status !== 'failed') throw new Error('not refused');
    expect(bad.result.problems.map((p) => p.path)).toContain('attributes.scenarios[0].ops[0]');
    // The graph in hand is kept: its view and its layouts.
    expect(engine.view('baseline').document).toEqual(before);
  });

  it('stops at the mapping step for files without Chokepoint names, then loads with the mapping', () => {
    const engine = new Engine();
    const files = [text('nodes.csv', 'Id,Name,Type,Nation\na,A,foundry,TW\nb,B,demand,JP\n'), text('flows.csv', 'From,To,Product,Weight\na,b,chips,3\n')];
    const first = engine.handle({ type: 'open', id: 1, files, file: 'pair' });
    expect(first.type === 'open' && first.result.status).toBe('mapping');
    if (first.type !== 'open' || first.result.status !== 'mapping') return;
    expect(first.result.guess.nodes?.kind).toBe('Type');
    expect(first.result.fields.nodes).toContain('country');
    const second = engine.handle({ type: 'open', id: 2, files, file: 'pair', mapping: first.result.guess });
    expect(second.type === 'open' && second.result.status).toBe('loaded');
  });

  it('opens what loadFiles opens, as it opens it: its warnings once, where the files say', () => {
    const deep = `${'['.repeat(100)}1${']'.repeat(100)}`;
    const files = [
      text('nodes.csv', `key,label,kind,country,extra\na,A,foundry,TW,${deep}\nb,B,demand,JP,\n`),
      text('flows.csv', 'source,target,input,value\na,b,chips,0\na,b,wafers,3\n'),
      text('graph.json', JSON.stringify({ attributes: { format: 'chokepoint-graph', version: 1, title: 'pair' }, types: { nodes: { extra: 'json' }, edges: { value: 'number' } } })),
    ];
    const expected = loadFiles(files, { mapping: {} });
    if (!expected.ok) throw new Error(expected.problems.map((p) => p.found).join('; '));
    expect(expected.warnings.length).toBeGreaterThan(0);
    const r = new Engine().handle({ type: 'open', id: 1, files, file: 'pair', mapping: {} });
    if (r.type !== 'open' || r.result.status !== 'loaded') throw new Error(JSON.stringify(r));
    // The graph was not written to text and read again, which gave every warning twice (the second at a line of that text)
    // and refused a value nested deeper than JSON text may be, which the CSV cell holds as a value.
    expect(r.result.loaded.warnings).toEqual(expected.warnings);
    expect(r.result.loaded.report).toEqual(buildReport(expected.graph));
  });

  it('refuses a lone JSON array of no scenarios as loadFiles does, as a broken graph file', () => {
    const files = [text('not-an-object.json', '[1, 2, 3]')];
    const expected = loadFiles(files);
    expect(expected.ok).toBe(false);
    const r = engineWithDefault().handle({ type: 'open', id: 2, files, file: 'not-an-object.json' });
    expect(r.type === 'open' && r.result.status === 'failed' && r.result.problems).toEqual(!expected.ok && expected.problems);
  });

  it('a failed open keeps the graph in hand', () => {
    const engine = engineWithDefault();
    const r = engine.handle({ type: 'open', id: 2, files: [text('bad.json', '{"nodes": [')], file: 'bad.json' });
    expect(r.type === 'open' && r.result.status).toBe('failed');
    if (r.type === 'open' && r.result.status === 'failed') expect(r.result.problems[0]?.file).toBe('bad.json');
    const saved = engine.handle({ type: 'export', id: 3, format: 'native', baseName: 'g' });
    expect(saved.type === 'export' && new TextDecoder().decode(saved.file.bytes)).toBe(writeNativeText(loadGraph(DEFAULT)));
  });

  it('a scenarios file alone is added to the graph in hand', () => {
    const engine = engineWithDefault();
    const scenarios = [{ id: 'half', label: 'Half', ops: [{ op: 'scaleFlows', where: { source: { kind: 'foundry' } }, factor: 0.5 }] }];
    const r = engine.handle({ type: 'open', id: 2, files: [text('s.json', JSON.stringify(scenarios))], file: 's.json' });
    if (r.type !== 'open' || r.result.status !== 'loaded') throw new Error('not loaded');
    expect(r.result.scenariosAdded).toBe(true);
    expect(r.result.loaded.report.scenarios.at(-1)?.id).toBe('half');
    expect(r.result.loaded.document.nodes.length).toBe(loadGraph(DEFAULT).order);
  });

  it('a scenarios file with no graph open is refused', () => {
    const r = new Engine().handle({ type: 'open', id: 1, files: [text('s.json', '[]')], file: 's.json' });
    expect(r.type === 'open' && r.result.status).toBe('failed');
  });
});

describe('export and report', () => {
  it('CSV export is one zip; the plain pair says what it loses', () => {
    const engine = engineWithDefault();
    const full = engine.handle({ type: 'export', id: 2, format: 'csv', baseName: 'g' });
    if (full.type !== 'export') throw new Error(full.type);
    expect(full.file.name).toBe('g.zip');
    expect(Object.keys(unzipSync(full.file.bytes)).sort()).toEqual(['flows.csv', 'graph.json', 'nodes.csv']);
    expect(full.lost).toEqual([]);
    const plain = engine.handle({ type: 'export', id: 3, format: 'csv', baseName: 'g', withoutGraphFile: true });
    expect(plain.type === 'export' && plain.lost.length).toBeGreaterThan(0);
  });

  it('the JSON report is buildReport with the chosen scenarios and demand nodes; unknown scenarios are an error', () => {
    const engine = engineWithDefault();
    const graph = loadGraph(DEFAULT);
    const id = graph.getAttribute('scenarios')![0]!.id;
    const r = engine.handle({ type: 'report', id: 2, format: 'json', scenarios: [id], demand: ['jp-ai-datacenter'], baseName: 'g', madeAt: '2026-01-01T00:00:00Z' });
    if (r.type !== 'report') throw new Error(r.type);
    expect(JSON.parse(new TextDecoder().decode(r.file.bytes))).toEqual(JSON.parse(JSON.stringify(withRobustness(buildReport(graph, { scenarios: [id], focus: { demand: ['jp-ai-datacenter'] } }), graph))));
    const bad = engine.handle({ type: 'report', id: 3, format: 'json', scenarios: ['nope'], demand: [], baseName: 'g', madeAt: '' });
    expect(bad.type).toBe('error');
  });

  it('the HTML report is the CLI\'s, byte for byte: the same choice gives the same file (a PNG passed is not used)', () => {
    const engine = engineWithDefault();
    const graph = loadGraph(DEFAULT);
    const madeAt = '2026-01-01T00:00:00Z';
    const demand = graph.getAttribute('focus')!.demand!;
    const scenarios = graph.getAttribute('scenarios')!.map((s) => s.id);
    const r = engine.handle({ type: 'report', id: 2, format: 'html', scenarios, demand, png: 'data:image/png;base64,iVBORw0KGgo=', baseName: 'g', madeAt });
    if (r.type !== 'report') throw new Error(r.type);
    expect(r.file.name).toBe('g-report.html');
    const html = new TextDecoder().decode(r.file.bytes);
    // What `chokepoint report --format html` writes: every scenario, the graph's focus.
    expect(html).toBe(htmlReport(graph, withRobustness(buildReport(graph, { madeAt }), graph)));
    expect(html).not.toContain('data:image/png');
  });
});
