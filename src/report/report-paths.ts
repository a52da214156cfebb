/** Where a figure sits in the report JSON: pointers for the renderers' figures. */
import { pointer } from './fig.ts';
import { relianceField, type Report } from './model.ts';

/** Pointer to a reliance figure; where the scenario has no such row it points at nothing (read as 0). */
export function reliancePath(report: Report, scenario: number, demand: string, key: string): string {
  const rows = report.scenarios[scenario]?.reliance ?? [];
  const i = rows.findIndex((r) => r.demand === demand);
  return i < 0 ? pointer('scenarios', scenario, 'reliance', `missing:${demand}`, relianceField(key), key) : pointer('scenarios', scenario, 'reliance', i, relianceField(key), key);
}

export function impactPath(report: Report, scenario: number, demand: string, key: string): string {
  const rows = report.scenarios[scenario]?.spof ?? [];
  const i = rows.findIndex((r) => r.demand === demand);
  const j = i < 0 ? -1 : rows[i]!.critical.findIndex((c) => c.key === key);
  return j < 0 ? pointer('scenarios', scenario, 'spof', i < 0 ? `missing:${demand}` : i, 'critical', `missing:${key}`, 'impact') : pointer('scenarios', scenario, 'spof', i, 'critical', j, 'impact');
}

/** Pointer to a concentration figure such as `byCompany/hhi`, or undefined where the input is absent. */
export function concentrationPath(report: Report, scenario: number, input: string, by: 'byCompany' | 'byCountry', ...rest: (string | number)[]): string | undefined {
  const i = (report.scenarios[scenario]?.concentration ?? []).findIndex((c) => c.input === input);
  return i < 0 ? undefined : pointer('scenarios', scenario, 'concentration', i, by, ...rest);
}

/** The chosen demand nodes (report.focus.demand) that the baseline has. */
export const chosenDemand = (report: Report) => report.focus.demand.filter((d) => report.scenarios[0]!.reliance.some((r) => r.demand === d));
