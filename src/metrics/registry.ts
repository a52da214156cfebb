/**
 * Every figure family of metrics.md as a self-describing entry: what it is,
 * where it is defined, and the pure function that computes it.
 */
import type { SupplyGraph } from '../model/graph.ts';
import { computeConcentration, concentrationOfTable, type ConcentrationRow } from './concentration.ts';
import { flowTable } from './flow-table.ts';
import type { LevelPreset } from './levels.ts';
import { computeReliance, type RelianceRow } from './reliance.ts';
import { computeSpofLimited, SPOF_AUTO_LIMIT, SPOF_EXACT_NODES, type SpofLimit, type SpofRow } from './spof.ts';
import { indexOfTable, type SupplyIndex } from './supply-index.ts';

export interface MetricContext {
  graph: SupplyGraph;
  index: SupplyIndex;
  levels: LevelPreset;
  /** A cut single-point-of-failure list; absent: exact up to SPOF_EXACT_NODES upstream nodes, SPOF_AUTO_LIMIT beyond. */
  spof?: SpofLimit;
}

/** Present when the single-point-of-failure lists are cut: what was asked, and how many nodes were computed exactly. */
export interface SpofLimitReport extends SpofLimit {
  upstream: number;
  evaluated: number;
  /** `option` when asked for; `size` when the graph has more upstream nodes than SPOF_EXACT_NODES. */
  reason: 'option' | 'size';
}

export interface Figures {
  concentration: ConcentrationRow[];
  reliance: RelianceRow[];
  spof: SpofRow[];
  spofLimit?: SpofLimitReport;
}

interface MetricEntry<K extends 'concentration' | 'reliance' | 'spof'> {
  id: K;
  title: string;
  definition: string;
  compute(ctx: MetricContext): Figures[K];
}

export const METRICS: { [K in 'concentration' | 'reliance' | 'spof']: MetricEntry<K> } = {
  concentration: {
    id: 'concentration',
    title: 'Concentration',
    definition: 'metrics.md §5: HHI, CR1, CR3 and the top holder, by firm and by country, for every input',
    compute: (ctx) => computeConcentration(ctx.graph, ctx.levels),
  },
  reliance: {
    id: 'reliance',
    title: 'Reliance',
    definition: 'metrics.md §3: the share of a demand node’s supply lost if every node of a country, or of a kind in a country, stops',
    compute: (ctx) => computeReliance(ctx.index),
  },
  spof: {
    id: 'spof',
    title: 'Single points of failure',
    definition: 'metrics.md §4: the share of a demand node’s supply lost if one upstream node stops',
    compute: (ctx) => spofWithLimit(ctx.index, ctx.spof).rows,
  },
};

function spofWithLimit(index: SupplyIndex, spof: SpofLimit | undefined): { rows: SpofRow[]; limit?: SpofLimitReport } {
  if (spof && (spof.top !== undefined || spof.threshold !== undefined)) {
    const r = computeSpofLimited(index, spof);
    return { rows: r.rows, limit: { ...spof, upstream: r.upstream, evaluated: r.evaluated, reason: 'option' } };
  }
  const r = computeSpofLimited(index, spof ? {} : { auto: SPOF_EXACT_NODES, ...SPOF_AUTO_LIMIT });
  return r.limited ? { rows: r.rows, limit: { ...SPOF_AUTO_LIMIT, upstream: r.upstream, evaluated: r.evaluated, reason: 'size' } } : { rows: r.rows };
}

/** The figures that propagate failures: reliance and single points of failure, from the index alone (no graph), so they can be computed in another thread. */
export type FailureFigures = Pick<Figures, 'reliance' | 'spof' | 'spofLimit'>;

export function failureFigures(index: SupplyIndex, spof?: SpofLimit): FailureFigures {
  const s = spofWithLimit(index, spof);
  return { reliance: computeReliance(index), spof: s.rows, ...(s.limit ? { spofLimit: s.limit } : {}) };
}

/**
 * Every figure of the graph. `spof`: `{}` for exact lists whatever the size,
 * `{ top, threshold }` for cut lists; absent for the default (see MetricContext).
 */
export function computeFigures(graph: SupplyGraph, levels: LevelPreset, spof?: SpofLimit): Figures {
  const table = flowTable(graph);
  return { concentration: concentrationOfTable(table, levels), ...failureFigures(indexOfTable(table), spof) };
}
