/**
 * JSON text in and out: parsing with line and column for syntax errors, and
 * finding the line of a JSON path, so every problem can say where it is.
 */
import { findNodeAtLocation, parseTree, parse as parseLoose, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { pathToString, type Problem } from '../model/problem.ts';

export type ParseResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function positionAt(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

const SYNTAX_EXPECTED: Record<string, string> = {
  InvalidSymbol: 'a JSON value',
  InvalidNumberFormat: 'a number',
  PropertyNameExpected: 'a property name in double quotes',
  ValueExpected: 'a value',
  ColonExpected: '":"',
  CommaExpected: '","',
  CloseBraceExpected: '"}"',
  CloseBracketExpected: '"]"',
  EndOfFileExpected: 'the end of the file',
  InvalidCommentToken: 'no comment (JSON has none)',
  UnexpectedEndOfComment: 'the end of the comment',
  UnexpectedEndOfString: 'a closing double quote',
  UnexpectedEndOfNumber: 'a digit',
  InvalidUnicode: 'a valid \\u escape',
  InvalidEscapeCharacter: 'a valid escape',
  InvalidCharacter: 'no control character inside a string',
};

/** Deeper than any graph file needs; deep enough nesting would overflow the stack of the parsers behind JSON.parse. */
export const MAX_JSON_DEPTH = 64;

/** The first place where arrays and objects nest deeper than `max`, scanning without recursion. */
export function findDeepNesting(text: string, max = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return undefined;
}

/** Whether arrays and objects nest deeper than `max` in a parsed value: a walk that goes no deeper than that. */
export function nestsDeeper(value: unknown, max = MAX_JSON_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (max === 0) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (nestsDeeper(item, max - 1)) return true;
  } else {
    for (const key in value) if (nestsDeeper((value as Record<string, unknown>)[key], max - 1)) return true;
  }
  return false;
}

/** Strict JSON; on failure every syntax error the tolerant parser can find, with line and column. */
export function parseJsonText(rawText: string, file?: string): ParseResult {
  // A byte-order mark is how some editors start UTF-8: not part of the JSON.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const tooDeep = (at: number): ParseResult => ({
    ok: false,
    problems: [{ severity: 'error', file, path: '', ...positionAt(lineStarts(text), at), expected: `arrays and objects nested at most ${MAX_JSON_DEPTH} deep`, found: 'deeper nesting' }],
  });
  // JSON.parse itself nests without recursion; the depth is checked on the value (a few ms, where a scan
  // of every character of a 10 MB text took 20 to 30), and the text scanned only to say where.
  try {
    const value: unknown = JSON.parse(text);
    if (nestsDeeper(value)) return tooDeep(findDeepNesting(text) ?? 0);
    // JSON.parse keeps the last of two members of one name: a file that says "value" twice is refused, not half read.
    const twice = findDuplicateKey(text);
    if (twice) {
      const where = twice.path.length ? pathToString(twice.path) : 'the top-level object';
      return { ok: false, problems: [{ severity: 'error', file, path: pathToString([...twice.path, twice.key]), ...positionAt(lineStarts(text), twice.offset), expected: 'each name once in an object (JSON would keep only the last)', found: `${JSON.stringify(twice.key)} again in ${where}` }] };
    }
    return { ok: true, value };
  } catch (cause) {
    // The tolerant parser below recurses: deep nesting is refused before it runs.
    const deep = findDeepNesting(text);
    if (deep !== undefined) return tooDeep(deep);
    const errors: ParseError[] = [];
    parseLoose(text, errors, { allowTrailingComma: false, disallowComments: true });
    const starts = lineStarts(text);
    // The tolerant parser reports one mistake several times at one offset (each enclosing
    // structure it closes); the first says what was wrong.
    const seen = new Set<number>();
    const distinct = errors.filter((e) => !seen.has(e.offset) && seen.add(e.offset));
    const problems: Problem[] = distinct.slice(0, 50).map((e) => {
      const name = printParseErrorCode(e.error);
      const near = text.slice(e.offset, e.offset + Math.max(1, Math.min(e.length, 20)));
      return {
        severity: 'error',
        file,
        path: '',
        ...positionAt(starts, e.offset),
        expected: SYNTAX_EXPECTED[name] ?? 'valid JSON',
        found: e.offset >= text.length ? 'the end of the file' : JSON.stringify(near),
      };
    });
    if (problems.length === 0) {
      problems.push({ severity: 'error', file, path: '', expected: 'valid JSON', found: String((cause as Error).message) });
    }
    return { ok: false, problems };
  }
}

