/**
 * One rule for `__proto__`, `constructor` and `prototype` as attribute names in
 * every format (issue 20, item 11): refused on reading, with the path, so that
 * no export is ever asked to carry one; and a GEXF export that cannot carry a
 * name says so instead of dropping it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFiles, type FileInput } from '../../../src/io/load.ts';
import { writeGraph } from '../../../src/io/write.ts';
import { formatProblem } from '../../../src/model/problem.ts';

const fixture = readFileSync(new URL('../../fixtures/known/and-or.json', import.meta.url), 'utf8');
const NAMES = ['__proto__', 'constructor', 'prototype'];
const refusal = (files: FileInput[]) => {
  const r = loadFiles(files);
  return r.ok ? '' : r.problems.map(formatProblem).join('\n');
};

describe('forbidden attribute names', () => {
  for (const name of NAMES) {
    it(`refuses "${name}" in every format`, () => {
      const native = fixture.replace('"label": "Fab one",', `"label": "Fab one", "${name}": "x",`);
      expect(refusal([{ name: 'a.json', text: native }])).toMatch(new RegExp(`nodes\\[0\\]\\.attributes\\.${name}: expected an attribute name other than __proto__, constructor or prototype`));
      expect(refusal([{ name: 'a.json', text: fixture.replace('"currency": "USD",', `"currency": "USD", "${name}": 1,`) }])).toMatch(/attributes\.\S+: expected an attribute name other than/);
      expect(refusal([{ name: 'nodes.csv', text: `key,label,kind,country,${name}\nf,F,foundry,TW,x\nd,D,demand,JP,y\n` }, { name: 'flows.csv', text: 'source,target,input,value\nf,d,chips,1\n' }])).toMatch(/other than __proto__, constructor or prototype/);
      const graphml = `<?xml version="1.0"?><graphml><key id="k" for="node" attr.name="kind"/><key id="p" for="node" attr.name="${name}"/><graph edgedefault="directed"><node id="f"><data key="k">foundry</data><data key="p">x</data></node><node id="d"><data key="k">demand</data></node><edge source="f" target="d"/></graph></graphml>`;
      expect(refusal([{ name: 'g.graphml', text: graphml }])).toMatch(/other than __proto__, constructor or prototype/);
      const gexf = `<?xml version="1.0"?><gexf><graph><attributes class="node"><attribute id="0" title="${name}" type="string"/></attributes><nodes><node id="f"><attvalues><attvalue for="0" value="x"/></attvalues></node></nodes><edges/></graph></gexf>`;
      expect(refusal([{ name: 'g.gexf', text: gexf }])).toMatch(/other than __proto__, constructor or prototype/);
    });
  }

  it('says what a GEXF export cannot carry instead of dropping it', () => {
    const r = loadFiles([{ name: 'a.json', text: fixture.replace('"label": "Fab one",', '"label": "Fab one", "toString": "x",') }]);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(writeGraph(r.graph, 'gexf').lost).toEqual([expect.stringMatching(/^the attribute "toString"/)]);
    expect(writeGraph(r.graph, 'graphml').lost).toEqual([]);
  });
});
