/** zod issues as problems: the path, what the schema expected, what the file holds there. */
import type { z } from 'zod';
import { describeValue, pathToString, type Problem } from './problem.ts';
import { OPERATION_NAMES } from './schema.ts';

export type PathArray = (string | number)[];

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const part of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.hasOwn(v, part as string)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[part as string];
  }
  return v;
}

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

function expectedOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? 'a finite number' : article(issue.expected);
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min === 1 ? 'a non-empty string' : `at least ${min} characters`;
      if (issue.origin === 'array') return `at least ${min} item${min === 1 ? '' : 's'}`;
      return `a number ${issue.inclusive ? '>=' : '>'} ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `at most ${max} characters`;
      if (issue.origin === 'array') return `at most ${max} items`;
      return `a number ${issue.inclusive ? '<=' : '<'} ${max}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? JSON.stringify(issue.values[0])
        : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) return `a known "${issue.discriminator}"`;
      return issue.message || 'one of the allowed shapes';
    case 'unrecognized_keys':
      return 'only the fields the format defines';
    default:
      return issue.message;
  }
}

export function zodIssuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  pathPrefix: PathArray = [],
  paths?: Map<Problem, PathArray>,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    // `found` is looked up in `input` by the issue's own path; the reported path carries the prefix.
    const own = issue.path as PathArray;
    let found: string;
    let ownReported = own;
    if (issue.code === 'unrecognized_keys') {
      found = issue.keys.map((k) => JSON.stringify(k)).join(', ');
      found = `the field${issue.keys.length > 1 ? 's' : ''} ${found}`;
    } else if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
      if (own[own.length - 1] !== issue.discriminator) ownReported = [...own, issue.discriminator];
      found = describeValue(valueAt(input, ownReported));
    } else {
      found = describeValue(valueAt(input, own));
    }
    const reportedPath = [...pathPrefix, ...ownReported];
    let expected = expectedOf(issue);
    if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator === 'op') {
      expected = `"op" to be one of ${OPERATION_LIST()}`;
    }
    const problem: Problem = { severity: 'error', path: pathToString(reportedPath), expected, found };
    paths?.set(problem, reportedPath);
    problems.push(problem);
  }
  return problems;
}

const OPERATION_LIST = () => OPERATION_NAMES.join(', ');
