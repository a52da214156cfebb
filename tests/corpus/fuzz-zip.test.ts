/**
 * Random zip containers (issue 20): nested zips, entries that lie about their
 * size either way, names used twice, names that climb ("../"), are absolute,
 * carry terminal escapes or are empty, stored or deflated, and cut archives.
 * Whatever the mix, the pipeline never throws, never inflates more than its
 * budget allows, refuses with a problem naming the zip, and accepts only a
 * zip whose entries are what they declare.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/io/load.ts';
import { writeGraph } from '../../src/io/write.ts';
import { toDocument } from '../../src/model/graph.ts';
import { brokenRule } from '../helpers/spec-check.ts';
import { loadFixture } from '../helpers/load.ts';
import { craftZip, type CraftEntry } from '../helpers/zip-craft.ts';

const text = (d: string | Uint8Array) => (typeof d === 'string' ? d : new TextDecoder().decode(d));
const PAIR: CraftEntry[] = writeGraph(loadFixture('known/and-or.json'), 'csv').files.map((f) => ({ name: f.name, data: text(f.data) }));
const NAMES = ['nodes.csv', 'flows.csv', 'NODES.CSV', './nodes.csv', '../flows.csv', '/abs/nodes.csv', 'C:\\x\\nodes.csv', 'inner.zip', 'a/b/nodes.csv', '__MACOSX/._nodes.csv', 'dir/', '\u001b[31mred\u001b[0m.csv', '', 'graph.json', 'x.gexf'];
/** The budget of every run, small enough that a lying entry would pass it many times over were it not stopped. */
const MAX = 200_000;

type Spec = { kind: 'pair' | 'zeros' | 'inner' | 'text'; name: number; lie: number; method: 0 | 8; size: number };
const spec: fc.Arbitrary<Spec> = fc.record({
  kind: fc.constantFrom('pair', 'zeros', 'inner', 'text'),
  name: fc.nat(NAMES.length - 1),
  // 0: the truth; otherwise a declared size far below or above it.
  lie: fc.constantFrom(0, 0, 1, 2, 3),
  method: fc.constantFrom(0, 8),
  size: fc.integer({ min: 0, max: 2_000_000 }),
});

function entryOf(s: Spec, depth: number): CraftEntry[] {
  const name = NAMES[s.name]!;
  if (s.kind === 'pair') return PAIR.map((e) => ({ ...e, method: s.method }));
  const data =
    s.kind === 'zeros' ? new Uint8Array(s.size)
    : s.kind === 'inner' && depth < 3 ? craftZip([...PAIR, ...entryOf({ ...s, kind: 'zeros' }, depth + 1)])
    : `key,label\n${'n,N\n'.repeat(s.size % 1000)}`;
  const size = typeof data === 'string' ? new TextEncoder().encode(data).length : data.length;
  const declared = s.lie === 1 ? Math.min(size, 100) : s.lie === 2 ? size * 2 + 1 : s.lie === 3 ? 0xfffffff0 : size;
  return [{ name, data, declared, method: s.kind === 'zeros' ? 8 : s.method }];
}

describe('fuzzing zip containers', () => {
  it('survives nested, lying, duplicated and oddly named entries', () =>
    fc.assert(
      fc.property(fc.array(spec, { minLength: 0, maxLength: 5 }), fc.nat(), fc.boolean(), (specs, cut, truncate) => {
        const entries = specs.flatMap((s) => entryOf(s, 0).map((e) => ({ ...e, inner: s.kind === 'inner' })));
        // Entries that should make the zip refused: a size that lies, or a zip inside (zip tools' clutter is skipped unread).
        const wrong = entries.filter((e) => !/(^|\/)(__MACOSX|\.)|\/$/.test(e.name) && (e.inner || (e.declared ?? -1) !== -1 && e.declared !== (typeof e.data === 'string' ? new TextEncoder().encode(e.data).length : e.data.length)));
        let bytes = craftZip(entries);
        if (truncate) bytes = bytes.subarray(0, cut % (bytes.length + 1));
        const result = loadFiles([{ name: 'fuzz.zip', bytes }], { maxBytes: MAX });
        if (result.ok) {
          expect(brokenRule(toDocument(result.graph))).toBeUndefined();
          // Accepted: every entry told the truth, no climbing name, no zip inside.
          expect(wrong.map((e) => e.name)).toEqual([]);
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) {
            expect(typeof p.expected === 'string' && typeof p.found === 'string').toBe(true);
            // Every refusal names the zip (or a file inside it), in its file or, for a choice among files, in what it found.
            expect(`${p.file ?? ''} ${p.found}`).toMatch(/fuzz\.zip/);
          }
        }
      }),
      { numRuns: 120 },
    ));
});
