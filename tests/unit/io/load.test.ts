/** The one import pipeline: detection, limits, zips, mapping, exploration defaults, scenarios files and hostile input. */
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { addScenarios, capProblems, DEFAULT_MAX_BYTES, detectFormat, guessMapping, inspectFiles, loadFiles, type FileInput } from '../../../src/io/load.ts';
import { writeGraph } from '../../../src/io/write.ts';
import { formatProblem } from '../../../src/model/problem.ts';
import { graphOf, makeDoc } from '../../helpers/load.ts';

const text = (name: string, t: string): FileInput => ({ name, text: t });
const messages = (r: ReturnType<typeof loadFiles>) => (r.ok ? [] : r.problems.map(formatProblem));

const GEPHI = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta><description>From Gephi</description></meta>
  <graph defaultedgetype="directed">
    <attributes class="node">
      <attribute id="0" title="type" type="string"/>
      <attribute id="1" title="Country" type="string"/>
    </attributes>
    <attributes class="edge">
      <attribute id="0" title="product" type="string"/>
    </attributes>
    <nodes>
      <node id="buyer" label="Buyer"><attvalues><attvalue for="0" value="demand"/><attvalue for="1" value="JP"/></attvalues></node>
      <node id="fab" label="Fab"><attvalues><attvalue for="0" value="foundry"/><attvalue for="1" value="TW"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="e1" source="fab" target="buyer" weight="30"><attvalues><attvalue for="0" value="chips"/></attvalues></edge>
    </edges>
  </graph>
</gexf>`;

describe('detectFormat', () => {
  it('goes by the extension, then by the content', () => {
    expect(detectFormat('a.json', '{"x":1}')).toBe('native');
    expect(detectFormat('a.json', ' [ {"id":"s"} ]')).toBe('scenarios');
    expect(detectFormat('a.json', '[]')).toBe('scenarios');
    // An array of anything else is no scenarios file: a broken graph, for the native checks to say why.
    expect(detectFormat('a.json', '[1, 2, 3]')).toBe('native');
    expect(detectFormat('a.gexf', '')).toBe('gexf');
    expect(detectFormat('a.GraphML', '')).toBe('graphml');
    expect(detectFormat('a.xml', '<?xml version="1.0"?>\n<graphml xmlns="x">')).toBe('graphml');
    expect(detectFormat('a.xml', '<?xml version="1.0"?>\n<gexf version="1.3">')).toBe('gexf');
    expect(detectFormat('download', new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe('zip');
    expect(detectFormat('nodes.csv', 'key,label')).toBe('csv');
    expect(detectFormat('notes.txt', 'hello')).toBeUndefined();
    expect(detectFormat('a.xml', '<svg/>')).toBeUndefined();
  });

  it('refuses a file of unknown format loudly', () => {
    expect(messages(loadFiles([text('notes.txt', 'hello')]))).toEqual([
      'notes.txt: expected a graph file: .json (Chokepoint), .gexf, .graphml, a nodes.csv and flows.csv pair, a zip of them, or a scenarios .json, found a file of unknown format',
    ]);
  });
});

describe('limits', () => {
  it('refuses a file over the limit before parsing, naming the limit', () => {
    const r = loadFiles([text('big.json', '{' + ' '.repeat(2000) + '}')], { maxBytes: 1000 });
    expect(messages(r)).toEqual(['big.json: expected a file of at most 1000 bytes (the size limit; raise it with --max-size), found 2.0 KB']);
    expect(DEFAULT_MAX_BYTES).toBe(256 * 1024 * 1024);
  });

  it('refuses a zip entry whose size is over the limit without inflating it', () => {
    const zip = zipSync({ 'nodes.csv': new Uint8Array(5000), 'flows.csv': strToU8('source,target,input,value\n') });
    const r = loadFiles([{ name: 'pair.zip', bytes: zip }], { maxBytes: 4000 });
    expect(messages(r)[0]).toBe('pair.zip:nodes.csv: expected a file of at most 3.9 KB (the size limit; raise it with --max-size), found 4.9 KB');
  });

  it('refuses entity declarations at once', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "${'a'.repeat(100)}"><!ENTITY b "${'&a;'.repeat(100)}"><!ENTITY c "${'&b;'.repeat(100)}">]><gexf><graph><nodes><node id="n" label="&c;&c;&c;"/></nodes></graph></gexf>`;
    const started = performance.now();
    const r = loadFiles([text('laughs.gexf', laughs)]);
    expect(performance.now() - started).toBeLessThan(200);
    expect(messages(r)[0]).toMatch(/^laughs\.gexf:1:22: expected XML without a DOCTYPE or entity declarations/);
  });

  it('says when bytes are not UTF-8', () => {
    expect(messages(loadFiles([{ name: 'g.gexf', bytes: new Uint8Array([0x3c, 0xff, 0xfe]) }]))).toEqual(['g.gexf: expected UTF-8 text, found bytes that are not UTF-8 (save the file as UTF-8)']);
  });
});

