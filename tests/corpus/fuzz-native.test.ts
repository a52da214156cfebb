/**
 * Random mutations of valid native files: the loader never throws or hangs,
 * and never accepts a file that breaks the spec (checked by hand-written rules).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNativeText } from '../../src/io/load-native.ts';
import { brokenRule } from '../helpers/spec-check.ts';
import { fixturePath, repoPath } from '../helpers/load.ts';

const SEEDS = [
  readFileSync(fixturePath('known/and-or.json'), 'utf8'),
  readFileSync(fixturePath('known/cycle.json'), 'utf8'),
  readFileSync(fixturePath('bad/scenario-cannot-apply.json'), 'utf8').replace('"b",\n          "target": "a"', '"a",\n          "target": "b"'),
];
const DEFAULT = readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8');

const HOSTILE_VALUES: unknown[] = [
  null, true, -1, -0, 1e308, 0, '', ' ', '__proto__', 'constructor', 'toString', '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x")', [], {}, { __proto__: { polluted: 1 } }, [[[[[]]]]], 'ZZ', 'tw', 'Chips', 'a'.repeat(200),
];

type Path = (string | number)[];
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function mutate(doc: unknown, path: Path, action: number, replacement: unknown): unknown {
  const copy = structuredClone(doc);
  if (path.length === 0) return replacement;
  let parent = copy as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (action === 0) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (action === 1 && Array.isArray(parent)) parent.push(structuredClone(parent[Number(last)]));
  else parent[last] = replacement;
  return copy;
}

const structural = fc
  .tuple(fc.constantFrom(...SEEDS), fc.nat(), fc.nat(2), fc.constantFrom(...HOSTILE_VALUES))
  .map(([text, pick, action, replacement]) => {
    const doc = JSON.parse(text);
    const all = paths(doc);
    return JSON.stringify(mutate(doc, all[pick % all.length]!, action, replacement), null, 1);
  });

const textual = fc
  .tuple(fc.constantFrom(...SEEDS), fc.nat(), fc.nat(), fc.constantFrom('', '{', '}', '"', ',', '\\', '\u0000', 'NaN', '\ud800', ']]]'))
  .map(([text, at, length, insert]) => {
    const i = at % text.length;
    return text.slice(0, i) + insert + text.slice(i + (length % 8));
  });

function checkLoader(text: string) {
  const started = performance.now();
  const result = loadNativeText(text, 'fuzz.json');
  expect(performance.now() - started).toBeLessThan(1000);
  if (result.ok) expect(brokenRule(JSON.parse(text.replace(/^\ufeff/, '')))).toBeUndefined();
  else {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems) expect(typeof p.expected === 'string' && typeof p.found === 'string').toBe(true);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('fuzzing the native loader', () => {
  it('survives structural mutations', () => fc.assert(fc.property(structural, checkLoader), { numRuns: 400 }));
  it('survives textual mutations', () => fc.assert(fc.property(textual, checkLoader), { numRuns: 400 }));
  it('survives truncation of the default graph anywhere', () =>
    fc.assert(fc.property(fc.nat(DEFAULT.length - 1), (n) => checkLoader(DEFAULT.slice(0, n))), { numRuns: 40 }));
});
