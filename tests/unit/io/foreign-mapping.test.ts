/**
 * What other tools' files mean in Chokepoint's terms (issue 21), on files of
 * the foreign corpus and small hand-made ones: kinds and inputs mapped by
 * value, guesses that never refuse a loadable file, problems naming the
 * file's attribute, self-loops set apart, graphs without kinds shaped by
 * their flows, foreign JSON, yEd labels, infinite numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/io/load.ts';
import { formatProblem } from '../../../src/model/problem.ts';
import { repoPath } from '../../helpers/load.ts';
import { runCli } from '../../helpers/run-cli.ts';
import { buildReport } from '../../../src/report/model.ts';
import { renderMarkdown } from '../../../src/report/markdown.ts';
import { renderHtml } from '../../../src/report/html.ts';

const corpus = (file: string) => ({ name: file.replace(/^.*\//, ''), bytes: readFileSync(repoPath(`tests/corpus/foreign/${file}`)) });
const loaded = (result: ReturnType<typeof loadFiles>) => {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result;
};
const texts = (result: { warnings: { expected: string; found: string }[] }) => result.warnings.map((w) => `${w.expected} | ${w.found}`).join('\n');

describe('kinds and inputs mapped by value (a NetworkX file with type = mine, buyer, fab…)', () => {
  it('reads synonyms, loads unknown kinds as other with the file value kept, and slugifies inputs, saying so', () => {
    const r = loaded(loadFiles([corpus('networkx/networkx-supply.gexf')]));
    const kinds = Object.fromEntries(r.graph.mapNodes((k, a) => [k, [a.kind, (a as Record<string, unknown>).type]]));
    expect(kinds).toEqual({ 'chile-mine': ['other', 'mine'], 'peru-mine': ['other', 'mine'], smelter: ['other', 'smelter'], fab: ['foundry', undefined], buyer: ['demand', undefined] });
    expect(r.graph.mapEdges((_e, a) => a.input).sort()).toEqual(['copper-ore', 'copper-ore', 'copper-wire', 'refined-copper']);
    const said = texts(r);
    expect(said).toMatch(/"mine" \(2\), "smelter" \(1\) in "type", read as other; the file's value is kept in "type"/);
    expect(said).toMatch(/"buyer" as demand \(1\)/);
    expect(said).toMatch(/"copper ore" as copper-ore \(2\)/);
  });

  it("takes the user's value map first", () => {
    const r = loaded(loadFiles([corpus('networkx/networkx-supply.graphml')], { mapping: { values: { kind: { mine: 'supplier', Smelter: 'chemical' }, input: { 'copper ore': 'ore' } } } }));
    expect(r.graph.getNodeAttribute('chile-mine', 'kind')).toBe('supplier');
    expect(r.graph.getNodeAttribute('smelter', 'kind')).toBe('chemical');
    expect(r.graph.mapEdges((_e, a) => a.input).sort()).toEqual(['copper-wire', 'ore', 'ore', 'refined-copper']);
  });

  it('the CLI takes --map-kind-value and refuses a kind Chokepoint has not, in one line', async () => {
    const file = 'tests/corpus/foreign/networkx/networkx-supply.gexf';
    const ok = await runCli(['validate', file, '--map-kind-value', 'mine=supplier,smelter=supplier']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).not.toMatch(/read as other/);
    const bad = await runCli(['validate', file, '--map-kind-value', 'mine=quarry']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--map-kind-value: expected a kind .* after "mine=", found "quarry"/);
  });
});

describe('guesses never refuse a loadable file', () => {
  it('a guessed value (weight) missing on some edges is not used, with a warning that says why', () => {
    const r = loaded(loadFiles([corpus('graphology-attributes.graphml')]));
    expect(texts(r)).toMatch(/"weight" not read as value \(a guess\): 3 edges of 7 have none/);
    expect(r.mapping.edges?.value).toBeUndefined();
    expect(r.graph.mapEdges((_e, a) => a.value)).toEqual(r.graph.mapEdges(() => 1));
    expect(r.unavailable.map((u) => u.metric)).toContain('shares');
  });

  it('a guessed country with values that are no codes is not used', () => {
    const gexf = `<gexf version="1.3"><graph defaultedgetype="directed"><attributes class="node"><attribute id="0" title="Country" type="string"/></attributes>
<nodes><node id="a"><attvalues><attvalue for="0" value="Chile"/></attvalues></node><node id="b"><attvalues><attvalue for="0" value="jp"/></attvalues></node></nodes>
<edges><edge source="a" target="b"/></edges></graph></gexf>`;
    const r = loaded(loadFiles([{ name: 'c.gexf', text: gexf }]));
    expect(texts(r)).toMatch(/"Country" not read as country \(a guess\): "Chile" \(node "a"\) is no ISO country code/);
    expect(r.graph.getNodeAttribute('a', 'country')).toBe('XX');
    expect(r.graph.getNodeAttribute('a', 'Country' as never)).toBe('Chile');
  });

  it("a problem in a mapped attribute the user chose names the file's attribute and says it was mapped", () => {
    const gexf = `<gexf version="1.3"><graph defaultedgetype="directed"><attributes class="edge"><attribute id="0" title="tonnes" type="string"/></attributes>
<nodes><node id="a"/><node id="b"/></nodes>
<edges><edge source="a" target="b"><attvalues><attvalue for="0" value="lots"/></attvalues></edge></edges></graph></gexf>`;
    const r = loadFiles([{ name: 't.gexf', text: gexf }], { mapping: { edges: { value: 'tonnes' } } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem)).toEqual([expect.stringMatching(/^t\.gexf:3 edges\[0\]\.attributes\.tonnes: expected .* \(in the file's "tonnes", mapped to value\), found the string "lots"/)]);
  });
});

describe('self-loops', () => {
  it('load, are named in a warning, stay out of the graph (and so of every figure), and are written back', () => {
    const r = loaded(loadFiles([corpus('networkx/networkx-bare-selfloop.graphml')]));
    expect(r.graph.someEdge((_e, _a, s, t) => s === t)).toBe(false);
    expect(r.graph.getAttribute('selfLoops')).toEqual([{ node: 'b', attributes: {} }]);
    expect(texts(r)).toMatch(/1 self-loop: b -> b: kept apart, left out of every figure, and written back on save/);
  });
});

describe('a graph without kinds', () => {
  it('takes nodes without customers as demand and nodes without suppliers as raw sources, and lists what that leaves unavailable', () => {
    const r = loaded(loadFiles([corpus('networkx/networkx-bare-selfloop.gexf')]));
    // a -> b -> c -> d, a -> c, and b -> b (set apart): a sources everything, d buys.
    expect(Object.fromEntries(r.graph.mapNodes((k, a) => [k, a.kind]))).toEqual({ a: 'supplier', b: 'other', c: 'other', d: 'demand' });
    expect(r.graph.getAttribute('kindsFromShape' as never)).toBe(true);
    expect(r.unavailable.map((u) => u.metric)).toEqual(['kinds', 'reliance.byKindCountry', 'reliance.byCountry', 'concentration.byCountry', 'inputs', 'shares']);
    expect(r.unavailable[0]!.why).toMatch(/the 1 node without customers are taken as demand, the 1 node without suppliers as raw sources/);
  });
});

describe('the report of such a graph', () => {
  it('says that kinds came from the shape and that self-loops are left out, in the report JSON, Markdown and HTML', () => {
    const r = loaded(loadFiles([corpus('networkx/networkx-bare-selfloop.gexf')]));
    const report = buildReport(r.graph);
    expect(report.graph.caveats).toEqual([expect.stringMatching(/^Node kinds were taken from the graph's shape/), '1 self-loop (a node supplying itself) is kept in the file and left out of every figure.']);
    expect(renderMarkdown(report)).toMatch(/Note: Node kinds were taken from the graph's shape/);
    expect(renderHtml(report)).toMatch(/1 self-loop \(a node supplying itself\)/);
  });
});

describe('JSON from other tools', () => {
  it("reads graphology's and Gephi Lite's JSON through the mapping path", () => {
    const lite = loaded(loadFiles([corpus('gephi-lite-les-miserables.json')]));
    expect(lite.format).toBe('graphology');
    expect(lite.graph.getNodeAttribute('0', 'label')).toBe('Myriel');
    expect(lite.graph.getNodeAttribute('0', 'x' as never)).toBeTypeOf('number');
    expect(lite.graph.getAttribute('title')).toBe('Les Miserables');
    const sigma = loaded(loadFiles([corpus('sigma-les-miserables.json')]));
    expect(sigma.graph.getAttribute('title')).toMatch(/^Les Misérables/);
  });

  it('tells JSON of no known format in one line', () => {
    const r = loadFiles([{ name: 'x.json', text: '{"type": "FeatureCollection", "features": []}' }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem)).toEqual([expect.stringMatching(/x\.json: expected a graph in JSON.*found JSON of no graph format Chokepoint knows \(its top-level keys: type, features\)/)]);
  });
});

describe('yEd and infinite numbers', () => {
  it("reads yEd's node labels, positions and fill colours from its graphics", () => {
    const r = loaded(loadFiles([corpus('yed-created-edges.graphml')]));
    const n0 = r.graph.getNodeAttributes('n0') as Record<string, unknown>;
    expect(n0.label).toBeTypeOf('string');
    expect(n0.label).not.toBe('n0');
    expect(n0).toMatchObject({ x: 20, y: 98.37646484375, color: '#ffcc00' });
  });

  it('keeps INF and -INF as their text, with a warning naming the attribute', () => {
    const r = loaded(loadFiles([corpus('gephi-import-infinity.gexf')]));
    expect(r.graph.getNodeAttributes('0')).toMatchObject({ positive: 'INF', negative: '-INF' });
    expect(texts(r)).toMatch(/finite numbers in the attribute "positive" \| "INF" \(1 value\), kept as that text/);
  });
});
