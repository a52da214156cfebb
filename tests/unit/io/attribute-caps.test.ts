/**
 * Attribute caps (issue 20, item 8): an element with more attribute values
 * than the cap, or a file declaring more attributes than the cap, is refused
 * with the element's line, however many more there are.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DECLARED_ATTRIBUTES, MAX_RECORD_ATTRIBUTES } from '../../../src/io/formats/caps.ts';
import { loadFiles } from '../../../src/io/load.ts';
import { formatProblem } from '../../../src/model/problem.ts';

const gexf = (attvalues: number, declared = 1) => `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node">${Array.from({ length: declared }, (_, i) => `<attribute id="a${i}" title="a${i}" type="string"/>`).join('')}</attributes>
    <nodes>
      <node id="n" label="N"><attvalues>${Array.from({ length: attvalues }, (_, i) => `<attvalue for="a${i % declared}" value="${i}"/>`).join('')}</attvalues></node>
    </nodes>
    <edges/>
  </graph>
</gexf>`;
const graphml = (data: number, keys = 1) => `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  ${Array.from({ length: keys }, (_, i) => `<key id="k${i}" for="node" attr.name="k${i}" attr.type="string"/>`).join('')}
  <graph edgedefault="directed">
    <node id="n">${Array.from({ length: data }, (_, i) => `<data key="k${i % keys}">${i}</data>`).join('')}</node>
  </graph>
</graphml>`;
const problems = (name: string, text: string) => {
  const r = loadFiles([{ name, text }]);
  return r.ok ? [] : r.problems.map(formatProblem);
};

describe('attribute caps', () => {
  it('refuse more attribute values on one element than the cap, once, at its line', () => {
    const over = problems('many.gexf', gexf(MAX_RECORD_ATTRIBUTES * 3));
    expect(over.filter((p) => /at most 1,000 <attvalue>s on one element/.test(p))).toEqual([expect.stringMatching(/^many\.gexf:6:/)]);
    expect(problems('many.graphml', graphml(MAX_RECORD_ATTRIBUTES + 1)).filter((p) => /at most 1,000 <data> on one element/.test(p))).toHaveLength(1);
    expect(problems('fine.gexf', gexf(MAX_RECORD_ATTRIBUTES)).some((p) => /the cap/.test(p))).toBe(false);
  });
  it('refuse more declared attributes than the cap', () => {
    expect(problems('decl.gexf', gexf(1, MAX_DECLARED_ATTRIBUTES + 5)).filter((p) => /at most 1,000 <attribute>s of class node/.test(p))).toHaveLength(1);
    expect(problems('decl.graphml', graphml(1, MAX_DECLARED_ATTRIBUTES + 5)).filter((p) => /at most 1,000 <key>s for node/.test(p))).toHaveLength(1);
  });
});
