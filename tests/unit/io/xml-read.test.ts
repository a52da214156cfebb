/**
 * The streaming GEXF and GraphML readers: they give what graphology's DOM
 * parsers gave (declared types, defaults, viz, undeclared attributes, edge
 * direction), and a broken file is refused with the line and column of the
 * break, however big the file.
 */
import { describe, expect, it } from 'vitest';
import { parseGexf } from '../../../src/io/formats/gexf.ts';
import { parseGraphml } from '../../../src/io/formats/graphml.ts';
import type { Draft } from '../../../src/io/formats/types.ts';
import { readXml } from '../../../src/io/formats/xml.ts';
import { loadFiles } from '../../../src/io/load.ts';
import { writeGraph } from '../../../src/io/write.ts';
import { formatProblem } from '../../../src/model/problem.ts';
import { loadFixture } from '../../helpers/load.ts';

const draftOf = (outcome: ReturnType<typeof parseGexf>): Draft => {
  if (!outcome.ok) throw new Error(outcome.problems.map(formatProblem).join('\n'));
  return outcome.value;
};
const messages = (name: string, text: string) => {
  const r = loadFiles([{ name, text }]);
  return r.ok ? [] : r.problems.map(formatProblem);
};
const attributes = (draft: Draft) => ({ nodes: Object.fromEntries(draft.nodes.map((n) => [n.key, n.attributes])), edges: draft.edges.map((e) => e.attributes) });

const GEXF = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz">
  <meta lastmodifieddate="2024-01-01"><title>Wafers</title><description>  By hand  </description></meta>
  <graph defaultedgetype="undirected">
    <attributes class="node">
      <attribute id="0" title="kind" type="string"><default>supplier</default></attribute>
      <attribute id="1" title="rank" type="integer"><default>7</default></attribute>
      <attribute id="tags" title="Tags" type="liststring"/>
      <attribute id="2" title="listed" type="boolean"/>
    </attributes>
    <attributes class="edge">
      <attribute id="0" title="input" type="string"/>
      <attribute id="1" title="value" type="double"><default>2.5</default></attribute>
    </attributes>
    <nodes>
      <node id="a" label="A"><attvalues><attvalue for="0" value="demand"/><attvalue for="tags" value="x|y"/><attvalue for="2" value="true"/></attvalues>
        <viz:color hex="#ff0000"/><viz:size value="3"/><viz:position x="1" y="-2.5"/><viz:shape value="disc"/></node>
      <node id="b"><attvalues><attvalue id="1" value="12"/><attvalue for="Undeclared" value="u"/></attvalues><color r="1" g="2" b="3" a="0.5"/></node>
    </nodes>
    <edges>
      <edge id="e1" source="a" target="b" weight="4" label="L"><attvalues><attvalue for="0" value="chips"/></attvalues><viz:thickness value="2"/></edge>
      <edge source="b" target="a" type="directed"><attvalues><attvalue for="1" value="1e3"/></attvalues></edge>
    </edges>
  </graph>
</gexf>`;

const GRAPHML = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="t" for="graph" attr.name="name" attr.type="string"/>
  <key id="k" for="node" attr.name="kind" attr.type="string"><default>supplier</default></key>
  <key id="n" attr.name="rank" attr.type="int"><default>7</default></key>
  <key id="f" for="node" attr.name="listed" attr.type="boolean"/>
  <key id="r" for="node" attr.name="r" attr.type="int"/>
  <key id="g" for="node" attr.name="g" attr.type="int"/>
  <key id="b" for="node" attr.name="b" attr.type="int"/>
  <key id="v" for="edge" attr.name="value" attr.type="double"><default>2.5</default></key>
  <graph id="G" edgedefault="directed">
    <data key="t">Chemicals</data>
    <node id="a"><data key="k">demand</data><data key="f">TRUE</data><data key="r">255</data><data key="g">16</data><data key="b">0</data></node>
    <node id="b"><data key="zz">undeclared</data><data key="n"> 12 </data></node>
    <edge id="e" source="a" target="b"><data key="v">1.5</data></edge>
    <edge source="b" target="a"/>
  </graph>
</graphml>`;

