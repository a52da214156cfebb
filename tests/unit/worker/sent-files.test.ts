import { describe, expect, it } from 'vitest';
import { readSent, toSent } from '../../../src/worker/sent-files.ts';

describe('files sent to the worker', () => {
  it('go as the file picked when there is one, else as bytes', () => {
    const bytes = new TextEncoder().encode('{"nodes":[]}');
    const source = new Blob([bytes]);
    expect(toSent({ name: 'g.json', bytes, source })).toEqual({ name: 'g.json', blob: source });
    expect(toSent({ name: 'g.json', bytes })).toEqual({ name: 'g.json', bytes });
  });

  it('are read in the worker to the same bytes', async () => {
    const bytes = new Uint8Array(30_000).map((_, i) => (i * 7) % 251);
    const read = await readSent({ name: 'big.json', blob: new Blob([bytes]) });
    expect(read.name).toBe('big.json');
    expect(read.bytes).toEqual(bytes);
    const plain = { name: 'a.json', bytes };
    expect(await readSent(plain)).toBe(plain);
  });

  it('name the file that could not be read', async () => {
    const broken = { arrayBuffer: () => Promise.reject(new Error('the file changed on disk')) } as unknown as Blob;
    await expect(readSent({ name: 'gone.json', blob: broken })).rejects.toThrow('could not read gone.json: the file changed on disk');
  });
});