describe('mapping', () => {
  it('guesses Label, type, weight, Country and says so in warnings', () => {
    expect(guessMapping({ nodes: ['Id', 'Label', 'type', 'Country'], edges: ['Source', 'Target', 'weight', 'Type'] })).toEqual({
      nodes: { key: 'Id', label: 'Label', kind: 'type', country: 'Country' },
      edges: { source: 'Source', target: 'Target', input: 'Type', value: 'weight' },
    });
    // An exact name wins over a synonym.
    expect(guessMapping({ nodes: ['type', 'kind'], edges: [] }).nodes).toEqual({ kind: 'kind' });
  });

  it('loads a Gephi file with its own names, through the guesses', () => {
    const r = loadFiles([text('gephi.gexf', GEPHI)]);
    if (!r.ok) throw new Error(messages(r).join('\n'));
    expect(r.format).toBe('gexf');
    expect(r.graph.getAttribute('title')).toBe('gephi');
    expect(r.graph.getAttribute('description')).toBe('From Gephi');
    expect(r.graph.getNodeAttributes('fab')).toEqual({ label: 'Fab', kind: 'foundry', country: 'TW' });
    expect(r.graph.getEdgeAttributes('e1')).toEqual({ input: 'chips', value: 30 });
    expect(r.warnings.map(formatProblem)).toEqual([
      'gephi.gexf: warning: expected the node field "kind", found "type", read as kind (a guess; change it with --map-node-kind or a mapping file)',
      'gephi.gexf: warning: expected the node field "country", found "Country", read as country (a guess; change it with --map-node-country or a mapping file)',
      'gephi.gexf: warning: expected the flow field "input", found "product", read as input (a guess; change it with --map-flow-input or a mapping file)',
      'gephi.gexf: warning: expected the flow field "value", found "weight", read as value (a guess; change it with --map-flow-value or a mapping file)',
    ]);
    expect(inspectFiles([text('gephi.gexf', GEPHI)])).toMatchObject({ ok: true, format: 'gexf', chokepoint: false, columns: { nodes: ['label', 'type', 'Country'], edges: ['weight', 'product'] } });
    const exported = writeGraph(graphOf(makeDoc([['a', 'demand', 'JP']], [])), 'gexf').files[0]!;
    expect(inspectFiles([text('e.gexf', exported.data as string)])).toMatchObject({ ok: true, chokepoint: true, guess: {} });
  });

  it('takes the user’s mapping over the guess, and "" turns a guess off', () => {
    const r = loadFiles([text('gephi.gexf', GEPHI)], { mapping: { nodes: { kind: '' }, edges: { input: 'product' } } });
    if (!r.ok) throw new Error(messages(r).join('\n'));
    // Without a kind column, kinds come from the flows (issue 21): the fab supplies and buys nothing, a raw source.
    expect(r.graph.getNodeAttribute('fab', 'kind')).toBe('supplier');
    expect(r.graph.getNodeAttribute('fab', 'type')).toBe('foundry');
    expect(r.unavailable.map((u) => u.metric)).toEqual(['kinds', 'reliance.byKindCountry']);
    expect(r.warnings.some((w) => w.found.includes('product'))).toBe(false);
  });

  it('maps CSV columns once: a field mapped from a column that another field is named after', () => {
    // label comes from "name", and the column called "label" goes to company: the "label" values must not be lost.
    const r = loadFiles(
      [text('nodes.csv', 'key,name,label,kind,country\na,Alpha,Alpha Corp,demand,JP\nb,Beta,Beta Inc,foundry,TW\n'), text('flows.csv', 'source,target,input,value\nb,a,chips,1\n')],
      { mapping: { nodes: { label: 'name', company: 'label' } } },
    );
    if (!r.ok) throw new Error(messages(r).join('\n'));
    expect(r.graph.getNodeAttributes('b')).toEqual({ label: 'Beta', company: 'Beta Inc', kind: 'foundry', country: 'TW' });
  });

  it('maps CSV columns, the key column included', () => {
    const r = loadFiles([text('nodes.csv', 'Id,Name,Type,ISO\nb,Buyer,demand,JP\nf,Fab,foundry,TW\n'), text('flows.csv', 'from,to,product,amount\nf,b,chips,5\n')]);
    if (!r.ok) throw new Error(messages(r).join('\n'));
    expect(r.graph.getNodeAttributes('f')).toEqual({ label: 'Fab', kind: 'foundry', country: 'TW' });
    expect(r.graph.edges().map((e) => r.graph.getEdgeAttributes(e))).toEqual([{ input: 'chips', value: 5 }]);
    // The headers the guesses read are split by the delimiter the rows are.
    const semi = loadFiles([text('nodes.csv', 'Id;Name;Type;ISO\nb;Buyer;demand;JP\nf;Fab;foundry;TW\n'), text('flows.csv', 'from;to;product;amount\nf;b;chips;5\n')]);
    expect(semi.ok && semi.graph.getNodeAttributes('f')).toEqual({ label: 'Fab', kind: 'foundry', country: 'TW' });
  });
});

