/**
 * The report's first page, as data every renderer (HTML, PDF, Markdown)
 * writes the same way: the question, at most five answer sentences made from
 * the figures, the focus buyers × scenarios table, the before → after chart's
 * points, the three largest single points of failure, the three most
 * concentrated inputs and what the figures are. Every number is a figure of
 * the report JSON with its pointer (fig.ts).
 */
import { countryName } from '../model/countries.ts';
import { KIND_NAMES } from '../model/kind-look.ts';
import { NODE_KINDS, type NodeKind } from '../model/schema.ts';
import { fig, figValue, pointer, type Fig, type Segment } from './fig.ts';
import type { Report } from './model.ts';
import { chosenDemand, concentrationPath, impactPath, reliancePath } from './report-paths.ts';
import { robustFigure, robustPath } from './robustness.ts';

/** At most this many answer sentences. */
export const MAX_ANSWERS = 5;
/** Single points of failure and concentrated inputs named on the first page. */
export const FIRST_PAGE_TOP = 3;

export interface FirstPageCell {
  value: Fig;
  /** After baseline: the change from baseline. */
  delta?: Fig;
  /** The 5th and 95th percentile of the draws: of the value (baseline) or of the change (a scenario). */
  low?: Fig;
  high?: Fig;
  /** A change whose direction fewer than 95% of draws share. */
  uncertain?: boolean;
}

export interface FirstPageRow {
  scenario: string;
  label: string;
  cells: FirstPageCell[];
}

export interface ChartPoint {
  demand: string;
  scenario: string;
  /** Index of the scenario in the report (0: baseline). */
  index: number;
  before: number;
  after: number;
  /** The 5th–95th percentile of the scenario's value over the draws, when the report has them. */
  low?: number;
  high?: number;
}

export interface FirstPage {
  title: string;
  question: string;
  /** The reliance set the page is about (`foundry:TW`) and its name in words. */
  set: string;
  setWords: string;
  /** The focus buyers: key, full label, short name. */
  buyers: { key: string; label: string; short: string }[];
  answers: Segment[][];
  rows: FirstPageRow[];
  chart: ChartPoint[];
  /** Scenarios that move the set for no buyer (left out of the chart). */
  unmoved: string[];
  spofs: Segment[][];
  concentrated: Segment[][];
  about: Segment[][];
  /** The draws behind the intervals, when the report has robustness. */
  draws?: number;
}

/** `foundry:TW` → "foundries and fabs in Taiwan"; `TW` → "Taiwan": the app's names of kinds. */
export function setWords(key: string): string {
  if (!key.includes(':')) return countryName(key);
  const [kind, country] = key.split(':') as [string, string];
  const name = (NODE_KINDS as readonly string[]).includes(kind) ? KIND_NAMES[kind as NodeKind].toLowerCase() : `${kind} nodes`;
  return `${name} in ${countryName(country)}`;
}

/**
 * Short names of buyers for sentences under a heading that already gives
 * them in full: the country prefix that every label shares goes, and a list
 * keeps its first item: "Japan: AI, data-centre, cloud and telecom buyers" →
 * "AI buyers" (the table beside the sentences gives the full labels).
 */
export function shortNames(labels: string[]): string[] {
  const prefix = (l: string) => /^([^:]{1,40}):\s+/.exec(l)?.[1];
  const first = labels.length ? prefix(labels[0]!) : undefined;
  const bare = first !== undefined && labels.every((l) => prefix(l) === first) ? labels.map((l) => l.slice(l.indexOf(':') + 1).trim()) : labels;
  const cut = bare.map((l) => {
    const words = l.split(' ');
    const last = words.at(-1)!;
    const head = l.split(/,| and /)[0]!.trim();
    return head === l || head.length === 0 ? l : `${head} ${last}`;
  });
  // Cutting must not make two buyers one.
  return new Set(cut).size === cut.length ? cut : bare;
}

/** "a, b and c". */
export function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
/** Segments joined like listWords. */
function listSegments(items: Segment[][]): Segment[] {
  const out: Segment[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(i === items.length - 1 ? ' and ' : ', ');
    out.push(...item);
  });
  return out;
}

/** Shown to one decimal, does the change read as none? */
const shownAsNone = (report: Report, delta: Fig) => Math.abs(figValue(report, delta)) < 0.0005;

