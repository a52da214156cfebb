import { describe, expect, it } from 'vitest';
import { loadNativeText } from '../../../src/io/load-native.ts';
import { writeNativeText } from '../../../src/io/write-native.ts';
import { isError } from '../../../src/model/problem.ts';
import { graphOf, makeDoc } from '../../helpers/load.ts';

describe('loading the native format', () => {
  it('builds a multi directed graph with the file\'s attributes, keeping fields the format does not name', () => {
    const doc = makeDoc([['a', 'foundry', 'TW', 'TSMC'], ['b', 'demand', 'JP']], [['a', 'b', 'chips', 3], ['a', 'b', 'chips', 4]]);
    (doc.nodes[0]!.attributes as Record<string, unknown>).x = 12;
    const g = graphOf(doc);
    expect(g.multi).toBe(true);
    expect(g.type).toBe('directed');
    expect(g.size).toBe(2);
    expect(g.getNodeAttributes('a')).toEqual({ label: 'a', kind: 'foundry', country: 'TW', company: 'TSMC', x: 12 });
    expect(g.getAttribute('currency')).toBe('USD');
  });

  it('round-trips: write then load gives the same document, keyless edges staying keyless', () => {
    const doc = makeDoc([['a', 'foundry', 'TW'], ['b', 'demand', 'JP']], [['a', 'b', 'chips', 3]]);
    doc.edges.push({ key: 'named', source: 'a', target: 'b', attributes: { input: 'wafers', value: 1, note: 'n' } });
    const once = writeNativeText(graphOf(doc));
    const twice = writeNativeText(graphOf(JSON.parse(once)));
    expect(twice).toBe(once);
    const parsed = JSON.parse(once);
    expect(parsed.edges[0].key).toBeUndefined();
    expect(parsed.edges[1].key).toBe('named');
  });

  it('lists warnings without refusing the file', () => {
    const r = loadNativeText(JSON.stringify(makeDoc([['a', 'supplier', 'US'], ['b', 'demand', 'JP']], [['a', 'b', 'chips', 0]])));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.map((w) => [w.severity, w.path])).toEqual([['warning', 'edges[0].attributes.value']]);
  });

  it('warns once per target and input whose flows are all 0, on the first of them, in the order of the flows', () => {
    const doc = makeDoc(
      [['a', 'supplier', 'US'], ['c', 'supplier', 'KR'], ['b', 'demand', 'JP'], ['d', 'demand', 'DE']],
      [
        ['a', 'b', 'chips', 2], // b's chips: one above 0, one at 0: no warning
        ['a', 'd', 'chips', 0], // d's chips: all 0 (two flows)
        ['c', 'b', 'wafers', 0], // b's wafers: its only flow is 0
        ['c', 'b', 'chips', 0],
        ['c', 'd', 'chips', 0],
        ['a', 'd', 'memory', 5],
      ],
    );
    const r = loadNativeText(JSON.stringify(doc));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => [w.path, w.expected, w.found])).toEqual([
      ['edges[1].attributes.value', 'some flow of "chips" into "d" above 0 (else its shares cannot be formed and the input is ignored)', 'all 2 flows are 0'],
      ['edges[2].attributes.value', 'some flow of "wafers" into "b" above 0 (else its shares cannot be formed and the input is ignored)', 'its only flow is 0'],
    ]);
  });

  it('refuses unknown source ids cited by scenarios, and "baseline" as a scenario id', () => {
    const doc = makeDoc([['a', 'supplier', 'US'], ['b', 'demand', 'JP']], [['a', 'b', 'chips', 1]], {
      scenarios: [{ id: 'baseline', label: 'B', sources: ['nowhere'], ops: [] }],
    });
    const r = loadNativeText(JSON.stringify(doc));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.filter(isError).map((p) => p.path)).toEqual(['attributes.scenarios[0].id', 'attributes.scenarios[0].sources[0]']);
    }
  });

  it('accepts a country the graph names itself', () => {
    const doc = makeDoc([['a', 'supplier', 'XK'], ['b', 'demand', 'QZ']], [['a', 'b', 'chips', 1]], { countries: { QZ: { name: 'Somewhere' } } });
    expect(loadNativeText(JSON.stringify(doc)).ok).toBe(true);
  });

  it('reports problems in file order with line numbers', () => {
    const text = JSON.stringify(makeDoc([['a', 'supplier', 'us'], ['b', 'demand', 'JP']], [['a', 'c', 'chips', 1]]), null, 2);
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    const r = loadNativeText(text, 'f.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => `${p.file}:${p.line} ${p.path}`)).toEqual([
        `f.json:${lineOf('"country": "us"')} nodes[0].attributes.country`,
        `f.json:${lineOf('"target": "c"')} edges[0].target`,
      ]);
    }
  });
});
