/**
 * Exports other tools read as their own: GEXF and GraphML exports validate
 * against the official schemas (GEXF 1.3, GraphML 1.0; tests/fixtures/xsd,
 * with xmllint), and graphology's own parsers and NetworkX (where Python
 * with networkx is present) read them back with the same nodes, edges and
 * typed attributes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MultiGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { isNmtoken } from '../../../src/io/formats/graphml.ts';
import { loadFiles } from '../../../src/io/load.ts';
import { writeGraph } from '../../../src/io/write.ts';
import { formatProblem } from '../../../src/model/problem.ts';
import { repoPath } from '../../helpers/load.ts';

/** A small graph with what trips writers: keys that are no NMTOKEN, a name with a space, lists, looks, a keyless flow, a self-loop. */
const DOC = {
  attributes: {
    format: 'chokepoint-graph', version: 1, title: 'Writers <&> schemas', description: 'Hand-made',
    sources: [{ id: 's1', title: 'A source' }],
    scenarios: [{ id: 'half', label: 'Half', ops: [{ op: 'scaleFlows', where: {}, factor: 0.5 }] }],
    selfLoops: [{ key: 'own', node: 'fab one', attributes: { input: 'wafers', value: 3 } }],
  },
  nodes: [
    { key: 'fab one', attributes: { label: 'Fab One', kind: 'foundry', country: 'TW', company: 'Fab Co', sources: ['s1'], x: 10.5, y: -2, size: 4, color: '#ff8800', 'trade value': 12.5, listed: true } },
    { key: 'wafer-co', attributes: { label: 'Wafer Co', kind: 'wafer', country: 'JP', x: 0, y: 0, size: 2, color: '#0088ff', 'trade value': 3, listed: false } },
    { key: 'buyer', attributes: { label: 'Buyer', kind: 'demand', country: 'US', note: 'ends the chain' } },
  ],
  edges: [
    { key: 'wafer-co>fab one:wafers', source: 'wafer-co', target: 'fab one', attributes: { input: 'wafers', value: 7.25, sources: ['s1'] } },
    { source: 'fab one', target: 'buyer', attributes: { input: 'logic-chips', value: 2 } },
  ],
};

function exported(format: 'gexf' | 'graphml'): string {
  const loaded = loadFiles([{ name: 'w.json', text: JSON.stringify(DOC) }]);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return writeGraph(loaded.graph, format).files[0]!.data as string;
}

const dir = mkdtempSync(join(tmpdir(), 'chokepoint-xsd-'));
const fileOf = (format: 'gexf' | 'graphml') => {
  const path = join(dir, `w.${format}`);
  writeFileSync(path, exported(format));
  return path;
};

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
if (!hasXmllint) console.log('skipped: the schema checks need xmllint (Debian: libxml2-utils; .ci/run installs it)');

const GEXF_XSD = 'tests/fixtures/xsd/gexf-1.3/gexf.xsd';
const GEXF_RNG = 'tests/fixtures/xsd/gexf-1.3/gexf.rng';
const GRAPHML_XSD = 'tests/fixtures/xsd/graphml-1.0/graphml.xsd';
const check = (file: string, schema: string) =>
  spawnSync('xmllint', ['--noout', schema.endsWith('.rng') ? '--relaxng' : '--schema', repoPath(schema), file], { encoding: 'utf8' });
/**
 * The GEXF 1.3 XSD (generated from the normative RelaxNG) puts viz elements in
 * the GEXF namespace, where no GEXF file has them: the XSD checks a copy
 * without them, the RelaxNG checks the whole file (without xsi:schemaLocation,
 * an XML Schema hint RelaxNG does not know). tests/fixtures/xsd/README.md.
 */
