import { loss } from '../../report/format.ts';
import { UnknownScenarioError } from '../../report/model.ts';
import { buildShockReport, type ShockReport } from '../../report/shock-report.ts';
import { skippedText } from '../../report/shock-table.ts';
import type { Shock } from '../../model/schema.ts';
import { shocksOf } from '../../scenarios/shock-hits.ts';
import { hitNodes } from '../../scenarios/shock-hits.ts';
import { parseHit } from '../hit-syntax.ts';
import { type CliIO, DEFAULT_GRAPH, InvalidInput, UsageError } from '../io.ts';
import { readGraph } from '../read-graph.ts';
import { textTable } from '../text-table.ts';
import type { Command } from './command.ts';
import { writeOutput } from './output.ts';

const FORMATS = ['text', 'json'] as const;
/** The id of the shock made of the --hit options. */
export const COMMAND_LINE_SHOCK = 'command-line';

const hitWords = (s: Shock) => s.hits.map((h) => `${Object.entries(h.where).map(([f, v]) => `${f}=${([] as string[]).concat(v).join('|')}`).join(',')} at ${(100 * h.capacity).toFixed(0)}%`).join('; ');

function textOf(r: ShockReport, demand: string[] | undefined): string {
  const parts: string[] = [];
  const ids = r.scenarios.slice(1).map((s) => s.id);
  r.shocks.forEach((shock, j) => {
    parts.push(`Shock ${shock.id}: ${shock.label}\n  hits: ${hitWords(shock)}\n`);
    const base = r.scenarios[0]!;
    const demands = (demand ?? Object.keys(base.shocks[j]!.lost)).filter((d) => d in base.shocks[j]!.lost);
    const rows = demands.map((d) => [d, ...r.scenarios.map((s) => (d in s.shocks[j]!.lost ? loss(s.shocks[j]!.lost[d]!) : '—'))]);
    parts.push(rows.length ? textTable(['Demand node', 'baseline', ...ids], rows, [false, true, ...ids.map(() => true)]) : 'No demand node in this graph.\n');
    for (const s of r.scenarios) if (s.shocks[j]!.skipped.length) parts.push(`  ${s.id}: ${skippedText(s.shocks[j]!.skipped)}\n`);
    parts.push('\n');
  });
  parts.push('Each figure is the share of the demand node\'s supply lost (minus: less supply), with no rerouting (metrics.md §8).\n');
  return parts.join('');
}

export const SHOCK: Command = {
  name: 'shock',
  readsGraph: true,
  summary: 'what a disruption costs: each demand node\'s supply lost, under baseline and each scenario',
  usage: 'chokepoint shock [FILE] [--hit SELECTOR[=CAPACITY]]... [--shock ID]... [--scenario ID]... [--demand KEY]... [--format text|json]',
  help: `Cuts the output of some nodes and prints the share of each demand node's
supply that is lost, with no rerouting (metrics.md §8), on the graph as loaded
and on each scenario's graph. FILE defaults to the Japan-US-Taiwan graph.

Without --hit or --shock, evaluates every shock the file holds.

Options:
  --hit SELECTOR[=CAPACITY]
                     a hit of a one-off shock (repeatable; several make one shock,
                     a node hit twice keeping the smallest capacity). SELECTOR is
                     FIELD=VALUE pairs joined by commas, with FIELD one of key,
                     kind, country, company (fields ANDed; a field given twice
                     matches either value). CAPACITY is what the nodes can still
                     make, from 0 to 1 or 0% to 100%; without it, 0 (they stop).
                       --hit kind=foundry,country=TW=0.5   Taiwan's foundries at half
                       --hit key=tsmc-tw=0                 one node stops
                       --hit country=TW                    every node in Taiwan stops
                       --hit country=TW,country=KR=50%     Taiwan or Korea at half
  --shock ID         one of the file's shocks (repeatable)
  --scenario ID      only baseline and this scenario (repeatable)
  --demand KEY       only this demand node in the text table (repeatable)
  --format FORMAT    text (the default) or json
  --out PATH         write to PATH instead of standard output

Exit status: 0 on success, 1 on invalid input (a hit that matches no node),
2 on wrong usage.`,
  options: {
    hit: { type: 'string', multiple: true },
    shock: { type: 'string', multiple: true },
    scenario: { type: 'string', multiple: true },
    demand: { type: 'string', multiple: true },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run(io: CliIO, positionals, values) {
    if (positionals.length > 1) throw new UsageError(`shock takes one FILE, found ${positionals.length}`);
    const format = (values.format as string | undefined) ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: expected ${FORMATS.join(' or ')}, found "${format}"`);
    const hits = ((values.hit as string[] | undefined) ?? []).map(parseHit);
    const graph = await readGraph(io, positionals[0] ?? DEFAULT_GRAPH);
    const own = shocksOf(graph);
    const shocks: Shock[] = [];
    for (const id of (values.shock as string[] | undefined) ?? []) {
      const s = own.find((x) => x.id === id);
      if (!s) throw new UsageError(`--shock: no shock "${id}" in this graph; it has ${own.length ? own.map((x) => `"${x.id}"`).join(', ') : 'none'}`);
      shocks.push(s);
    }
    if (hits.length) {
      const blind = hits.filter((h) => hitNodes(graph, h.hit).length === 0);
      if (blind.length) throw new InvalidInput(blind.map((h) => `--hit ${h.text}: expected a selector that matches some node of the graph, found none`).join('\n'));
      shocks.push({ id: COMMAND_LINE_SHOCK, label: `--hit ${hits.map((h) => h.text).join(' --hit ')}`, hits: hits.map((h) => h.hit) });
      const defaulted = hits.filter((h) => h.defaulted);
      if (defaulted.length && format === 'text') io.stderr(`${defaulted.map((h) => `--hit ${h.text}`).join(', ')}: no capacity given, so 0 (the nodes stop)\n`);
    }
    if (shocks.length === 0) {
      if (own.length === 0) throw new UsageError('this graph has no shocks: give one with --hit, such as --hit kind=foundry,country=TW=0.5');
      shocks.push(...own);
    }
    let report: ShockReport;
    try {
      report = buildShockReport(graph, shocks, values.scenario as string[] | undefined);
    } catch (error) {
      if (error instanceof UnknownScenarioError) throw new UsageError(`--scenario: ${error.message}`);
      throw error;
    }
    const out = values.out as string | undefined;
    await writeOutput(io, out, format === 'json' ? JSON.stringify(report, null, 2) + '\n' : textOf(report, values.demand as string[] | undefined));
    return 0;
  },
};
