/** `chokepoint robustness`: how far each finding rests on its assumptions (robustness.md). */
import type { SupplyGraph } from '../../model/graph.ts';
import { pct, pp } from '../../report/format.ts';
import { drawShare } from '../../report/robustness.ts';
import { computeRobustness, hasRobustness, RobustnessOptionError, type Robustness } from '../../robustness/engine.ts';
import { type CliIO, DEFAULT_GRAPH, InvalidInput, UsageError } from '../io.ts';
import { readGraph } from '../read-graph.ts';
import { textTable } from '../text-table.ts';
import type { Command } from './command.ts';
import { writeOutput } from './output.ts';
import { ROBUSTNESS_OPTIONS, ROBUSTNESS_OPTIONS_HELP, robustnessOptions } from './robustness-options.ts';

const FORMATS = ['text', 'json'] as const;

const range = (a: number, b: number, f: (x: number) => string) => `${f(a)} to ${f(b)}`;

export function robustnessText(title: string, r: Robustness, nothing: boolean): string {
  const out: string[] = [];
  out.push(`${title}: ${r.draws.toLocaleString('en-US')} draws (seed ${r.seed}) over ${r.uncertainFlows} flows with a range and ${r.uncertainOps} operation ranges${r.variants.length ? `; ${r.variants.length} variants` : ''}\n`);
  if (nothing) out.push('No flow or operation has a range and the file has no variants: every draw is the point figure (try --uncertainty 0.3).\n');
  out.push('\nFindings (reliance of DEMAND on SET; intervals are the 5th to 95th percentile of the draws)\n');
  out.push(
    textTable(
      ['demand', 'set', 'scenario', 'figure', 'interval', 'change', 'change interval', 'same direction'],
      r.figures.map((f) => [
        f.demand,
        f.set,
        f.scenario,
        pct(f.point),
        range(f.draws.p05, f.draws.p95, pct),
        f.delta === undefined ? '' : pp(f.delta),
        f.deltaDraws ? range(f.deltaDraws.p05, f.deltaDraws.p95, pp) : '',
        f.deltaDraws ? `${drawShare(f.deltaDraws.agree)}${f.deltaDraws.robust ? ' (robust)' : ' (uncertain)'}` : '',
      ]),
      [false, false, false, true, true, true, true, true],
    ),
  );
  if (r.variants.length > 0) {
    out.push('\nVariants (the figure, and a scenario\'s change, under each other reading of the facts)\n');
    out.push(
      textTable(
        ['demand', 'set', 'scenario', 'as filed', ...r.variants.map((v) => v.id)],
        r.figures.map((f) => [
          f.demand, f.set, f.scenario,
          f.delta === undefined ? pct(f.point) : pp(f.delta),
          ...r.variants.map((v) => {
            const x = f.variants[v.id];
            return typeof x === 'number' ? pct(x) : x ? pp(x.delta) : '';
          }),
        ]),
        [false, false, false, true, ...r.variants.map(() => true)],
      ),
    );
  }
  const withSwings = r.figures.filter((f) => f.swings.length > 0);
  if (withSwings.length > 0) {
    out.push('\nLargest swings (one flow at its low and its high, every other flow at its value)\n');
    for (const f of withSwings) {
      const show = f.delta === undefined ? pct : pp;
      out.push(`\n${f.demand} on ${f.set}, ${f.scenario === 'baseline' ? 'baseline figure' : `change under ${f.scenario}`}:\n`);
      out.push(
        textTable(
          ['flow', 'low', 'high', 'at low', 'at high', 'swing'],
          f.swings.map((s) => [s.edge, s.low.toPrecision(3), s.high.toPrecision(3), show(s.atLow), show(s.atHigh), pp(Math.abs(s.atHigh - s.atLow)).replace(/^[+±]/, '')]),
          [false, true, true, true, true, true],
        ),
      );
    }
  }
  return out.join('');
}

export const ROBUSTNESS: Command = {
  name: 'robustness',
  readsGraph: true,
  summary: 'how far each finding rests on its assumptions: intervals, agreement, variants, swings',
  usage: 'chokepoint robustness [FILE] [--demand KEY]... [--set K:C|C]... [--draws N] [--seed S] [--swings K] [--uncertainty R] [--format text|json]',
  help: `For each studied figure, reliance(d, S) of docs/metrics.md in baseline and
every scenario with each scenario's change: the figure under each variant of
the file, the largest one-flow swings, and the 5th to 95th percentile over
seeded draws from the flows' ranges, with the share of draws whose change has
the point change's direction (robust at 95%). Method: docs/robustness.md.

Options:
  --demand KEY       a demand node to study (repeatable; default the graph's
                     focus, else every demand node)
${ROBUSTNESS_OPTIONS_HELP}
  --scenario ID      only baseline and this scenario (repeatable)
  --format FORMAT    text (the default) or json (the report's "robustness" object)
  --out PATH         write to PATH instead of standard output

Exit status: 0 on success, 1 on invalid input, 2 on wrong usage.`,
  options: { ...ROBUSTNESS_OPTIONS, demand: { type: 'string', multiple: true }, scenario: { type: 'string', multiple: true }, format: { type: 'string' }, out: { type: 'string' } },
  async run(io: CliIO, positionals, values) {
    if (positionals.length > 1) throw new UsageError(`robustness takes one FILE, found ${positionals.length}`);
    const format = (values.format as string | undefined) ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: expected text or json, found "${format}"`);
    const options = robustnessOptions(values);
    const graph: SupplyGraph = await readGraph(io, positionals[0] ?? DEFAULT_GRAPH);
    let r: Robustness;
    try {
      r = computeRobustness(graph, {
        ...options,
        ...(values.demand ? { demand: values.demand as string[] } : {}),
        ...(values.scenario ? { scenarios: values.scenario as string[] } : {}),
      });
    } catch (error) {
      if (error instanceof RobustnessOptionError) throw new InvalidInput(error.message);
      throw error;
    }
    const text = format === 'json' ? JSON.stringify(r, null, 2) + '\n' : robustnessText(graph.getAttribute('title'), r, !hasRobustness(graph, options.uncertainty));
    await writeOutput(io, values.out as string | undefined, text);
    return 0;
  },
};
