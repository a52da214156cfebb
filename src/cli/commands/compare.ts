import { compareScenarios } from '../../report/compare.ts';
import { pct, pp } from '../../report/format.ts';
import { headlineRows } from '../../report/headline.ts';
import { deltaCells, describeFigure } from '../../report/markdown.ts';
import { type CliIO, DEFAULT_GRAPH, UsageError } from '../io.ts';
import { textTable } from '../text-table.ts';
import type { Command } from './command.ts';
import { writeOutput } from './output.ts';
import { reportOfFile } from './report-of-file.ts';
import { FIGURE_OPTIONS, FIGURE_OPTIONS_HELP, reportOptions } from './report-options.ts';

const FORMATS = ['text', 'json'] as const;

/** The headline table turned: for each demand node and set, its figure in baseline and every scenario, one per line. */
function transposedHeadline(columns: string[], cells: string[][]): string {
  return cells.map((row) => textTable(
    [`${row[0]} on ${row[1]}`, ''],
    columns.map((c, i) => [c, row[i + 2] ?? '']),
    [false, true],
  )).join('\n');
}

export const COMPARE: Command = {
  name: 'compare',
  readsGraph: true,
  summary: 'before/after table of every figure a scenario moves, biggest moves first',
  usage: 'chokepoint compare [FILE] [--headline] [--scenario ID]... [--top N] [--all] [--format text|json]',
  help: `For each scenario of FILE (default: the Japan-US-Taiwan graph), lists every
figure that differs from baseline: reliance by country and kind:country,
single-point-of-failure impacts, and concentration (HHI, CR1, CR3) by firm
and by country. Biggest moves first; HHI moves are weighed over 10,000.

With --headline, prints one table instead: the focus reliance figures of the
focus demand nodes (the graph's "focus", or --focus and --demand) in baseline
and every scenario, each with its change. On a terminal narrower than that
table (or $COLUMNS), it is turned: a block per figure, a line per scenario.

Options:
  --headline         the focus figures across all scenarios, in one table
  --top N            at most N rows per scenario (default: all)
  --all              every figure, moved or not
  --format FORMAT    text (the default) or json
${FIGURE_OPTIONS_HELP}
  --out PATH         write to PATH instead of standard output

Exit status: 0 on success, 1 on invalid input, 2 on wrong usage.`,
  options: { ...FIGURE_OPTIONS, headline: { type: 'boolean' }, top: { type: 'string' }, all: { type: 'boolean' }, format: { type: 'string' }, out: { type: 'string' } },
  async run(io: CliIO, positionals, values) {
    if (positionals.length > 1) throw new UsageError(`compare takes one FILE, found ${positionals.length}`);
    const format = (values.format as string | undefined) ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: expected ${FORMATS.join(' or ')}, found "${format}"`);
    let top = Infinity;
    if (values.top !== undefined) {
      top = Number(values.top);
      if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top: expected a whole number from 1, found "${values.top}"`);
    }
    const options = reportOptions(values);
    const path = positionals[0] ?? DEFAULT_GRAPH;
    const { report } = await reportOfFile(io, path, options);
    if (values.headline) {
      const rows = headlineRows(report);
      if (format === 'json') {
        await writeOutput(io, values.out as string | undefined, JSON.stringify({ format: 'chokepoint-headline', version: 1, graph: report.graph, focus: report.focus, rows }, null, 2) + '\n');
        return 0;
      }
      const ids = report.scenarios.slice(1).map((s) => s.id);
      const cells = rows.map((r) => [r.demand, r.key, pct(r.baseline), ...r.scenarios.map((s) => `${pct(s.value)} (${pp(s.delta)})`)]);
      const table = textTable(['Demand node', 'Reliance on', 'baseline', ...ids], cells, [false, false, true, ...ids.map(() => true)]);
      // Wider than the terminal (one column per scenario): one block per figure instead, a line per scenario.
      const width = values.out === undefined ? io.columns : undefined;
      const fits = width === undefined || table.split('\n').every((line) => line.length <= width);
      await writeOutput(io, values.out as string | undefined, fits ? table : transposedHeadline(['baseline', ...ids], cells));
      return 0;
    }
    const [baseline, ...scenarios] = report.scenarios;
    const comparisons = scenarios.map((s) => ({ id: s.id, label: s.label, rows: compareScenarios(baseline!, s, { moved: !values.all }).slice(0, top) }));
    if (format === 'json') {
      await writeOutput(io, values.out as string | undefined, JSON.stringify({ format: 'chokepoint-compare', version: 1, graph: report.graph, comparisons }, null, 2) + '\n');
      return 0;
    }
    const parts: string[] = [];
    if (comparisons.length === 0) parts.push('This graph has no scenarios to compare with baseline.\n');
    for (const c of comparisons) {
      parts.push(`Scenario ${c.id}: ${c.label}\n`);
      parts.push(c.rows.length === 0 ? 'No figure moved.\n' : textTable(['Figure', 'Baseline', 'Scenario', 'Change'], c.rows.map((d) => [describeFigure(d), ...deltaCells(d)]), [false, true, true, true]));
      parts.push('\n');
    }
    await writeOutput(io, values.out as string | undefined, parts.join(''));
    return 0;
  },
};