/** Adds line and column to problems whose JSON path can be found in the text. */
export function locateProblems(text: string, problems: Problem[], pathArrays: Map<Problem, (string | number)[]>): void {
  if (problems.length === 0) return;
  const starts = lineStarts(text);
  // A few problems: a walk of the text along each path, without building a
  // tree (a tree of a 10 MB file took most of a second to refuse one dangling
  // edge). Many: one tree for all.
  if (problems.length <= FEW_PROBLEMS) {
    for (const problem of problems) {
      const path = pathArrays.get(problem);
      const offset = path ? offsetOfPath(text, path) : undefined;
      if (offset !== undefined) Object.assign(problem, positionAt(starts, offset));
    }
    return;
  }
  const tree = parseTree(text);
  if (!tree) return;
  for (const problem of problems) {
    const path = pathArrays.get(problem);
    if (!path) continue;
    // The deepest node that exists: a missing field is reported at its parent.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = findNodeAtLocation(tree, path.slice(0, depth));
      if (node) {
        const offset = node.parent?.type === 'property' && depth === path.length ? node.parent.offset : node.offset;
        Object.assign(problem, positionAt(starts, offset));
        break;
      }
    }
  }
}

const FEW_PROBLEMS = 16;

/**
 * Where a JSON path is in well-formed JSON text: the offset of the value, or
 * of its property name when the path ends at an object's member; where the
 * path goes further than the text, the deepest part that exists (a missing
 * field is reported at its parent). One pass over the text at most, skipping
 * every value off the path.
 */
export function offsetOfPath(text: string, path: readonly (string | number)[]): number | undefined {
  const ws = (i: number) => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) break;
      i++;
    }
    return i;
  };
  /** The offset just after the string starting at i (a `"`). */
  const stringEnd = (i: number) => {
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) i++;
      else if (c === 34) return i + 1;
    }
    return text.length;
  };
  /** The offset just after the value starting at i. */
  const valueEnd = (i: number) => {
    const c = text.charCodeAt(i);
    if (c === 34) return stringEnd(i);
    if (c !== 123 && c !== 91) {
      while (i < text.length && !',]} \t\r\n'.includes(text[i]!)) i++;
      return i;
    }
    let depth = 0;
    for (; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === 34) i = stringEnd(i) - 1;
      else if (d === 123 || d === 91) depth++;
      else if ((d === 125 || d === 93) && --depth === 0) return i + 1;
    }
    return text.length;
  };
  /** Where the member or item after the one whose value starts at i begins; undefined at the end of its object or array. */
  const next = (i: number): number | undefined => {
    const after = ws(valueEnd(i));
    return text.charCodeAt(after) === 44 ? ws(after + 1) : undefined;
  };
  let at = ws(0);
  let reported = at;
  for (const step of path) {
    const open = text.charCodeAt(at);
    let found: number | undefined;
    if (open === 123 && typeof step === 'string') {
      for (let i: number | undefined = ws(at + 1); i !== undefined && text.charCodeAt(i) === 34; ) {
        const keyEnd = stringEnd(i);
        const raw = text.slice(i + 1, keyEnd - 1);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, keyEnd)) as string) : raw;
        const value = ws(ws(keyEnd) + 1);
        if (key === step) {
          found = value;
          reported = i;
          break;
        }
        i = next(value);
      }
    } else if (open === 91 && typeof step === 'number') {
      let i: number | undefined = ws(at + 1);
      for (let n = 0; i !== undefined && i < text.length && text.charCodeAt(i) !== 93; n++, i = next(i)) {
        if (n === step) {
          found = reported = i;
          break;
        }
      }
    }
    if (found === undefined) return at;
    at = found;
  }
  return path.length === 0 || typeof path.at(-1) !== 'string' ? at : reported;
}

/**
 * The first member of an object whose name the same object already has
 * (JSON.parse keeps the last one silently): its offset, name and the path of
 * the object. One pass over well-formed JSON text, without recursion.
 */
export function findDuplicateKey(text: string): { offset: number; key: string; path: (string | number)[] } | undefined {
  // Per open object or array: the names seen (objects: a short list, a Set once it is long) or null (arrays), and the step of the path.
  const names: (string[] | Set<string> | null)[] = [];
  const steps: (string | number)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // The closing quote: the next one not escaped (an odd run of backslashes before it escapes it).
      let end = text.indexOf('"', i + 1);
      while (end !== -1) {
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 92) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end === -1) return undefined;
      if (expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        const seen = names[names.length - 1]!;
        if (Array.isArray(seen)) {
          if (seen.includes(key)) return { offset: i, key, path: steps.slice(0, -1) };
          seen.push(key);
          if (seen.length > 16) names[names.length - 1] = new Set(seen);
        } else {
          if (seen.has(key)) return { offset: i, key, path: steps.slice(0, -1) };
          seen.add(key);
        }
        steps[steps.length - 1] = key;
        expectKey = false;
      }
      i = end;
    } else if (c === 123 /* { */) {
      names.push([]);
      steps.push('');
      expectKey = true;
    } else if (c === 91 /* [ */) {
      names.push(null);
      steps.push(0);
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      names.pop();
      steps.pop();
    } else if (c === 44 /* , */) {
      const top = steps.length - 1;
      if (names[top] === null) steps[top] = (steps[top] as number) + 1;
      else if (top >= 0) expectKey = true;
    }
  }
  return undefined;
}
