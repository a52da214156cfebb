/**
 * The figure families of metrics.md as a report computes them: concentration
 * from the graph's flow table (concentration.ts), and the failure figures,
 * reliance and single points of failure, from the supply index alone, so that
 * another thread can compute them (failureFigures).
 */
import { computeReliance, type RelianceRow } from './reliance.ts';
import { computeSpofLimited, SPOF_AUTO_LIMIT, SPOF_EXACT_NODES, type SpofLimit, type SpofRow } from './spof.ts';
import type { SupplyIndex } from './supply-index.ts';

/** Present when the single-point-of-failure lists are cut: what was asked, and how many nodes were computed exactly. */
export interface SpofLimitReport extends SpofLimit {
  upstream: number;
  evaluated: number;
  /** `option` when asked for; `size` when the graph has more upstream nodes than SPOF_EXACT_NODES. */
  reason: 'option' | 'size';
}


function spofWithLimit(index: SupplyIndex, spof: SpofLimit | undefined): { rows: SpofRow[]; limit?: SpofLimitReport } {
  if (spof && (spof.top !== undefined || spof.threshold !== undefined)) {
    const r = computeSpofLimited(index, spof);
    return { rows: r.rows, limit: { ...spof, upstream: r.upstream, evaluated: r.evaluated, reason: 'option' } };
  }
  const r = computeSpofLimited(index, spof ? {} : { auto: SPOF_EXACT_NODES, ...SPOF_AUTO_LIMIT });
  return r.limited ? { rows: r.rows, limit: { ...SPOF_AUTO_LIMIT, upstream: r.upstream, evaluated: r.evaluated, reason: 'size' } } : { rows: r.rows };
}

/** The figures that propagate failures: reliance and single points of failure, from the index alone (no graph), so they can be computed in another thread. */
export interface FailureFigures {
  reliance: RelianceRow[];
  spof: SpofRow[];
  spofLimit?: SpofLimitReport;
}

/**
 * `spof`: `{}` for exact lists whatever the size, `{ top, threshold }` for cut
 * lists; absent, exact up to SPOF_EXACT_NODES upstream nodes and SPOF_AUTO_LIMIT beyond.
 */
export function failureFigures(index: SupplyIndex, spof?: SpofLimit): FailureFigures {
  const s = spofWithLimit(index, spof);
  return { reliance: computeReliance(index), spof: s.rows, ...(s.limit ? { spofLimit: s.limit } : {}) };
}
