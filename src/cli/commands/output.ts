import type { SupplyGraph } from '../../model/graph.ts';
import type { ReportOptions } from '../../report/model.ts';
import { scenariosOf } from '../../scenarios/apply.ts';
import { type CliIO, InvalidInput } from '../io.ts';

export async function writeOutput(io: CliIO, out: string | undefined, text: string): Promise<void> {
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  try {
    await io.writeText(out, text);
  } catch (cause) {
    io.stderr(`cannot write ${out}: ${(cause as Error).message}\n`);
    throw new InvalidInput(`cannot write ${out}`);
  }
}

/** Names in options that the graph does not have are the user's input errors, reported before any work. */
export function checkFocus(graph: SupplyGraph, options: ReportOptions): void {
  const problems: string[] = [];
  const known = scenariosOf(graph).map((s) => s.id);
  for (const id of options.scenarios ?? []) {
    if (!known.includes(id)) problems.push(`--scenario: no scenario "${id}" in this graph; it has ${known.length ? known.map((k) => `"${k}"`).join(', ') : 'none'}`);
  }
  for (const key of options.focus?.demand ?? []) {
    if (!graph.hasNode(key)) problems.push(`--demand: no node "${key}" in this graph`);
  }
  if (problems.length > 0) throw new InvalidInput(problems.join('\n'));
}
