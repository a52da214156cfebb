import type { SupplyGraph } from '../../model/graph.ts';
import type { ReportOptions } from '../../report/model.ts';
import { scenariosOf } from '../../scenarios/apply.ts';
import { type CliIO, InvalidInput } from '../io.ts';

/** Text to `out`, or to stdout when there is none. */
export async function writeOutput(io: CliIO, out: string | undefined, text: string): Promise<void> {
  if (out === undefined) io.stdout(text);
  else await writeTo(io, out, text);
}

/** A file written, or the reason it could not be on stderr and invalid input (exit 1). `shown`: the path as messages name it. */
export async function writeTo(io: CliIO, path: string, data: string | Uint8Array, shown = path): Promise<void> {
  try {
    await io.writeFile(path, data);
  } catch (cause) {
    io.stderr(`cannot write ${shown}: ${(cause as Error).message}\n`);
    throw new InvalidInput(`cannot write ${shown}`);
  }
}

/** A folder made for output files, or the reason it could not be (exit 1). */
export async function makeOutputFolder(io: CliIO, path: string, shown = path): Promise<void> {
  try {
    await io.makeFolder(path);
  } catch (cause) {
    io.stderr(`cannot make the folder ${shown}: ${(cause as Error).message}\n`);
    throw new InvalidInput(`cannot write ${shown}`);
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