describe('graphs without kinds or countries', () => {
  it('load for exploration, with the figures that need them marked unavailable', () => {
    const r = loadFiles([text('nodes.csv', 'key\na\nb\n'), text('flows.csv', 'source,target\na,b\n')]);
    if (!r.ok) throw new Error(messages(r).join('\n'));
    // Kinds from the flows: a supplies b and buys nothing (a raw source), b buys and supplies nothing (demand).
    expect(r.graph.getNodeAttributes('a')).toEqual({ label: 'a', kind: 'supplier', country: 'XX' });
    expect(r.graph.getNodeAttribute('b', 'kind')).toBe('demand');
    expect(r.graph.getAttribute('countries')).toEqual({ XX: { name: 'Unknown country' } });
    expect(r.unavailable.map((u) => u.metric)).toEqual(['kinds', 'reliance.byKindCountry', 'reliance.byCountry', 'concentration.byCountry', 'inputs', 'shares']);
    expect(r.unavailable[2]!.why).toContain('no countries');
  });

  it('but a node that lacks a kind others have is an error at its row', () => {
    const r = loadFiles([text('nodes.csv', 'key,kind,country\na,demand,JP\nb,,TW\n'), text('flows.csv', 'source,target,input,value\nb,a,chips,1\n')]);
    expect(messages(r)).toEqual(['nodes.csv:3:2 nodes[1].attributes.kind: expected one of "demand", "supplier", "foundry", "wafer", "chemical", "equipment", "other", found nothing']);
  });

  it('and the native format stays strict', () => {
    const r = loadFiles([text('g.json', JSON.stringify({ attributes: { format: 'chokepoint-graph', version: 1, title: 't' }, nodes: [{ key: 'a', attributes: { label: 'A', country: 'JP' } }], edges: [] }))]);
    expect(messages(r)[0]).toMatch(/^g\.json:\d+:\d+ nodes\[0\]\.attributes\.kind: expected one of/);
  });

  it('reads undirected edges as source -> target, with a warning', () => {
    const r = loadFiles([text('u.graphml', '<graphml><graph edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>')]);
    if (!r.ok) throw new Error(messages(r).join('\n'));
    expect(r.graph.source(r.graph.edges()[0]!)).toBe('a');
    expect(r.warnings.map(formatProblem)).toEqual(['u.graphml:1: warning: expected directed edges (supplier -> customer), found undirected edges, read as source -> target']);
  });
});

