/**
 * A name twice in one JSON object (issue 20, item 10): JSON.parse keeps the
 * last silently; every JSON text Chokepoint reads refuses it with the path and
 * the line instead (a native file, a JSON attribute of an export).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDuplicateKey, parseJsonText } from '../../../src/io/json-text.ts';
import { decodeValue } from '../../../src/io/formats/attr-codec.ts';
import { loadFiles } from '../../../src/io/load.ts';
import { formatProblem } from '../../../src/model/problem.ts';

describe('duplicate names in JSON objects', () => {
  it('finds the first, with its path, through escapes and nesting', () => {
    const nested = '{"a":1,"b":{"a":2},"c":[{"x":1,"y":2},{"x":3,"x":4}]}';
    expect(findDuplicateKey(nested)).toEqual({ offset: nested.lastIndexOf('"x"'), key: 'x', path: ['c', 1] });
    expect(findDuplicateKey('{"a\\u0062":1,"ab":2}')?.key).toBe('ab');
    expect(findDuplicateKey('{"q":"\\"a\\":1,","a":1,"r":"\\\\","b":2}')).toBeUndefined();
    expect(findDuplicateKey('[{"a":1},{"a":1}]')).toBeUndefined();
    const many = `{${Array.from({ length: 40 }, (_, i) => `"k${i}":${i}`).join(',')},"k7":0}`;
    expect(findDuplicateKey(many)?.key).toBe('k7');
  });

  it('refuses a native file with a name twice, at its line', () => {
    const valid = readFileSync(new URL('../../fixtures/known/and-or.json', import.meta.url), 'utf8');
    expect(loadFiles([{ name: 'once.json', text: valid }]).ok).toBe(true);
    const text = valid.replace('"label": "Fab one",', '"label": "Fab one", "label": "Fab two",');
    const r = loadFiles([{ name: 'twice.json', text }]);
    expect(r.ok).toBe(false);
    const at = text.indexOf('"label": "Fab two"');
    const line = text.slice(0, at).split('\n').length;
    const column = at - text.lastIndexOf('\n', at - 1);
    if (!r.ok) expect(r.problems.map(formatProblem)).toEqual([`twice.json:${line}:${column} nodes[0].attributes.label: expected each name once in an object (JSON would keep only the last), found "label" again in nodes[0].attributes`]);
  });

  it('refuses it in any JSON text read: a block, an attribute written as JSON', () => {
    expect(parseJsonText('{"a":1,"a":2}').ok).toBe(false);
    expect(decodeValue('json', '{"x":1,"x":2}')).toEqual({ ok: false, expected: 'JSON text with each name once in an object' });
    expect(decodeValue('json', '{"x":1,"y":2}')).toEqual({ ok: true, value: { x: 1, y: 2 } });
  });
});
