/** Reading a graph file for a command: every problem to stderr, or the graph. */
import { relative } from 'node:path';
import { loadNativeText, type LoadResult } from '../io/load-native.ts';
import { formatProblem, isError, type Problem } from '../model/problem.ts';
import type { SupplyGraph } from '../model/graph.ts';
import { type CliIO, InvalidInput } from './io.ts';

export const MAX_PROBLEMS_SHOWN = 200;

export function printProblems(io: CliIO, problems: Problem[]): void {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  for (const p of shown) io.stderr(formatProblem(p) + '\n');
  if (problems.length > shown.length) io.stderr(`…and ${problems.length - shown.length} more problems\n`);
}

export const displayPath = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
};

export async function loadFile(io: CliIO, path: string): Promise<LoadResult> {
  const file = displayPath(path);
  let text: string;
  try {
    text = await io.readText(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const found = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder' : code === 'EACCES' ? 'a file this user may not read' : String((cause as Error).message);
    return { ok: false, problems: [{ severity: 'error', file, path: '', expected: 'a readable graph file', found }] };
  }
  return loadNativeText(text, file);
}

/** The graph, or InvalidInput after printing every problem; warnings go to stderr either way. */
export async function readGraph(io: CliIO, path: string): Promise<SupplyGraph> {
  const result = await loadFile(io, path);
  if (!result.ok) {
    printProblems(io, result.problems);
    const errors = result.problems.filter(isError).length;
    throw new InvalidInput(`${displayPath(path)}: refused, ${errors} problem${errors === 1 ? '' : 's'}`);
  }
  printProblems(io, result.warnings);
  return result.graph;
}
