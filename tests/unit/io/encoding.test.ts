/**
 * Wide text (issue 20, item 14): a UTF-16 file, with or without a byte-order
 * mark, is one problem about the encoding, not a problem per NUL character.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFiles, wideEncoding } from '../../../src/io/load.ts';
import { formatProblem } from '../../../src/model/problem.ts';

const text = readFileSync(new URL('../../fixtures/known/and-or.json', import.meta.url), 'utf8');
const utf16 = (s: string, bigEndian: boolean, bom: boolean) => {
  const out = new Uint8Array(s.length * 2 + (bom ? 2 : 0));
  if (bom) out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const at = (bom ? 2 : 0) + 2 * i;
    out[at + (bigEndian ? 0 : 1)] = s.charCodeAt(i) >> 8;
    out[at + (bigEndian ? 1 : 0)] = s.charCodeAt(i) & 0xff;
  }
  return out;
};

describe('wide text', () => {
  for (const bigEndian of [true, false]) {
    for (const bom of [true, false]) {
      it(`is one problem for UTF-16 ${bigEndian ? 'BE' : 'LE'} ${bom ? 'with' : 'without'} a BOM`, () => {
        const r = loadFiles([{ name: 'wide.json', bytes: utf16(text, bigEndian, bom) }]);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.problems.map(formatProblem)).toEqual([expect.stringMatching(/^wide\.json: expected UTF-8 text \(save the file as UTF-8\), found text in UTF-16/)]);
      });
    }
  }
  it('leaves UTF-8 alone', () => {
    expect(wideEncoding(new TextEncoder().encode(text))).toBeUndefined();
    expect(loadFiles([{ name: 'a.json', bytes: new TextEncoder().encode(text) }]).ok).toBe(true);
  });
});
