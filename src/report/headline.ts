/**
 * The headline of a report: for each focus demand node and each focus
 * reliance figure (`foundry:TW`, `TW`), its value in baseline and in every
 * scenario, with the change. The Markdown, the HTML and `compare --headline`
 * all read these rows.
 */
import { relianceValue, type Report } from './model.ts';

export interface HeadlineRow {
  demand: string;
  label: string;
  /** A country (`TW`) or a kind:country (`foundry:TW`). */
  key: string;
  baseline: number;
  scenarios: { id: string; label: string; value: number; delta: number }[];
}

export function headlineRows(report: Report): HeadlineRow[] {
  const [baseline, ...scenarios] = report.scenarios;
  if (!baseline) return [];
  const rows: HeadlineRow[] = [];
  for (const demand of report.focus.demand) {
    const base = baseline.reliance.find((r) => r.demand === demand);
    if (!base) continue;
    for (const key of report.focus.reliance) {
      const b = relianceValue(base, key);
      rows.push({
        demand,
        label: base.label,
        key,
        baseline: b,
        scenarios: scenarios.map((s) => {
          const value = relianceValue(s.reliance.find((x) => x.demand === demand), key);
          return { id: s.id, label: s.label, value, delta: value - b };
        }),
      });
    }
  }
  return rows;
}
