/** offsetOfPath (a walk of the text) finds what jsonc-parser's tree finds, for paths that exist and paths that go further than the text. */
import fc from 'fast-check';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { findDeepNesting, MAX_JSON_DEPTH, nestsDeeper, offsetOfPath, parseJsonText } from '../../../src/io/json-text.ts';

/** The tree's answer, as locateProblems gave it before the walk. */
function byTree(text: string, path: (string | number)[]): number | undefined {
  const tree = parseTree(text)!;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(tree, path.slice(0, depth));
    if (node) return node.parent?.type === 'property' && depth === path.length ? node.parent.offset : node.offset;
  }
  return undefined;
}

/** Every path into a value, and one step further than each. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix, [...prefix, 'missing'], [...prefix, 99]];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

describe('offsetOfPath', () => {
  it('agrees with the tree on random JSON, however it is laid out', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 1, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        for (const path of pathsOf(value).slice(0, 200)) expect(offsetOfPath(text, path)).toBe(byTree(text, path));
      }),
      { numRuns: 300 },
    );
  });

  it('reads keys with escapes, and strings holding brackets and quotes', () => {
    const text = JSON.stringify({ 'a"b': [1, '}]"{', { 'c\\nd': true }], e: { f: '\\\\' } }, null, 1);
    for (const path of [['a"b', 2, 'c\\nd'], ['e', 'f'], ['a"b', 1], ['e', 'g']]) expect(offsetOfPath(text, path)).toBe(byTree(text, path));
  });
});

describe('nesting depth', () => {
  /** A value nested `depth` arrays or objects deep, with some siblings, as text with spaces and strings holding brackets. */
  const nested = (depth: number, seed: number): string => {
    let text = '"[{\\"x"';
    for (let i = 0; i < depth; i++) text = (i + seed) % 3 === 0 ? `{"k${i}": ${text}, "s": "]}"}` : `[1, ${text}, "{["]`;
    return text;
  };

  it('is refused past 64 levels, where the text says, whether checked on the value or in the text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 2 }), (depth, seed) => {
        const text = nested(depth, seed);
        expect(nestsDeeper(JSON.parse(text))).toBe(depth > MAX_JSON_DEPTH);
        expect(findDeepNesting(text) !== undefined).toBe(depth > MAX_JSON_DEPTH);
        const r = parseJsonText(` ${text}`);
        expect(r.ok).toBe(depth <= MAX_JSON_DEPTH);
        if (!r.ok) expect(r.problems[0]).toMatchObject({ found: 'deeper nesting', line: 1, column: findDeepNesting(text)! + 2 });
      }),
    );
  });

  it('refuses a million levels, valid or cut short, without running out of stack', () => {
    const deep = '['.repeat(1_000_000);
    for (const text of [deep + ']'.repeat(1_000_000), deep]) {
      const r = parseJsonText(text);
      expect(r.ok ? [] : r.problems.map((p) => p.found)).toEqual(['deeper nesting']);
    }
  });
});
