/** offsetOfPath (a walk of the text) finds what jsonc-parser's tree finds, for paths that exist and paths that go further than the text. */
import fc from 'fast-check';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { offsetOfPath } from '../../../src/io/json-text.ts';

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
