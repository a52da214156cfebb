import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringifyInSlices } from '../../../src/ui/json-in-slices.ts';
import { generateGraph } from '../../../src/generate/index.ts';
import { repoPath } from '../../helpers/load.ts';

describe('stringifyInSlices', () => {
  it("gives JSON.stringify's text, long lists in slices", async () => {
    const doc = JSON.parse(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8'));
    expect(await stringifyInSlices(doc, 7)).toBe(JSON.stringify(doc));
    const big = generateGraph({ nodes: 300, flows: 1500, seed: 3 }) as unknown as Record<string, unknown>;
    expect(await stringifyInSlices(big, 100)).toBe(JSON.stringify(big));
    expect(await stringifyInSlices(big)).toBe(JSON.stringify(big));
  });

  it('leaves out what JSON.stringify leaves out, and keeps empty and holey lists', async () => {
    const odd = { a: undefined, b: () => 1, c: [], d: [1, undefined, null, { e: undefined }], '"quoted"': 'x\n', f: null };
    expect(await stringifyInSlices(odd, 1)).toBe(JSON.stringify(odd));
    expect(await stringifyInSlices({}, 1)).toBe('{}');
  });
});
