/**
 * Zips judged before they are unpacked (issue 20, items 5, 6, 10 and 14): a
 * zip inside a zip is refused before it is inflated, every inflated byte of
 * a load counts against one budget, an entry that inflates past its declared
 * size stops there and says so, two entries of one name are refused with the
 * path, and an empty zip or one of `../` entries names the zip and what it held.
 */
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/io/load.ts';
import { writeGraph } from '../../../src/io/write.ts';
import { formatProblem } from '../../../src/model/problem.ts';
import { craftZip, type CraftEntry } from '../../helpers/zip-craft.ts';
import { loadFixture } from '../../helpers/load.ts';

const csv = writeGraph(loadFixture('known/and-or.json'), 'csv').files.map((f) => ({ name: f.name, data: typeof f.data === 'string' ? f.data : new TextDecoder().decode(f.data) }));
const pair: CraftEntry[] = csv.map((f) => ({ name: f.name, data: f.data }));
const refusal = (files: { name: string; bytes: Uint8Array }[], maxBytes?: number) => {
  const r = loadFiles(files, maxBytes === undefined ? {} : { maxBytes });
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.problems.map(formatProblem).join('\n');
};

describe('zip containers', () => {
  it('load a plain zip of a CSV pair', () => {
    expect(loadFiles([{ name: 'pair.zip', bytes: craftZip(pair) }]).ok).toBe(true);
  });

  it('refuse a zip inside a zip, by name or by its first bytes, before unpacking it', () => {
    const inner = craftZip(pair);
    expect(refusal([{ name: 'outer.zip', bytes: craftZip([{ name: 'inner.zip', data: inner }]) }])).toMatch(/outer\.zip:inner\.zip: expected no zip inside a zip/);
    // Disguised as a CSV, and holding a bomb: refused at its first bytes.
    const bomb = craftZip([{ name: 'zeros.csv', data: new Uint8Array(20_000_000) }]);
    const text = refusal([{ name: 'outer.zip', bytes: craftZip([{ name: 'nodes.csv', data: bomb }, pair[1]!]) }]);
    expect(text).toMatch(/outer\.zip:nodes\.csv: expected no zip inside a zip, found a zip/);
  });

  it('count every inflated byte of a load against one budget', () => {
    const a = craftZip([{ name: 'nodes.csv', data: 'x'.repeat(700) }]);
    const b = craftZip([{ name: 'flows.csv', data: 'y'.repeat(700) }]);
    expect(refusal([{ name: 'a.zip', bytes: a }, { name: 'b.zip', bytes: b }], 1000)).toMatch(/b\.zip: expected entries of at most 1000 bytes together.*beside 700 bytes already read/);
  });

  it('stop an entry that inflates past its declared size, and say so', () => {
    const lying = craftZip([{ ...pair[0]!, data: 'x'.repeat(5_000_000), declared: 1000 }, pair[1]!]);
    expect(refusal([{ name: 'lying.zip', bytes: lying }])).toMatch(/lying\.zip:nodes\.csv: expected an entry that inflates to the size its zip declares.*more than the 1000 bytes its directory declares/);
    const short = craftZip([{ ...pair[0]!, declared: 9_000_000 }, pair[1]!]);
    expect(refusal([{ name: 'short.zip', bytes: short }])).toMatch(/short\.zip:nodes\.csv: .*where its directory declares 8\.6 MB/);
  });

  it('stop at the budget when the declared sizes fit and the data does not', () => {
    const budget = craftZip([{ ...pair[0]!, data: 'x'.repeat(3000), declared: 900 }]);
    expect(refusal([{ name: 'b.zip', bytes: budget }], 1000)).toMatch(/more than the 900 bytes its directory declares/);
  });

  it('refuse two entries of one name, with the path', () => {
    const twice = craftZip([pair[0]!, { ...pair[0]!, data: 'key,label\n' }, pair[1]!]);
    expect(refusal([{ name: 'twice.zip', bytes: twice }])).toMatch(/twice\.zip:nodes\.csv: expected each name once in a zip.*found "nodes\.csv" again/);
  });

  it('name the zip and what it held when it holds no graph', () => {
    expect(refusal([{ name: 'empty.zip', bytes: craftZip([]) }])).toMatch(/^empty\.zip: expected a zip holding a graph file.*found an empty zip$/);
    const climbing = refusal([{ name: 'up.zip', bytes: craftZip([{ name: '../nodes.csv', data: 'a' }, { name: '/etc/flows.csv', data: 'b' }]) }]);
    expect(climbing).toMatch(/up\.zip:\.\.\/nodes\.csv: expected an entry name inside the zip/);
    expect(climbing).toMatch(/up\.zip:\/etc\/flows\.csv: expected an entry name inside the zip/);
    expect(refusal([{ name: 'dots.zip', bytes: craftZip([{ name: '__MACOSX/._x', data: 'a' }, { name: 'folder/', data: '' }]) }])).toMatch(/dots\.zip: .*found only "__MACOSX\/\._x", "folder\/"/);
  });

  it('refuse a file that only starts like a zip', () => {
    expect(refusal([{ name: 'cut.zip', bytes: craftZip(pair).subarray(0, 200) }])).toMatch(/cut\.zip: expected a readable zip archive/);
  });
});