function cell(report: Report, scenario: number, demand: string, set: string): FirstPageCell {
  const at = reliancePath(report, scenario, demand, set);
  const value = fig(report, 'pct', at);
  const id = report.scenarios[scenario]!.id;
  const r = robustFigure(report, demand, set, id);
  if (scenario === 0) {
    if (!r) return { value };
    return { value, low: fig(report, 'pct', robustPath(report, r, 'draws', 'p05')), high: fig(report, 'pct', robustPath(report, r, 'draws', 'p95')) };
  }
  const delta = fig(report, 'pp', at, reliancePath(report, 0, demand, set));
  if (!r?.deltaDraws) return { value, delta };
  return {
    value,
    delta,
    low: fig(report, 'pp', robustPath(report, r, 'deltaDraws', 'p05')),
    high: fig(report, 'pp', robustPath(report, r, 'deltaDraws', 'p95')),
    uncertain: !shownAsNone(report, delta) && !r.deltaDraws.robust,
  };
}

/** How robust a change is, in robustness.md's words: "the same direction in 100% of draws", "direction uncertain: 88% of draws agree". */
function robustWords(report: Report, demand: string, set: string, scenario: string): Segment[] {
  const r = robustFigure(report, demand, set, scenario);
  if (!r?.deltaDraws) return [];
  const agree = fig(report, 'draws', robustPath(report, r, 'deltaDraws', 'agree'));
  return r.deltaDraws.robust ? ['; the same direction in ', agree, ' of draws'] : ['; direction uncertain: ', agree, ' of draws agree'];
}

/**
 * One sentence per scenario (or scenarios that move it alike): each buyer it
 * moves, from → to (change), and how robust that is; "each in the same
 * direction in at least X of draws" once when every change is robust.
 */
function moverSentence(report: Report, page: Pick<FirstPage, 'set' | 'buyers'>, indexes: number[]): Segment[] {
  const index = indexes[0]!;
  const s = report.scenarios[index]!;
  const moves: Segment[][] = [];
  const agree: Fig[] = [];
  let uncertain = 0;
  for (const b of page.buyers) {
    const c = cell(report, index, b.key, page.set);
    if (!c.delta || shownAsNone(report, c.delta)) continue;
    const before = fig(report, 'pct', reliancePath(report, 0, b.key, page.set));
    const up = figValue(report, c.delta) > 0;
    const r = robustFigure(report, b.key, page.set, s.id);
    const move: Segment[] = [`the ${b.short}' ${moves.length === 0 ? 'reliance ' : ''}${up ? 'rises' : 'falls'} from `, before, ' to ', c.value, ' (', c.delta];
    if (r?.deltaDraws && !r.deltaDraws.robust) {
      uncertain++;
      move.push('; direction uncertain: ', fig(report, 'draws', robustPath(report, r, 'deltaDraws', 'agree')), ' of draws agree');
    } else if (r?.deltaDraws) agree.push(fig(report, 'draws', robustPath(report, r, 'deltaDraws', 'agree')));
    move.push(')');
    moves.push(move);
  }
  const names = listWords(indexes.map((i) => `“${report.scenarios[i]!.label}”`));
  const parts: Segment[] = [`${names}: `, ...listSegments(moves)];
  if (agree.length) {
    const least = agree.reduce((m, f) => (figValue(report, f) < figValue(report, m) ? f : m));
    const atLeast = agree.length > 1 && agree.some((f) => f.text !== least.text) ? 'at least ' : '';
    if (uncertain) parts.push(`; the other${agree.length > 1 ? 's keep their' : ' keeps its'} direction in ${atLeast}`, least, ' of draws');
    else parts.push(`${agree.length > 1 ? ', each' : ','} in the same direction in ${atLeast}`, least, ' of draws');
  }
  parts.push('.');
  return parts;
}

