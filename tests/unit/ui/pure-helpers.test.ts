/** The UI's helpers that need no DOM: link safety, search matching, labels and colours. */
import { describe, expect, it } from 'vitest';
import { safeHref } from '../../../src/ui/dom.ts';
import { mix, NAMED_NEIGHBOURS, namedNeighbours, shortLabel } from '../../../src/ui/look.ts';
import { matchEntries, type SearchEntry } from '../../../src/ui/search.ts';
import { describeSet } from '../../../src/ui/words.ts';

describe('safeHref', () => {
  it('links only http and https URLs from a file', () => {
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHref('http://example.org')).toBe('http://example.org/');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:x', 'file:///etc/passwd', '/relative', 'not a url', '', undefined]) {
      expect(safeHref(bad), String(bad)).toBeNull();
    }
  });
});

describe('matchEntries', () => {
  const entry = (key: string, label: string): SearchEntry => ({ key, label, detail: '', haystack: `${label} ${key}`.toLowerCase() });
  const entries = [entry('tsmc-tw', 'TSMC fabs in Taiwan'), entry('micron-jp', 'Micron Hiroshima (Japan)'), entry('jasm', 'JASM Kumamoto (TSMC majority)')];
  it('finds by any part of the label or key, case-insensitively, label starts first', () => {
    expect(matchEntries(entries, 'HIROSHIMA').map((e) => e.key)).toEqual(['micron-jp']);
    expect(matchEntries(entries, 'tsmc').map((e) => e.key)).toEqual(['tsmc-tw', 'jasm']);
    expect(matchEntries(entries, 'jp').map((e) => e.key)).toEqual(['micron-jp']);
    expect(matchEntries(entries, '   ')).toEqual([]);
    expect(matchEntries(entries, 'tsmc', 1)).toHaveLength(1);
  });
});

describe('labels and colours', () => {
  it('shortens labels at a parenthesis or 26 characters', () => {
    expect(shortLabel('Hoya (photomask blanks)')).toBe('Hoya');
    expect(shortLabel('Japan: automotive and industrial buyers')).toBe('Japan: automotive and ind…');
    expect(shortLabel('Japan: automotive and industrial buyers').length).toBeLessThanOrEqual(26);
  });
  it('mixes colours', () => {
    expect(mix('#000000', '#ffffff', 0)).toBe('#000000');
    expect(mix('#000000', '#ffffff', 1)).toBe('#ffffff');
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix('#000000', '#ffffff', 7)).toBe('#ffffff');
  });
  it('names sets in words', () => {
    expect(describeSet('foundry:TW')).toBe('foundries in Taiwan');
    expect(describeSet('JP')).toBe('everything in Japan');
  });
});

describe('namedNeighbours', () => {
  it('names every neighbour of a focused node up to NAMED_NEIGHBOURS, then only the largest', () => {
    const few = new Set(['a', 'b', 'c']);
    expect(namedNeighbours(few, () => 1)).toBe(few);
    const many = new Set(Array.from({ length: 300 }, (_, i) => `n${i}`));
    const size = (k: string) => Number(k.slice(1)) % 50;
    const named = namedNeighbours(many, size);
    expect(named.size).toBe(NAMED_NEIGHBOURS);
    const smallestNamed = Math.min(...[...named].map(size));
    for (const k of many) if (!named.has(k)) expect(size(k)).toBeLessThanOrEqual(smallestNamed);
    // Ties go to the smaller key, so the same graph always names the same nodes.
    expect(namedNeighbours(new Set([...many].reverse()), size)).toEqual(named);
  });
});
