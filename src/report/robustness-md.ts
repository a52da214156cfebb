/** The Markdown report's robustness section (robustness.md §7). */
import { pct, pp } from './format.ts';
import type { Report } from './model.ts';
import { drawShare } from './robustness.ts';
import type { RobustFigure } from '../robustness/engine.ts';

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: string[][], align: ('l' | 'r')[]) =>
  [row(head), row(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(row)].join('\n');
/** Ids and keys from the file, inert in Markdown. */
const code = (s: string) => `\`${s.replace(/[`\r\n|]/g, ' ')}\``;

export function intro(report: Report): string {
  const r = report.robustness!;
  const half = r.uncertainty !== undefined ? `, flows without a range taken as ±${(100 * r.uncertainty).toFixed(0)}% unless their basis says otherwise` : '';
  return `${r.draws.toLocaleString('en-US')} draws (seed ${r.seed}) from the ranges of ${r.uncertainFlows} flows and ${r.uncertainOps} scenario operations${half}; each flow drawn independently from a triangular distribution with its mode at the stated value, one draw shared by the baseline and every scenario.`;
}

/** Baseline figures, and scenario changes that move (more than 0.05 points) or could. */
export const swingFigures = (report: Report): RobustFigure[] =>
  (report.robustness?.figures ?? []).filter((f) => f.swings.some((s) => s.atHigh !== s.atLow) && (f.delta === undefined || Math.abs(f.delta) > 0.0005));

export function robustnessMarkdown(report: Report, top = 5): string {
  const r = report.robustness;
  if (!r) return '';
  const parts = ['## How robust the findings are', '', intro(report), ''];
  parts.push(
    table(
      ['Demand node', 'Set', 'Scenario', 'Figure', '5th–95th percentile', 'Change', 'Change, 5th–95th', 'Same direction'],
      r.figures.map((f) => [
        code(f.demand), code(f.set), code(f.scenario), pct(f.point), `${pct(f.draws.p05)} to ${pct(f.draws.p95)}`,
        f.delta === undefined ? '' : pp(f.delta),
        f.deltaDraws ? `${pp(f.deltaDraws.p05)} to ${pp(f.deltaDraws.p95)}` : '',
        f.deltaDraws ? `${drawShare(f.deltaDraws.agree)}${f.deltaDraws.robust ? '' : ' (uncertain)'}` : '',
      ]),
      ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
  );
  if (r.variants.length > 0) {
    parts.push('### Variants', '', 'Each variant is another reading of the facts; its operations apply before every scenario. A baseline row shows the figure, a scenario row the change.', '');
    parts.push(
      table(
        ['Demand node', 'Set', 'Scenario', 'As filed', ...r.variants.map((v) => code(v.id))],
        r.figures.map((f) => [
          code(f.demand), code(f.set), code(f.scenario), f.delta === undefined ? pct(f.point) : pp(f.delta),
          ...r.variants.map((v) => {
            const x = f.variants[v.id];
            return typeof x === 'number' ? pct(x) : x ? pp(x.delta) : '';
          }),
        ]),
        ['l', 'l', 'l', 'r', ...r.variants.map(() => 'r' as const)],
      ),
      '',
    );
  }
  const swung = swingFigures(report);
  if (swung.length > 0) {
    parts.push('### Largest swings', '', 'One flow at the low and the high of its range, every other flow at its value.', '');
    for (const f of swung) {
      const show = f.delta === undefined ? pct : pp;
      parts.push(`${code(f.demand)} on ${code(f.set)}, ${f.delta === undefined ? 'baseline' : `change under ${code(f.scenario)}`}:`, '');
      parts.push(
        table(
          ['Flow', 'Low', 'High', 'At low', 'At high'],
          f.swings.filter((s) => s.atHigh !== s.atLow).slice(0, top).map((s) => [code(s.edge), s.low.toPrecision(3), s.high.toPrecision(3), show(s.atLow), show(s.atHigh)]),
          ['l', 'r', 'r', 'r', 'r'],
        ),
        '',
      );
    }
  }
  return parts.join('\n').trimEnd();
}