function checkGexf(text: string, name: string): { xsd: ReturnType<typeof check>; rng: ReturnType<typeof check> } {
  const noViz = join(dir, `${name}.noviz.gexf`);
  writeFileSync(noViz, text.replace(/<viz:[a-z]+[^>]*\/>/g, ''));
  const noHint = join(dir, `${name}.nohint.gexf`);
  writeFileSync(noHint, text.replace(/ xsi:schemaLocation="[^"]*"/, ''));
  return { xsd: check(noViz, GEXF_XSD), rng: check(noHint, GEXF_RNG) };
}

describe.runIf(hasXmllint)('exports against the official schemas (xmllint)', () => {
  it('GEXF is valid GEXF 1.3 (XSD and RelaxNG)', () => {
    const { xsd, rng } = checkGexf(exported('gexf'), 'w');
    expect(xsd.stderr).toMatch(/validates/);
    expect(rng.stderr).toMatch(/validates/);
  });

  it('GraphML is valid GraphML 1.0', () => {
    const run = check(fileOf('graphml'), GRAPHML_XSD);
    expect(run.stderr).toMatch(/validates/);
    expect(run.status).toBe(0);
  });

  it('the schemas are really checked: a GEXF with <title> in <meta>, a bad viz shape and a GraphML edge id with ">" fail', () => {
    const bad = checkGexf(exported('gexf').replace('<creator>', '<title>t</title><creator>').replace('<viz:size', '<viz:shape value="blob"/><viz:size'), 'bad');
    expect(bad.xsd.status).not.toBe(0);
    expect(bad.rng.status).not.toBe(0);
    const graphml = join(dir, 'bad.graphml');
    writeFileSync(graphml, exported('graphml').replace('<edge source=', '<edge id="a>b" source='));
    expect(check(graphml, GRAPHML_XSD).status).not.toBe(0);
  });

  it("every loadable file of the foreign corpus is exported valid in both formats", () => {
    const manifest = JSON.parse(readFileSync(repoPath('tests/corpus/foreign/MANIFEST.json'), 'utf8')) as { files: { file: string; expect: { loads?: true } }[] };
    const invalid: string[] = [];
    for (const entry of manifest.files.filter((f) => f.expect.loads)) {
      const loaded = loadFiles([{ name: entry.file.replace(/^.*\//, ''), bytes: readFileSync(repoPath(`tests/corpus/foreign/${entry.file}`)) }]);
      if (!loaded.ok) throw new Error(entry.file);
      const name = entry.file.replace(/\W+/g, '-');
      const gexf = checkGexf(writeGraph(loaded.graph, 'gexf').files[0]!.data as string, name);
      if (gexf.xsd.status !== 0 || gexf.rng.status !== 0) invalid.push(`${entry.file} (GEXF): ${gexf.xsd.stderr}${gexf.rng.stderr}`.slice(0, 400));
      const graphml = join(dir, `${name}.graphml`);
      writeFileSync(graphml, writeGraph(loaded.graph, 'graphml').files[0]!.data as string);
      const run = check(graphml, GRAPHML_XSD);
      if (run.status !== 0) invalid.push(`${entry.file} (GraphML): ${run.stderr}`.slice(0, 400));
    }
    expect(invalid).toEqual([]);
  }, 120_000);
});

describe("graphology's parsers read the exports", () => {
  it('graphology-gexf: the same nodes, keyed edges, typed attributes, weights and looks', () => {
    const g = parseGexf(MultiGraph, exported('gexf'));
    expect(g.nodes().sort()).toEqual(['buyer', 'fab one', 'wafer-co']);
    expect(g.size).toBe(3); // two flows and the self-loop
    expect(g.extremities('wafer-co>fab one:wafers')).toEqual(['wafer-co', 'fab one']);
    expect(g.getEdgeAttributes('wafer-co>fab one:wafers')).toMatchObject({ input: 'wafers', value: 7.25, weight: 7.25, sources: ['s1'] });
    expect(g.getNodeAttributes('fab one')).toMatchObject({ label: 'Fab One', kind: 'foundry', 'trade value': 12.5, listed: true, x: 10.5, y: -2, size: 4, color: 'rgb(255,136,0)', sources: ['s1'] });
    expect(g.getEdgeAttributes('own')).toMatchObject({ input: 'wafers', value: 3 });
    expect(g.extremities('own')).toEqual(['fab one', 'fab one']);
  });

  it('graphology-graphml: NMTOKEN keys as ids, the others as the block says, typed attributes', () => {
    const g = parseGraphml(MultiGraph, exported('graphml'));
    expect(g.order).toBe(3);
    expect(g.hasNode('wafer-co') && g.hasNode('buyer')).toBe(true);
    expect(isNmtoken('fab one')).toBe(false);
    const fab = g.findNode((_, a) => a.label === 'Fab One')!;
    expect(fab).toMatch(/^_n\d+$/);
    expect(g.getNodeAttributes('wafer-co')).toMatchObject({ label: 'Wafer Co', kind: 'wafer', x: 0, size: 2, listed: false });
    expect(g.getNodeAttributes(fab)).toMatchObject({ kind: 'foundry', x: 10.5, y: -2, listed: true });
    const flows = g.mapEdges((_e, a, s, t) => [s, t, a.input, a.value]);
    expect(flows).toEqual(expect.arrayContaining([['wafer-co', fab, 'wafers', 7.25], [fab, 'buyer', 'logic-chips', 2], [fab, fab, 'wafers', 3]]));
  });

  it('our own reader gives back every key and name, and the self-loop', () => {
    for (const format of ['gexf', 'graphml'] as const) {
      const back = loadFiles([{ name: `w.${format}`, text: exported(format) }]);
      if (!back.ok) throw new Error(back.problems.map(formatProblem).join('\n'));
      expect(back.graph.nodes().sort(), format).toEqual(['buyer', 'fab one', 'wafer-co']);
      expect(back.graph.hasEdge('wafer-co>fab one:wafers'), format).toBe(true);
      expect(back.graph.getNodeAttribute('fab one', 'trade value' as never), format).toBe(12.5);
      expect(back.graph.getAttribute('selfLoops'), format).toEqual(DOC.attributes.selfLoops);
    }
  });
});

const python = spawnSync('python3', ['-c', 'import networkx; print(networkx.__version__)'], { encoding: 'utf8' });
const hasNetworkx = python.status === 0;
if (!hasNetworkx) console.log('skipped: the NetworkX read-back needs python3 with networkx (pip install networkx)');

describe.runIf(hasNetworkx)(`NetworkX ${python.stdout?.trim() ?? ''} reads the exports`, () => {
  const read = (format: 'gexf' | 'graphml') => {
    const script = `
import json, sys, networkx as nx
g = (nx.read_gexf if sys.argv[2] == 'gexf' else nx.read_graphml)(sys.argv[1])
print(json.dumps({'directed': g.is_directed(), 'nodes': {n: d for n, d in g.nodes(data=True)}, 'edges': [[u, v, d] for u, v, d in g.edges(data=True)]}))`;
    return JSON.parse(execFileSync('python3', ['-c', script, fileOf(format), format], { encoding: 'utf8' })) as {
      directed: boolean;
      nodes: Record<string, Record<string, unknown>>;
      edges: [string, string, Record<string, unknown>][];
    };
  };

  it('read_gexf: the same nodes and flows, numbers as numbers, the weight equal to the value', () => {
    const g = read('gexf');
    expect(g.directed).toBe(true);
    expect(Object.keys(g.nodes).sort()).toEqual(['buyer', 'fab one', 'wafer-co']);
    expect(g.nodes['fab one']).toMatchObject({ label: 'Fab One', kind: 'foundry', 'trade value': 12.5, listed: true });
    const flow = g.edges.find(([u, v]) => u === 'wafer-co' && v === 'fab one')![2];
    expect(flow).toMatchObject({ input: 'wafers', value: 7.25, weight: 7.25, id: 'wafer-co>fab one:wafers' });
    expect(g.edges.some(([u, v]) => u === 'fab one' && v === 'fab one')).toBe(true);
  });

  it('read_graphml: the same flows and typed attributes', () => {
    const g = read('graphml');
    expect(g.directed).toBe(true);
    expect(Object.keys(g.nodes)).toHaveLength(3);
    expect(g.nodes['wafer-co']).toMatchObject({ label: 'Wafer Co', kind: 'wafer', x: 0, size: 2, listed: false });
    const fab = Object.keys(g.nodes).find((k) => g.nodes[k]!.label === 'Fab One')!;
    expect(g.edges.map(([u, v, d]) => [u, v, d.input, d.value])).toEqual(expect.arrayContaining([['wafer-co', fab, 'wafers', 7.25], [fab, 'buyer', 'logic-chips', 2]]));
  });
});
