/**
 * The "What a disruption costs" table every report format shows: for each
 * shock and each focus demand node, the supply lost under baseline and under
 * each scenario (metrics.md §8), with where it sits in the report JSON.
 */
import { pointer } from './fig.ts';
import type { Report } from './model.ts';

export interface ShockCell {
  /** lost(d, X) on this scenario's graph; null where the scenario's graph has no such demand node. */
  lost: number | null;
  /** Pointer to the value in the report JSON. */
  at: string;
  /** Indexes of the shock's hits that match nothing in this scenario's graph. */
  skipped: number[];
}
export interface ShockRow {
  shock: string;
  shockLabel: string;
  demand: string;
  demandLabel: string;
  /** Baseline first, then each scenario. */
  cells: ShockCell[];
}

export const SHOCK_TABLE_TITLE = 'What a disruption costs';
export const SHOCK_TABLE_NOTE =
  "Each shock cuts the output of the nodes it hits to the capacity it gives them, with no rerouting; a cell is the share of the demand node's supply lost (a minus sign: less supply), on the graph as loaded and on each scenario's graph.";

/** One row per shock and focus demand node the baseline has; none when the report has no shocks. */
export function shockRows(report: Report): ShockRow[] {
  const shocks = report.shocks ?? [];
  const baseline = report.scenarios[0];
  if (!baseline || shocks.length === 0) return [];
  const rows: ShockRow[] = [];
  shocks.forEach((shock) => {
    for (const demand of report.focus.demand) {
      const base = baseline.reliance.find((r) => r.demand === demand);
      if (!base) continue;
      rows.push({
        shock: shock.id,
        shockLabel: shock.label,
        demand,
        demandLabel: base.label,
        cells: report.scenarios.map((s, i) => {
          const j = (s.shocks ?? []).findIndex((c) => c.id === shock.id);
          const cost = s.shocks?.[j];
          const lost = cost?.lost[demand];
          return { lost: lost ?? null, at: pointer('scenarios', i, 'shocks', j, 'lost', demand), skipped: cost?.skipped ?? [] };
        }),
      });
    }
  });
  return rows;
}

/** "hit 1 matches nothing here" for a cell whose scenario skipped hits. */
export const skippedText = (skipped: readonly number[]) =>
  skipped.length === 0 ? '' : `hit${skipped.length === 1 ? '' : 's'} ${skipped.join(', ')} match${skipped.length === 1 ? 'es' : ''} nothing here`;