describe('zips and CSV pairs', () => {
  it('opens a zip of the pair', () => {
    const zip = zipSync({ 'data/nodes.csv': strToU8('key,label,kind,country\na,A,demand,JP\nb,B,supplier,TW\n'), 'data/flows.csv': strToU8('source,target,input,value\nb,a,chips,2\n'), '__MACOSX/._nodes.csv': strToU8('junk') });
    const r = loadFiles([{ name: 'pair.zip', bytes: zip }]);
    if (!r.ok) throw new Error(messages(r).join('\n'));
    expect(r.format).toBe('csv');
    expect(r.graph.order).toBe(2);
  });

  it('reads ; and tab delimited pairs as it reads commas, the delimiter guessed from the first rows', () => {
    const rows = (d: string, lines: string[][]) => lines.map((cells) => cells.join(d)).join('\n') + '\n';
    const pair = (d: string, label = 'A') => [
      text('nodes.csv', rows(d, [['key', 'label', 'kind', 'country'], ['a', label, 'demand', 'JP'], ['b', 'B', 'supplier', 'TW']])),
      text('flows.csv', rows(d, [['source', 'target', 'input', 'value'], ['b', 'a', 'chips', '2.5']])),
    ];
    const shape = (r: ReturnType<typeof loadFiles>) => {
      if (!r.ok) throw new Error(messages(r).join('\n'));
      return { nodes: r.graph.mapNodes((k, a) => [k, a.label, a.kind, a.country]), flows: r.graph.mapEdges((_e, a, s, t) => [s, t, a.input, a.value]) };
    };
    const comma = shape(loadFiles(pair(',')));
    expect(comma.flows).toEqual([['b', 'a', 'chips', 2.5]]);
    expect(shape(loadFiles(pair(';')))).toEqual(comma);
    expect(shape(loadFiles(pair('\t')))).toEqual(comma);
    // A label holding the other delimiter does not mislead the guess.
    expect(shape(loadFiles(pair(';', 'A, Inc.'))).nodes[0]![1]).toBe('A, Inc.');
    // Nor do cells of ; lists in a small comma file ending with a line break (the export writes such files).
    const lists = loadFiles([
      text('nodes.csv', 'key,label,kind,country,company,extra\na,A,demand,JP,B,!;!;!\nb,B,supplier,TW,A,"!;"""\n'),
      text('flows.csv', 'source,target,input,value\nb,a,chips,1\n'),
    ]);
    expect(messages(lists)).toEqual([]);
    expect(lists.ok && lists.graph.getNodeAttribute('b', 'extra')).toBe('!;"');
  });

  it('gives each row its own line: plain rows, CRLF, blank lines, line breaks inside quotes', () => {
    const flows = text('flows.csv', 'source,target,input,value\nb,a,chips,1\n');
    const where = (nodes: string) => messages(loadFiles([text('nodes.csv', nodes), flows])).map((m) => m.split(' ')[0]);
    expect(where('key,kind,country\na,demand,JP\nb,supplier,jp\n')).toEqual(['nodes.csv:3:3']);
    expect(where('key,kind,country\r\na,demand,JP\r\nb,supplier,jp')).toEqual(['nodes.csv:3:3']);
    expect(where('key,kind,country\n\na,demand,JP\n , ,\nb,supplier,jp\n')).toEqual(['nodes.csv:5:3']);
    expect(where('key,label,kind,country\na,"two\nlines",demand,JP\nb,B,supplier,jp\n')).toEqual(['nodes.csv:4:4']);
    expect(where('\ufeffkey,label,kind,country\r\n,,\r\na,"A",demand,JP\r\n\t, \r\nb,B,supplier,jp')).toEqual(['nodes.csv:5:4']);
  });

  it('says which CSV files it cannot pair', () => {
    expect(messages(loadFiles([text('a.csv', 'key\n'), text('b.csv', 'key\n')]))).toEqual(['a.csv: expected two CSV files, one named like nodes.csv and one like flows.csv (or edges.csv), found a.csv, b.csv']);
  });

  it('refuses two graphs at once', () => {
    const g = JSON.stringify(makeDoc([['a', 'demand', 'JP']], []));
    expect(messages(loadFiles([text('a.json', g), text('b.json', g)]))).toEqual(['expected one graph to load, found 2: a.json, b.json']);
  });

  it('writes cells a spreadsheet would run as formulas with an apostrophe, and reads them back as they were', () => {
    const graph = graphOf(makeDoc([['=cmd', 'demand', 'JP'], ['+b', 'supplier', 'TW']], [['+b', '=cmd', 'chips', 1]]));
    graph.setNodeAttribute('=cmd', 'label', '@SUM(A1)');
    const files = writeGraph(graph, 'csv').files;
    const nodes = files.find((f) => f.name === 'nodes.csv')!.data as string;
    expect(nodes.split('\n')[1]).toBe("'=cmd,'@SUM(A1),demand,JP");
    const back = loadFiles(files.map((f) => text(f.name, f.data as string)));
    if (!back.ok) throw new Error(messages(back).join('\n'));
    expect(back.graph.getNodeAttribute('=cmd', 'label')).toBe('@SUM(A1)');
  });
});

