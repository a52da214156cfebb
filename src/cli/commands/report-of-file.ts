/** What `report` and `compare` both start with: a graph file read and its report made, on two threads for a big file. */
import type { SupplyGraph } from '../../model/graph.ts';
import type { Report, ReportOptions } from '../../report/model.ts';
import { poolFor, reportWith } from '../failure-pool.ts';
import type { CliIO } from '../io.ts';
import { readGraph } from '../read-graph.ts';
import { checkFocus } from './output.ts';

export async function reportOfFile(io: CliIO, path: string, options: ReportOptions): Promise<{ graph: SupplyGraph; report: Report }> {
  // Started first, so that its thread is ready by the time the graph is read.
  const pool = await poolFor(path);
  try {
    const graph = await readGraph(io, path);
    checkFocus(graph, options);
    return { graph, report: await reportWith(graph, options, pool) };
  } finally {
    await pool?.close();
  }
}
