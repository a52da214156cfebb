import { describe, expect, it } from 'vitest';
import { readSent, toSent } from '../../../src/worker/sent-files.ts';
import { allRead, readFiles, totalBytes } from '../../../src/ui/files/read-files.ts';
import { MAX_STORED_BYTES } from '../../../src/state/files-recent.ts';

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

describe('files picked on the page', () => {
  it('are read there only when the recent list may keep them; the bigger ones go as the file alone', async () => {
    const small = new File([new Uint8Array(1000).fill(65)], 'small.json');
    const big = new File([new Uint8Array(MAX_STORED_BYTES + 1)], 'big.json');
    const [a, b] = await readFiles([small, big]);
    expect(a!.bytes?.length).toBe(1000);
    expect(a!.source).toBe(small);
    expect(b!.bytes).toBeUndefined();
    expect(b!.source).toBe(big);
    expect(totalBytes([a!, b!])).toBe(1000 + MAX_STORED_BYTES + 1);
    expect(allRead([a!])).toEqual([{ name: 'small.json', bytes: a!.bytes }]);
    expect(allRead([a!, b!])).toBeNull();
    expect(toSent(b!)).toEqual({ name: 'big.json', blob: big });
  });

  it('cannot be sent with neither bytes nor a file', () => {
    expect(() => toSent({ name: 'x.json' })).toThrow('x.json has neither bytes nor a file to read');
  });
});
