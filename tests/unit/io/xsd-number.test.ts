/**
 * Numbers in GEXF and GraphML read by XML Schema's lexical rules (issue 20,
 * item 9): a blank, hexadecimal, binary or exponent-on-an-integer value is
 * refused by the attribute's name and the element's line, never read as 0, 3
 * or 16; INF and NaN are read as such, for the readers to keep as text (non-finite.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseXsdScalar } from '../../../src/io/formats/xsd-number.ts';
import { loadFiles } from '../../../src/io/load.ts';
import { formatProblem } from '../../../src/model/problem.ts';

describe('parseXsdScalar', () => {
  it('reads the lexical forms of XML Schema', () => {
    expect(parseXsdScalar('integer', ' 80 ')).toEqual({ ok: true, value: 80 });
    expect(parseXsdScalar('int', '-3')).toEqual({ ok: true, value: -3 });
    expect(parseXsdScalar('double', '1e2')).toEqual({ ok: true, value: 100 });
    expect(parseXsdScalar('double', '.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseXsdScalar('float', '+2.')).toEqual({ ok: true, value: 2 });
    expect(parseXsdScalar('boolean', '1')).toEqual({ ok: true, value: true });
    expect(parseXsdScalar('boolean', 'false')).toEqual({ ok: true, value: false });
  });
  it('reads INF, -INF and NaN (and the inf, nan and null other tools write) as numbers that are not finite', () => {
    expect(parseXsdScalar('double', 'INF')).toEqual({ ok: true, value: Infinity });
    expect(parseXsdScalar('float', ' -INF ')).toEqual({ ok: true, value: -Infinity });
    expect(parseXsdScalar('double', 'NaN')).toEqual({ ok: true, value: NaN });
    expect(parseXsdScalar('double', '-inf')).toEqual({ ok: true, value: -Infinity });
    expect(parseXsdScalar('double', 'null')).toEqual({ ok: true, value: NaN });
    expect(parseXsdScalar('integer', 'INF').ok).toBe(false);
  });
  it('refuses what the rules refuse, naming it', () => {
    const refused = (type: string, text: string) => {
      const r = parseXsdScalar(type, text);
      expect(r.ok, `${type} ${JSON.stringify(text)}`).toBe(false);
      return r.ok ? '' : r.found;
    };
    expect(refused('double', '')).toBe('an empty value');
    expect(refused('double', ' ')).toMatch(/only whitespace/);
    expect(refused('integer', '0x10')).toMatch(/hexadecimal/);
    expect(refused('integer', '0b11')).toMatch(/binary/);
    expect(refused('integer', '1e2')).toMatch(/not an integer/);
    expect(refused('double', '1,000')).toMatch(/thousands/);
    expect(refused('double', 'INFINITE')).toBe('"INFINITE"');
    expect(refused('decimal', 'INF')).toBe('"INF"');
    expect(refused('double', '1e999')).toMatch(/beyond/);
    expect(refused('int', '3000000000')).toMatch(/out of range/);
    expect(refused('boolean', 'yes')).toBe('"yes"');
    expect(refused('double', '\u00a080')).toBe('"\u00a080"');
  });
});

const gexf = (value: string, type = 'double', weight = '') => `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="0" title="kind" type="string"/></attributes>
    <attributes class="edge"><attribute id="1" title="value" type="${type}"/><attribute id="2" title="input" type="string"/></attributes>
    <nodes>
      <node id="tsmc" label="TSMC"><attvalues><attvalue for="0" value="supplier"/></attvalues></node>
      <node id="apple" label="Apple"><attvalues><attvalue for="0" value="demand"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="e" source="tsmc" target="apple"${weight}><attvalues><attvalue for="1" value="${value}"/><attvalue for="2" value="chips"/></attvalues></edge>
    </edges>
  </graph>
</gexf>`;

const graphml = (value: string, type = 'double') => `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="node" attr.name="kind" attr.type="string"/>
  <key id="v" for="edge" attr.name="value" attr.type="${type}"/>
  <key id="i" for="edge" attr.name="input" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="tsmc"><data key="k">supplier</data></node>
    <node id="apple"><data key="k">demand</data></node>
    <edge source="tsmc" target="apple"><data key="v">${value}</data><data key="i">chips</data></edge>
  </graph>
</graphml>`;

const load = (name: string, text: string) => loadFiles([{ name, text }]);
const problemsOf = (name: string, text: string) => {
  const r = load(name, text);
  return r.ok ? [] : r.problems.map(formatProblem);
};
const valueOf = (name: string, text: string) => {
  const r = load(name, text);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.document.edges[0]!.attributes.value;
};

describe('the GEXF and GraphML readers', () => {
  it('read the value of a well-formed file', () => {
    expect(valueOf('g.gexf', gexf('80'))).toBe(80);
    expect(valueOf('g.graphml', graphml(' 80 '))).toBe(80);
    expect(valueOf('g.gexf', gexf('1e2'))).toBe(100);
  });
  for (const [text, type, found] of [
    ['', 'double', 'an empty value'],
    ['0b11', 'integer', 'binary'],
    ['0x10', 'integer', 'hexadecimal'],
    ['1e2', 'integer', 'not an integer'],
    ['INF', 'double', 'INF'],
    ['NaN', 'float', 'NaN'],
  ] as const) {
    it(`refuse a GEXF ${type} value "${text}" with its name and line`, () => {
      const problems = problemsOf('g.gexf', gexf(text, type));
      expect(problems.join('\n')).toContain(found);
      // INF and NaN are read, kept as text with a warning, and then refused by the schema (a flow value is a finite number): its problem names the line, not the column.
      expect(problems.join("\n")).toMatch(text === 'INF' || text === 'NaN' ? /:11 edges\[0\]\.attributes\.value: expected a finite number/ : /:11:\d+ edges\[0\]\.attributes\.value/);
    });
  }
  for (const [text, type] of [[' ', 'double'], ['', 'double'], ['0x10', 'int'], ['1e2', 'long']] as const) {
    it(`refuse a GraphML ${type} value "${text}"`, () => {
      const problems = problemsOf('g.graphml', graphml(text, type));
      expect(problems.some((p) => p.includes(':9:') && p.includes('edges[0].attributes.value'))).toBe(true);
    });
  }
  it('refuse a blank GEXF weight and a bad <default>', () => {
    expect(problemsOf('g.gexf', gexf('80', 'double', ' weight=""')).join('\n')).toMatch(/weight.*an empty value/);
    const bad = gexf('80').replace('<attribute id="2" title="input" type="string"/>', '<attribute id="2" title="input" type="string"/><attribute id="3" title="share" type="double"><default>0x1</default></attribute>');
    expect(problemsOf('g.gexf', bad).join('\n')).toMatch(/<default> of attribute "share".*hexadecimal/);
  });
});
