/**
 * Node sizes of the report's graph picture, by the app's rule (node-size.ts):
 * each node by its impact on the report's buyers in the baseline (the
 * largest over them), the buyers themselves at full size.
 */
import { nodeSize } from '../model/node-size.ts';
import type { Report } from './model.ts';
import { chosenDemand } from './report-paths.ts';

export function impactSizes(report: Report): Map<string, number> {
  const values = new Map<string, number>();
  const demand = chosenDemand(report);
  for (const d of demand) {
    values.set(d, 1);
    for (const c of report.scenarios[0]!.spof.find((r) => r.demand === d)?.critical ?? []) values.set(c.key, Math.max(values.get(c.key) ?? 0, c.impact));
  }
  const max = [...values.values()].reduce((m, v) => (v > m ? v : m), 0);
  return new Map([...values].map(([k, v]) => [k, nodeSize(v, max)]));
}
