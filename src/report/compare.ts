/**
 * Scenario deltas (metrics.md §6): every figure of a scenario beside its
 * baseline value, and the difference. A figure absent on one side (a node or
 * an input the scenario adds or removes) counts as 0 for reliance and impact,
 * and as missing for concentration and for an impact absent from a list cut
 * to its largest entries (spofLimit).
 */
import { absentImpact, type ReportScenario } from './model.ts';

export type FigureFamily = 'reliance' | 'impact' | 'concentration';

export interface FigureDelta {
  /** A stable id: `reliance|jp-ai|foundry:TW`, `impact|jp-ai|tsmc-tw`, `concentration|wafers|byCompany|hhi`. */
  id: string;
  family: FigureFamily;
  /** The demand node, or the input for concentration. */
  subject: string;
  /** The country, kind:country, upstream node, or `byCompany hhi`. */
  measure: string;
  /** 'share' figures lie in [0, 1]; 'hhi' in [0, 10000]. */
  unit: 'share' | 'hhi';
  baseline: number | null;
  scenario: number | null;
  delta: number | null;
}

type Flat = Map<string, Omit<FigureDelta, 'baseline' | 'scenario' | 'delta'> & { value: number }>;

function flatten(s: ReportScenario): Flat {
  const out: Flat = new Map();
  for (const r of s.reliance) {
    for (const field of ['byCountry', 'byKindCountry'] as const) {
      for (const [k, value] of Object.entries(r[field])) {
        out.set(`reliance|${r.demand}|${k}`, { id: `reliance|${r.demand}|${k}`, family: 'reliance', subject: r.demand, measure: k, unit: 'share', value });
      }
    }
  }
  for (const row of s.spof) {
    for (const c of row.critical) {
      out.set(`impact|${row.demand}|${c.key}`, { id: `impact|${row.demand}|${c.key}`, family: 'impact', subject: row.demand, measure: c.key, unit: 'share', value: c.impact });
    }
  }
  for (const c of s.concentration) {
    for (const by of ['byCompany', 'byCountry'] as const) {
      for (const m of ['hhi', 'cr1', 'cr3'] as const) {
        const id = `concentration|${c.input}|${by}|${m}`;
        out.set(id, { id, family: 'concentration', subject: c.input, measure: `${by} ${m}`, unit: m === 'hhi' ? 'hhi' : 'share', value: c[by][m] });
      }
    }
  }
  return out;
}

/** Sort key: a move's size on one scale (HHI over 10,000). */
export const magnitude = (d: FigureDelta) => Math.abs(d.delta ?? 1) / (d.unit === 'hhi' ? 10000 : 1);

/** Every figure of both sides; `moved` keeps those whose difference exceeds `epsilon`, biggest first. */
export function compareScenarios(baseline: ReportScenario, scenario: ReportScenario, options: { moved?: boolean; epsilon?: number } = {}): FigureDelta[] {
  const eps = options.epsilon ?? 1e-9;
  const a = flatten(baseline);
  const b = flatten(scenario);
  const rows: FigureDelta[] = [];
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(id);
    const y = b.get(id);
    const meta = (x ?? y)!;
    const absentValue = (side: ReportScenario) => (meta.family === 'concentration' ? null : meta.family === 'impact' ? absentImpact(side) : 0);
    const before = x?.value ?? absentValue(baseline);
    const after = y?.value ?? absentValue(scenario);
    const delta = before !== null && after !== null ? after - before : null;
    const { value: _v, ...rest } = meta;
    rows.push({ ...rest, baseline: before, scenario: after, delta });
  }
  const kept = options.moved ? rows.filter((r) => r.delta === null || Math.abs(r.delta) > eps * (r.unit === 'hhi' ? 10000 : 1)) : rows;
  return kept.sort((p, q) => magnitude(q) - magnitude(p) || (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
}
