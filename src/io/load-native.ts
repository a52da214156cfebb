/** The native format: JSON text -> validated document -> supply graph, or every problem with its line. */
import type { SupplyGraph } from '../model/graph.ts';
import { isError, type Problem } from '../model/problem.ts';
import type { GraphDocument } from '../model/schema.ts';
import { locateProblems, parseJsonText } from './json-text.ts';
import { validateDocument } from './validate.ts';

export type LoadResult =
  | { ok: true; graph: SupplyGraph; document: GraphDocument; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

export function loadNativeText(text: string, file?: string): LoadResult {
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return parsed;
  const validation = validateDocument(parsed.value);
  locateProblems(text, validation.problems, validation.paths);
  const problems = validation.problems.map((p) => ({ ...p, file }));
  if (validation.graph && validation.document && !problems.some(isError)) {
    return { ok: true, graph: validation.graph, document: validation.document, warnings: problems };
  }
  return { ok: false, problems };
}
