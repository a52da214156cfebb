/**
 * A problem found in a file or an edit: where it is, what was expected and
 * what was found. Every loader and validator speaks in these.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** JSON path such as `nodes[12].attributes.country`; '' for the whole file. */
  path: string;
  expected: string;
  found: string;
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
}

export const isError = (p: Problem) => p.severity === 'error';

/** `file:line:column path: expected …, found …` — the one way problems are printed. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.line !== undefined ? p.column : undefined].filter((x) => x !== undefined).join(':');
  const head = [where, p.path].filter(Boolean).join(' ');
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${head ? head + ': ' : ''}${tag}expected ${p.expected}, found ${p.found}`;
}

/** Turns a path array into `nodes[12].attributes.country`. */
export function pathToString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const s = String(part);
      out += /^[A-Za-z_$][\w$]*$/.test(s) ? (out ? '.' : '') + s : `[${JSON.stringify(s)}]`;
    }
  }
  return out;
}

/** A short, safe description of a value for a "found" field. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? value.slice(0, 57) + '…' : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : `the number ${String(value)}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** Thrown (and caught at the edges) when input is refused; carries every problem. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'InputError';
  }
}

/** How many problems a caller shows before "…and N more": enough to act on, few enough to read. */
export const MAX_PROBLEMS_SHOWN = 200;

/** The problems to show, and how many more there are. */
export function capProblems(problems: Problem[], max = MAX_PROBLEMS_SHOWN): { shown: Problem[]; more: number } {
  return { shown: problems.slice(0, max), more: Math.max(0, problems.length - max) };
}