function answers(report: Report, page: Pick<FirstPage, 'set' | 'setWords' | 'buyers'>): Segment[][] {
  const out: Segment[][] = [];
  // Scenarios that move the set the same way for every buyer share a sentence.
  const groups = new Map<string, { indexes: number[]; size: number }>();
  const still: string[] = [];
  report.scenarios.forEach((s, i) => {
    if (i === 0) return;
    let size = 0;
    const shown: string[] = [];
    for (const b of page.buyers) {
      const c = cell(report, i, b.key, page.set);
      shown.push(c.delta!.text);
      if (!shownAsNone(report, c.delta!)) size = Math.max(size, Math.abs(figValue(report, c.delta!)));
    }
    if (size === 0) {
      still.push(s.label);
      return;
    }
    const key = shown.join('|');
    const g = groups.get(key) ?? { indexes: [], size };
    g.indexes.push(i);
    groups.set(key, g);
  });
  const movers = [...groups.values()];
  const shock = mainShock(report, page);
  const room = MAX_ANSWERS - (still.length ? 1 : 0) - (shock ? 1 : 0) - (movers.length === 0 ? 1 : 0);
  const shown = [...movers].sort((a, b) => b.size - a.size || a.indexes[0]! - b.indexes[0]!).slice(0, Math.max(0, movers.length > room ? room - 1 : room));
  const rest = movers.filter((m) => !shown.includes(m)).flatMap((m) => m.indexes);
  for (const m of [...shown].sort((a, b) => a.indexes[0]! - b.indexes[0]!)) out.push(moverSentence(report, page, m.indexes));
  if (rest.length) out.push([`${listWords(rest.map((i) => `“${report.scenarios[i]!.label}”`))} also ${rest.length === 1 ? 'moves' : 'move'} it: see the table.`]);
  if (movers.length === 0 && report.scenarios.length > 1) out.push([`No scenario moves any of these buyers' reliance on ${page.setWords}.`]);
  if (still.length && movers.length > 0) out.push([`${listWords(still.map((l) => `“${l}”`))} ${still.length === 1 ? 'moves' : 'move'} none of these figures.`]);
  if (shock) out.push(shock);
  return out.slice(0, MAX_ANSWERS);
}

/**
 * What the report's first shock costs the buyers today and, as a range over
 * the scenarios, after them.
 */
function mainShock(report: Report, page: Pick<FirstPage, 'buyers'>): Segment[] | undefined {
  const shock = report.shocks?.[0];
  if (!shock) return undefined;
  const lostAt = (i: number, demand: string): string | undefined => {
    const j = report.scenarios[i]!.shocks?.findIndex((c) => c.id === shock.id) ?? -1;
    const lost = j < 0 ? undefined : report.scenarios[i]!.shocks![j]!.lost[demand];
    return lost === undefined ? undefined : pointer('scenarios', i, 'shocks', j, 'lost', demand);
  };
  const today: Segment[][] = [];
  const after: Segment[][] = [];
  for (const b of page.buyers) {
    const at = lostAt(0, b.key);
    if (!at) continue;
    today.push([`the ${b.short} `, fig(report, 'pct', at)]);
    const ats = report.scenarios.map((_s, i) => (i === 0 ? undefined : lostAt(i, b.key))).filter((x): x is string => x !== undefined);
    if (ats.length === 0) continue;
    const sorted = ats.map((x) => fig(report, 'pct', x)).sort((p, q) => figValue(report, p) - figValue(report, q));
    const lo = sorted[0]!;
    const hi = sorted.at(-1)!;
    after.push(lo.text === hi.text ? [lo] : [lo, ' to ', hi]);
  }
  if (today.length === 0) return undefined;
  const parts: Segment[] = [`${shock.label} (first shock, no stock, no rerouting) would cost `, ...listSegments(today), ' of their supply today'];
  if (after.length === today.length) parts.push(`; after the scenarios, ${after.length === 1 ? '' : 'respectively '}`, ...listSegments(after));
  parts.push('.');
  return parts;
}

/** The three nodes whose loss alone would cost a focus buyer most, in baseline. */
function spofLines(report: Report, page: Pick<FirstPage, 'buyers'>): Segment[][] {
  const best = new Map<string, { demand: string; impact: number; label: string; strict: boolean }>();
  for (const b of page.buyers) {
    for (const c of report.scenarios[0]!.spof.find((r) => r.demand === b.key)?.critical ?? []) {
      const e = best.get(c.key);
      if (!e || c.impact > e.impact) best.set(c.key, { demand: b.key, impact: c.impact, label: c.label, strict: c.strict });
    }
  }
  const top = [...best].sort((a, b) => b[1].impact - a[1].impact || (a[0] < b[0] ? -1 : 1)).slice(0, FIRST_PAGE_TOP);
  return top.map(([key, e]) => {
    const who = page.buyers.find((b) => b.key === e.demand)!.short;
    const also = page.buyers.filter((b) => b.key !== e.demand && (report.scenarios[0]!.spof.find((r) => r.demand === b.key)?.critical.find((c) => c.key === key)?.impact ?? 0) >= e.impact).map((b) => b.short);
    return [`${e.label}: its loss alone would cost the ${listWords([who, ...also])} `, fig(report, 'pct', impactPath(report, 0, e.demand, key)), ' of their supply', e.strict ? ' (all of it)' : '', '.'];
  });
}

