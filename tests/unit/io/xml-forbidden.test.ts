/**
 * Characters XML 1.0 forbids (issue 20, item 12): U+FFFE, U+FFFF, C0 controls
 * and lone surrogates in a label, a note, the title or the description are
 * written so that the GEXF and GraphML files are well-formed and read back
 * to the same text (the plain-text copies other tools read get U+FFFD).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonForXml } from '../../../src/io/formats/attr-codec.ts';
import { xmlText } from '../../../src/io/formats/xml.ts';
import { loadFiles } from '../../../src/io/load.ts';
import { writeGraph } from '../../../src/io/write.ts';
import { formatProblem } from '../../../src/model/problem.ts';

const HOSTILE = 'a\ufffeb\uffffc\u0001d\u001fe\ud800f';
const fixture = readFileSync(new URL('../../fixtures/known/and-or.json', import.meta.url), 'utf8');

describe('XML-forbidden characters in exports', () => {
  const text = fixture
    .replace('"Fab one"', JSON.stringify(`Fab ${HOSTILE}`))
    .replace('"AND across inputs, OR within one"', JSON.stringify(`Title ${HOSTILE}`))
    .replace('"currency": "USD",', `"currency": "USD", "description": ${JSON.stringify(`About ${HOSTILE}`)},`);
  const loaded = loadFiles([{ name: 'hostile.json', text }]);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));

  for (const format of ['gexf', 'graphml'] as const) {
    it(`writes well-formed ${format} that reads back to the same text`, () => {
      const files = writeGraph(loaded.graph, format).files.map((f) => ({ name: f.name, text: typeof f.data === 'string' ? f.data : new TextDecoder().decode(f.data) }));
      expect(files[0]!.text).not.toMatch(/[\ufffe\uffff\u0001\u001f]/);
      const back = loadFiles(files);
      if (!back.ok) throw new Error(back.problems.map(formatProblem).join('\n'));
      expect(back.document.nodes[0]!.attributes.label).toBe(`Fab ${HOSTILE}`);
      expect(back.document.attributes.title).toBe(`Title ${HOSTILE}`);
      expect(back.document.attributes.description).toBe(`About ${HOSTILE}`);
    });
  }

  it('escapes in JSON what JSON.stringify leaves raw, and replaces in plain copies', () => {
    expect(jsonForXml('\ufffe\uffff')).toBe('"\\ufffe\\uffff"');
    expect(JSON.parse(jsonForXml({ a: HOSTILE }))).toEqual({ a: HOSTILE });
    expect(xmlText(HOSTILE)).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf');
  });
});
