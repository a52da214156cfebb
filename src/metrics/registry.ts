/**
 * Every figure family of metrics.md as a self-describing entry: what it is,
 * where it is defined, and the pure function that computes it.
 */
import type { SupplyGraph } from '../model/graph.ts';
import { computeConcentration, type ConcentrationRow } from './concentration.ts';
import type { LevelPreset } from './levels.ts';
import { computeReliance, type RelianceRow } from './reliance.ts';
import { computeSpof, type SpofRow } from './spof.ts';
import { buildSupplyIndex, type SupplyIndex } from './supply-index.ts';

export interface MetricContext {
  graph: SupplyGraph;
  index: SupplyIndex;
  levels: LevelPreset;
}

export interface Figures {
  concentration: ConcentrationRow[];
  reliance: RelianceRow[];
  spof: SpofRow[];
}

interface MetricEntry<K extends keyof Figures> {
  id: K;
  title: string;
  definition: string;
  compute(ctx: MetricContext): Figures[K];
}

export const METRICS: { [K in keyof Figures]: MetricEntry<K> } = {
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
    compute: (ctx) => computeSpof(ctx.index),
  },
};

export function computeFigures(graph: SupplyGraph, levels: LevelPreset): Figures {
  const ctx: MetricContext = { graph, index: buildSupplyIndex(graph), levels };
  return {
    concentration: METRICS.concentration.compute(ctx),
    reliance: METRICS.reliance.compute(ctx),
    spof: METRICS.spof.compute(ctx),
  };
}
