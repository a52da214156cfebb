import { join } from 'node:path';
import { csvFiles, csvZip } from '../../report/csv.ts';
import { htmlReport } from '../../report/html-report.ts';
import { renderMarkdown } from '../../report/markdown.ts';
import type { Report } from '../../report/model.ts';
import { type CliIO, DEFAULT_GRAPH, InvalidInput, UsageError } from '../io.ts';
import { countPdfPages, findChromium, htmlToPdf, NoChromiumError } from '../pdf.ts';
import type { Command } from './command.ts';
import { FIGURE_OPTIONS, FIGURE_OPTIONS_HELP, reportOptions } from './report-options.ts';
import { makeOutputFolder, writeOutput, writeTo } from './output.ts';
import { reportOfFile } from './report-of-file.ts';
import { parseHit } from '../hit-syntax.ts';
import { COMMAND_LINE_SHOCK } from './shock.ts';
import { withRobustness } from '../../report/robustness.ts';
import { ROBUSTNESS_OPTIONS, ROBUSTNESS_OPTIONS_HELP, robustnessOptions } from './robustness-options.ts';

const FORMATS = ['json', 'md', 'html', 'csv', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/** When the report was made: now, or SOURCE_DATE_EPOCH (seconds) for reproducible output. */
export function madeAtNow(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}

/** The HTML report, as the app's Report… writes it (src/report/html-report.ts). */
export { htmlReport };

async function writeCsv(io: CliIO, out: string, report: Report): Promise<void> {
  if (out.toLowerCase().endsWith('.zip')) {
    await writeTo(io, out, csvZip(report));
    return;
  }
  await makeOutputFolder(io, out);
  for (const [name, text] of Object.entries(csvFiles(report))) await writeTo(io, join(out, name), text);
}

export const REPORT: Command = {
  name: 'report',
  readsGraph: true,
  summary: 'compute every figure for baseline and each scenario; print JSON, Markdown, HTML, CSV or PDF',
  usage: 'chokepoint report [FILE] [--format json|md|html|csv|pdf] [--scenario ID]... [--demand KEY]... [--set K:C|C]... [--draws N] [--seed S] [--full] [--out PATH]',
  help: `Computes concentration, reliance and single points of failure (metrics.md)
for the baseline graph and each of its scenarios. FILE defaults to the
Japan-US-Taiwan graph in graphs/.

Options:
  --format FORMAT    json (metrics.md §7, the default), md (Markdown), html (one
                     self-contained file with charts and the graph's picture),
                     csv (one file per table: --out a folder, or a .zip file) or
                     pdf (the first page and a short appendix printed by
                     headless Chromium; needs --out)
  --full             pdf: every section, as in the HTML (default: the first
                     page and a short appendix)
${FIGURE_OPTIONS_HELP}
                     --demand also chooses the demand nodes of the findings and
                     of the HTML, PDF and CSV tables (default: the graph's focus,
                     else every demand node)
  --hit SELECTOR[=CAPACITY]
                     add a one-off shock to the file's (repeatable; syntax as in
                     "chokepoint shock --help", e.g. --hit kind=foundry,country=TW=0.5)
Robustness (docs/robustness.md; in the report when the file has ranges or
variants, or --uncertainty is given; --set also chooses the headline's sets):
${ROBUSTNESS_OPTIONS_HELP}
  --out PATH         write to PATH instead of standard output

PDF: Chromium is looked for in the usual places, or set CHOKEPOINT_CHROMIUM.
SOURCE_DATE_EPOCH (seconds) fixes the report's date, for reproducible output.

Exit status: 0 on success, 1 on invalid input (or no Chromium for pdf), 2 on wrong usage.`,
  options: { ...FIGURE_OPTIONS, ...ROBUSTNESS_OPTIONS, format: { type: 'string' }, out: { type: 'string' }, hit: { type: 'string', multiple: true }, full: { type: 'boolean' } },
  async run(io: CliIO, positionals, values) {
    if (positionals.length > 1) throw new UsageError(`report takes one FILE, found ${positionals.length}`);
    const format = ((values.format as string | undefined) ?? 'json') as Format;
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: expected ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)}, found "${format}"`);
    const out = values.out as string | undefined;
    if ((format === 'csv' || format === 'pdf') && out === undefined) {
      throw new UsageError(`--format ${format} needs --out: ${format === 'csv' ? 'a folder for one file per table, or a file ending in .zip' : 'the PDF file to write'}`);
    }
    // Before any work, so that a missing browser costs nothing.
    let chromium: string | undefined;
    if (format === 'pdf') {
      try {
        chromium = findChromium();
      } catch (error) {
        if (error instanceof NoChromiumError) throw new InvalidInput(`--format pdf: ${error.message}`);
        throw error;
      }
    }
    const options = reportOptions(values);
    const hits = ((values.hit as string[] | undefined) ?? []).map(parseHit);
    if (hits.length) options.addShocks = [{ id: COMMAND_LINE_SHOCK, label: `--hit ${hits.map((h) => h.text).join(' --hit ')}`, hits: hits.map((h) => h.hit) }];
    const { sets, ...robust } = robustnessOptions(values);
    if (sets) options.focus = { ...options.focus, reliance: [...(options.focus?.reliance ?? []), ...sets] };
    const path = positionals[0] ?? DEFAULT_GRAPH;
    // JSON carries no date, so that the same file always gives the same figures.
    const made = await reportOfFile(io, path, format === 'json' ? options : { ...options, madeAt: madeAtNow() });
    const graph = made.graph;
    const report = withRobustness(made.report, graph, robust);
    switch (format) {
      case 'json':
        await writeOutput(io, out, JSON.stringify(report, null, 2) + '\n');
        break;
      case 'md':
        await writeOutput(io, out, renderMarkdown(report));
        break;
      case 'html':
        await writeOutput(io, out, htmlReport(graph, report));
        break;
      case 'csv':
        await writeCsv(io, out!, report);
        break;
      case 'pdf': {
        let pdf: Uint8Array;
        try {
          pdf = await htmlToPdf(htmlReport(graph, report, values.full === true ? {} : { short: true }), chromium!);
        } catch (cause) {
          throw new InvalidInput(`--format pdf: Chromium at ${chromium} could not print the report: ${(cause as Error).message.split('\n')[0]}`);
        }
        await writeTo(io, out!, pdf);
        io.stderr(`wrote ${out}: ${countPdfPages(pdf)} pages\n`);
        break;
      }
    }
    return 0;
  },
};
