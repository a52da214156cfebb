import { buildReport } from '../../report/model.ts';
import { renderMarkdown } from '../../report/markdown.ts';
import { type CliIO, DEFAULT_GRAPH, UsageError } from '../io.ts';
import { readGraph } from '../read-graph.ts';
import type { Command } from './command.ts';
import { FIGURE_OPTIONS, FIGURE_OPTIONS_HELP, reportOptions } from './report-options.ts';
import { checkFocus, writeOutput } from './output.ts';

const FORMATS = ['json', 'md'] as const;

export const REPORT: Command = {
  name: 'report',
  summary: 'compute every figure for baseline and each scenario; print JSON or Markdown',
  usage: 'chokepoint report [FILE] [--format json|md] [--scenario ID]... [--out PATH]',
  help: `Computes concentration, reliance and single points of failure (metrics.md)
for the baseline graph and each of its scenarios. FILE defaults to the
Japan-US-Taiwan graph in graphs/.

Options:
  --format FORMAT    json (metrics.md §7, the default) or md (Markdown)
${FIGURE_OPTIONS_HELP}
  --out PATH         write to PATH instead of standard output

Exit status: 0 on success, 1 on invalid input, 2 on wrong usage.`,
  options: { ...FIGURE_OPTIONS, format: { type: 'string' }, out: { type: 'string' } },
  async run(io: CliIO, positionals, values) {
    if (positionals.length > 1) throw new UsageError(`report takes one FILE, found ${positionals.length}`);
    const format = (values.format as string | undefined) ?? 'json';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: expected ${FORMATS.join(' or ')}, found "${format}"`);
    const options = reportOptions(values);
    const graph = await readGraph(io, positionals[0] ?? DEFAULT_GRAPH);
    checkFocus(graph, options);
    const report = buildReport(graph, options);
    const text = format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderMarkdown(report);
    await writeOutput(io, values.out as string | undefined, text);
    return 0;
  },
};