describe('scenarios files', () => {
  const doc = makeDoc([['d', 'demand', 'JP'], ['s', 'supplier', 'TW']], [['s', 'd', 'chips', 10]]);
  const good = JSON.stringify([{ id: 'half', label: 'Half', ops: [{ op: 'scaleFlows', where: {}, factor: 0.5 }] }]);
  const bad = '[\n  { "id": "gone", "label": "Gone",\n    "ops": [ { "op": "removeFlow", "source": "d", "target": "s", "input": "chips" } ] }\n]';

  it('are applied to the graph loaded with them', () => {
    const r = loadFiles([text('g.json', JSON.stringify(doc)), text('more.json', good)]);
    if (!r.ok) throw new Error(messages(r).join('\n'));
    expect((r.graph.getAttribute('scenarios') ?? []).map((s) => s.id)).toEqual(['half']);
  });

  it('report their problems in their own file and line', () => {
    const r = loadFiles([text('g.json', JSON.stringify(doc)), text('more.json', bad)]);
    expect(messages(r)).toEqual(['more.json:3:14 [0].ops[0]: expected scenario "gone", operation 0 (removeFlow) to apply: a flow d -> s of "chips", found no such flow']);
  });

  it('are applied to the graph in hand, which is left as it was', () => {
    const graph = graphOf(doc);
    const r = addScenarios(graph, text('more.json', good));
    expect(r.ok && r.graph.getAttribute('scenarios')?.length).toBe(1);
    expect(graph.getAttribute('scenarios')).toBeUndefined();
    expect(addScenarios(graph, text('more.json', bad)).ok).toBe(false);
  });

  it('alone are no graph', () => {
    expect(messages(loadFiles([text('more.json', good)]))[0]).toContain('expected a graph file (a scenarios file is applied to a graph');
  });
});

describe('keys from files', () => {
  it('never reach Object.prototype', () => {
    const csv = loadFiles([text('nodes.csv', 'key,label,kind,country,hasOwnProperty\ntoString,P,demand,JP,1\nconstructor,C,supplier,TW,2\n'), text('flows.csv', 'source,target,input,value,valueOf\nconstructor,toString,chips,1,x\n')]);
    if (!csv.ok) throw new Error(messages(csv).join('\n'));
    expect(csv.graph.getNodeAttribute('constructor', 'hasOwnProperty')).toBe('2');
    expect(csv.graph.edges().map((e) => csv.graph.getEdgeAttribute(e, 'valueOf'))).toEqual(['x']);
    const gexf = loadFiles([text('p.gexf', '<gexf><graph><attributes class="node"><attribute id="0" title="__proto__" type="string"/></attributes><nodes><node id="a"/></nodes></graph></gexf>')]);
    expect(messages(gexf)).toEqual(['p.gexf:1:39: expected an attribute title other than __proto__, constructor or prototype, found "__proto__"']);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe('many problems', () => {
  it('are all found, each at its row, and shown up to a sane number', () => {
    // A country that is no code (kinds no longer refuse: any value loads, unknown ones as other).
    const rows = Array.from({ length: 300 }, (_, i) => `n${i},N,foundry,J1`).join('\n');
    const r = loadFiles([text('nodes.csv', `key,label,kind,country\n${rows}\n`), text('flows.csv', 'source,target,input,value\n')]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(300);
    expect(formatProblem(r.problems[299]!)).toMatch(/^nodes\.csv:301:4 nodes\[299\]\.attributes\.country: expected an ISO/);
    const { shown, more } = capProblems(r.problems);
    expect([shown.length, more]).toEqual([200, 100]);
  });
});