describe('the GEXF reader', () => {
  it('reads declared types, defaults, lists, viz and undeclared attvalues as graphology-gexf did', () => {
    const draft = draftOf(parseGexf(GEXF, 'w.gexf', 'w'));
    expect(draft.attributes).toEqual({ title: 'Wafers', description: 'By hand' });
    expect(attributes(draft)).toEqual({
      nodes: {
        a: { label: 'A', kind: 'demand', tags: ['x', 'y'], listed: true, rank: 7, color: '#ff0000', size: 3, x: 1, y: -2.5, shape: 'disc' },
        b: { rank: 12, Undeclared: 'u', kind: 'supplier', color: 'rgba(1,2,3,0.5)' },
      },
      edges: [
        { label: 'L', weight: 4, input: 'chips', value: 2.5, thickness: 2 },
        // GEXF's default weight is 1.0: an edge without one, where others have one, gets it.
        { value: 1000, weight: 1 },
      ],
    });
    expect(draft.edges.map((e) => [e.key, e.source, e.target, e.place.line])).toEqual([
      ['e1', 'a', 'b', 21],
      [undefined, 'b', 'a', 22],
    ]);
    expect(draft.nodes.map((n) => n.place.line)).toEqual([16, 18]);
    expect(draft.undirected).toBe(true);
  });

  it('reads the edges of a directed graph as directed, and says when some are not', () => {
    const gexf = (edge: string) => `<gexf><graph defaultedgetype="directed"><nodes><node id="a"/><node id="b"/></nodes><edges>${edge}</edges></graph></gexf>`;
    expect(draftOf(parseGexf(gexf('<edge source="a" target="b"/>'), 'd.gexf', 'd')).undirected).toBe(false);
    expect(draftOf(parseGexf(gexf('<edge source="a" target="b" type="mutual"/>'), 'd.gexf', 'd')).undirected).toBe(true);
  });
});

describe('the GraphML reader', () => {
  it('reads typed keys, cast defaults, undeclared keys and r, g, b colours', () => {
    const draft = draftOf(parseGraphml(GRAPHML, 'c.graphml', 'c'));
    expect(draft.attributes).toEqual({ title: 'Chemicals' });
    expect(attributes(draft)).toEqual({
      nodes: {
        a: { kind: 'demand', listed: true, rank: 7, color: '#ff1000' },
        b: { zz: 'undeclared', rank: 12, kind: 'supplier' },
      },
      // A default is cast by its key's type (graphology-graphml kept its text); a key without `for` is for all (GraphML 1.0).
      edges: [{ value: 1.5, rank: 7 }, { value: 2.5, rank: 7 }],
    });
    expect(draft.edges.map((e) => [e.key, e.place.line])).toEqual([['e', 15], [undefined, 16]]);
    expect(draft.undirected).toBe(false);
  });

  it('reads directed="false" as undirected, and edges of a graph without edgedefault as undirected', () => {
    const graphml = (graph: string, edge: string) => `<graphml><graph ${graph}><node id="a"/><node id="b"/>${edge}</graph></graphml>`;
    expect(draftOf(parseGraphml(graphml('edgedefault="directed"', '<edge source="a" target="b" directed="false"/>'), 'u.graphml', 'u')).undirected).toBe(true);
    expect(draftOf(parseGraphml(graphml('', '<edge source="a" target="b"/>'), 'u.graphml', 'u')).undirected).toBe(true);
    expect(draftOf(parseGraphml(graphml('', '<edge source="a" target="b" directed="true"/>'), 'u.graphml', 'u')).undirected).toBe(false);
  });

  it('points the Chokepoint block problems at the <data> that holds it', () => {
    const text = `<graphml>\n<key id="g0" for="graph" attr.name="chokepoint"/>\n<graph edgedefault="directed">\n<node id="a"/>\n  <data key="g0">{broken</data>\n</graph></graphml>`;
    expect(messages('b.graphml', text)).toEqual([expect.stringMatching(/^b\.graphml:5:3 attributes: expected the Chokepoint block as JSON text, found text that is no JSON/)]);
    // Read as any JSON text of a file is: nesting past 64 levels is refused there too.
    const deep = text.replace('{broken', `{"attributes": {"extra": ${'['.repeat(100)}${']'.repeat(100)}}}`);
    expect(messages('b.graphml', deep)).toEqual([expect.stringMatching(/^b\.graphml:5:3 attributes: .*nested at most 64 deep, found deeper nesting/)]);
  });
});