/** The three inputs whose suppliers are most concentrated by firm, in baseline. */
function concentrationLines(report: Report): Segment[][] {
  const base = report.scenarios[0]!;
  const inputs = [...base.concentration].sort((a, b) => b.byCompany.hhi - a.byCompany.hhi || (a.input < b.input ? -1 : 1)).slice(0, FIRST_PAGE_TOP);
  return inputs.map((c) => {
    const p = (...rest: string[]) => concentrationPath(report, 0, c.input, 'byCompany', ...rest)!;
    return [`${c.input}: firm HHI `, fig(report, 'hhi', p('hhi')), ` (${c.byCompany.level}); ${c.byCompany.top.name} holds `, fig(report, 'pct', p('top', 'share')), '.'];
  });
}

function aboutLines(report: Report): Segment[][] {
  const bases = report.graph.bases;
  const first: Segment[] = ['First-shock figures: what stops at once when nodes stop, with no rerouting, no stock and no new capacity; not forecasts.'];
  const second: Segment[] = [];
  if (bases) {
    const n = (k: keyof typeof bases) => fig(report, 'count', pointer('graph', 'bases', k));
    second.push('The flows are estimates graded by basis: ', n('assumption'), ' of ', fig(report, 'count', pointer('graph', 'edges')), ' flows are assumptions, ', n('derived'), ' derived and ', n('reported'), ' reported');
    if (bases.unstated) second.push(', ', n('unstated'), ' say nothing');
    second.push('.');
  }
  if (report.robustness) second.push(' Intervals are the 5th–95th percentile of ', fig(report, 'count', pointer('robustness', 'draws')), ' draws of the flows within their ranges.');
  return [first, second.length ? second : ['The flows are estimates from the sources listed in the appendix.']];
}

export function firstPage(report: Report): FirstPage {
  const set = report.focus.reliance[0] ?? '';
  const demand = chosenDemand(report);
  const labels = demand.map((d) => report.scenarios[0]!.reliance.find((r) => r.demand === d)!.label);
  const shorts = shortNames(labels);
  const buyers = demand.map((key, i) => ({ key, label: labels[i]!, short: shorts[i]! }));
  const words = set ? setWords(set) : '';
  const page = { set, setWords: words, buyers };
  const who = buyers.length === 1 ? `the ${buyers[0]!.short}` : `${listWords(buyers.map((b) => b.short))}`;
  // The disruption is asked about when the report has a shock to answer it.
  const cost = report.shocks?.length ? ', and what would a disruption there cost them' : '';
  const question = !set || buyers.length === 0
    ? `What does each scenario change in ${report.graph.title}?`
    : report.scenarios.length > 1
      ? `Does each scenario raise or lower the reliance of ${who} on ${words}${cost}?`
      : `How much do ${who} rely on ${words}${cost}?`;
  const rows: FirstPageRow[] = set ? report.scenarios.map((s, i) => ({ scenario: s.id, label: s.label, cells: buyers.map((b) => cell(report, i, b.key, set)) })) : [];
  const chart: ChartPoint[] = [];
  const unmoved: string[] = [];
  report.scenarios.forEach((s, i) => {
    if (!set) return;
    const moves = i === 0 || buyers.some((b) => !shownAsNone(report, cell(report, i, b.key, set).delta!));
    if (!moves) {
      unmoved.push(s.label);
      return;
    }
    for (const b of buyers) {
      const before = figValue(report, { at: reliancePath(report, 0, b.key, set) });
      const after = figValue(report, { at: reliancePath(report, i, b.key, set) });
      const r = robustFigure(report, b.key, set, s.id);
      chart.push({ demand: b.key, scenario: s.id, index: i, before, after, ...(r ? { low: r.draws.p05, high: r.draws.p95 } : {}) });
    }
  });
  return {
    title: report.graph.title,
    question,
    set,
    setWords: words,
    buyers,
    answers: set && buyers.length ? answers(report, page) : [],
    rows,
    chart,
    unmoved,
    spofs: spofLines(report, page),
    concentrated: concentrationLines(report),
    about: aboutLines(report),
    ...(report.robustness ? { draws: report.robustness.draws } : {}),
  };
}
