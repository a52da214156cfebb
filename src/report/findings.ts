/**
 * Headline findings in plain words, generated from a report's figures: for
 * each chosen demand node and focus reliance figure, one sentence per
 * scenario; then each demand node's top single point of failure.
 */
import { fig, figValue, type Segment } from './fig.ts';
import { describeReliance } from './words.ts';
import type { Report } from './model.ts';
import { chosenDemand, impactPath, reliancePath } from './report-paths.ts';
import { robustnessSegments } from './robustness.ts';

export interface Finding {
  kind: 'reliance' | 'spof';
  demand: string;
  /** The reliance set (`foundry:TW`) or the node key of the single point of failure. */
  subject: string;
  /** The scenario the sentence is about ('baseline' when it is). */
  scenario: string;
  parts: Segment[];
}

function relianceFindings(report: Report, demand: string, label: string): Finding[] {
  const out: Finding[] = [];
  const [, ...scenarios] = report.scenarios;
  for (const key of report.focus.reliance) {
    const before = fig(report, 'pct', reliancePath(report, 0, demand, key));
    const lead = `${label}: reliance on ${describeReliance(key)} `;
    if (scenarios.length === 0) {
      out.push({ kind: 'reliance', demand, subject: key, scenario: 'baseline', parts: [lead, 'is ', before, ' in the baseline', ...robustnessSegments(report, demand, key, 'baseline'), '.'] });
      continue;
    }
    scenarios.forEach((s, i) => {
      const at = reliancePath(report, i + 1, demand, key);
      const after = fig(report, 'pct', at);
      const change = fig(report, 'pp', at, before.at);
      const tail = ` under ${s.label}`;
      // Compare as shown: a change that rounds away is no change to the reader.
      const parts: Segment[] =
        after.text === before.text
          ? [lead, 'stays at ', after, tail]
          : [lead, figValue(report, change) > 0 ? 'rises' : 'falls', ' from ', before, ' to ', after, ' (', change, ')', tail];
      parts.push(...robustnessSegments(report, demand, key, s.id), '.');
      out.push({ kind: 'reliance', demand, subject: key, scenario: s.id, parts });
    });
  }
  return out;
}

function spofFindings(report: Report, demand: string, label: string): Finding[] {
  const out: Finding[] = [];
  report.scenarios.forEach((s, i) => {
    const row = s.spof.find((r) => r.demand === demand);
    const top = row?.critical[0];
    const baseTop = report.scenarios[0]!.spof.find((r) => r.demand === demand)?.critical[0];
    // After the baseline, only a change of the top node is news.
    if (i > 0 && top?.key === baseTop?.key) return;
    const where = i === 0 ? '' : ` under ${s.label}`;
    if (!top) {
      out.push({ kind: 'spof', demand, subject: '', scenario: s.id, parts: [`${label}: no single node's loss would cut its supply${where}.`] });
      return;
    }
    const impact = fig(report, 'pct', impactPath(report, i, demand, top.key));
    const parts: Segment[] = [`${label}: the largest single point of failure${where} is ${top.label}, whose loss alone would cut `, impact, ' of its supply'];
    parts.push(top.strict ? ' (all of it: a strict single point of failure).' : '.');
    out.push({ kind: 'spof', demand, subject: top.key, scenario: s.id, parts });
  });
  return out;
}

export function headlineFindings(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const demand of chosenDemand(report)) {
    const label = report.scenarios[0]!.reliance.find((r) => r.demand === demand)!.label;
    out.push(...relianceFindings(report, demand, label), ...spofFindings(report, demand, label));
  }
  return out;
}