describe('broken XML', () => {
  it('gives the line and column of the break', () => {
    expect(messages('m.gexf', '<gexf>\n  <graph>\n    <nodes>\n      <node id="a">\n    </nodes>')).toEqual([
      'm.gexf:5:5: expected well-formed XML, found </nodes> while <node> (line 4, column 7) is still open',
    ]);
    expect(messages('t.graphml', '<graphml>\n  <graph edgedefault="directed">\n    <node id="a"><data key="d0">cut')).toEqual([
      't.graphml:3:35: expected well-formed XML, found the end of the file inside <data> (line 3, column 18): the file is cut short',
    ]);
    expect(messages('a.graphml', '<graphml>\n  <graph>\n    <node id="a&b"/>\n  </graph>\n</graphml>')).toEqual([
      'a.graphml:3:16: expected well-formed XML, found a & that starts no entity reference (write &amp; for a literal &)',
    ]);
    expect(messages('e.gexf', '<gexf>\n  <graph>\n    <node id="&nbsp;"/>\n  </graph>\n</gexf>')).toEqual(['e.gexf:3:15: expected well-formed XML, found undefined entity &nbsp;']);
    expect(messages('q.gexf', '<gexf>\n<graph>\n<node id=a/>\n</graph>\n</gexf>')).toEqual(['q.gexf:3:10: expected well-formed XML, found unquoted attribute value']);
  });

  it('finds a break at the end of a big file, and a dangling edge there, at their line', () => {
    const graph = loadFixture('known/and-or.json');
    for (const format of ['gexf', 'graphml'] as const) {
      const text = writeGraph(graph, format).files[0]!.data as string;
      // Many nodes before the break, so the break sits far into the file.
      const padding = Array.from({ length: 20000 }, (_, i) => `<node id="pad-${i}"/>`).join('\n');
      const padded = text.replace(/(<nodes>|<graph [^>]*>)/, `$1\n${padding}\n`);
      const lines = padded.split('\n');
      const cut = padded.slice(0, padded.lastIndexOf('<edge ') + 20);
      const cutLine = cut.split('\n').length;
      expect(messages(`cut.${format}`, cut)).toEqual([expect.stringMatching(new RegExp(`^cut\\.${format}:${cutLine}:\\d+: expected well-formed XML, found the end of the file inside the start tag of <edge> \\(line ${cutLine}, column \\d+\\): the file is cut short$`))]);
      const last = lines.findLastIndex((l) => l.includes('<edge '));
      const dangling = padded.replace(/target="[^"]*"(?![\s\S]*target=")/, 'target="ghost"');
      expect(messages(`dangling.${format}`, dangling)).toEqual([expect.stringMatching(new RegExp(`^dangling\\.${format}:${last + 1}:\\d+ edges\\[\\d+\\]\\.target: expected the id of a node in the file, found "ghost", which no node has$`))]);
    }
  });

  it('reads each element once, with its place, and the text of the elements asked for', () => {
    const seen: string[] = [];
    const problems = readXml('<a>\n  <b x="1">t<![CDATA[<c>]]><i>u</i></b><c/>\n</a>', 'f', {
      open: (e) => {
        seen.push(`open ${e.name} ${e.line}:${e.column} ${JSON.stringify({ ...e.attributes })}`);
        return e.name === 'b';
      },
      close: (e, text) => seen.push(`close ${e.name} ${JSON.stringify(text)}`),
    });
    expect(problems).toEqual([]);
    expect(seen).toEqual(['open a 1:1 {}', 'open b 2:3 {"x":"1"}', 'open i 2:28 {}', 'close i undefined', 'close b "t<c>u"', 'open c 2:40 {}', 'close c undefined', 'close a undefined']);
  });
});
