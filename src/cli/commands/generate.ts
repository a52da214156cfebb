import { checkGenerateOptions, generateGraph, MAX_FLOWS, MAX_NODES, MIN_NODES } from '../../generate/index.ts';
import { type CliIO, UsageError } from '../io.ts';
import type { Command } from './command.ts';
import { writeOutput } from './output.ts';

const whole = (name: string, v: unknown, fallback?: number): number => {
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'string' || !/^-?\d+$/.test(v)) throw new UsageError(`--${name}: expected a whole number, found ${v === undefined ? 'nothing' : `"${v}"`}`);
  return Number(v);
};

export const GENERATE: Command = {
  name: 'generate',
  readsGraph: false,
  summary: 'write a seeded synthetic tiered supply graph, for trying the engine at scale',
  usage: 'chokepoint generate --nodes N --flows M [--seed S] [--out FILE]',
  help: `Writes a synthetic supply graph, valid by graph-format.md: mines, chemical
makers, wafer plants, tool makers, fabs, component and system makers, and ten
buyer markets in 40 countries, with skewed (power-law, Pareto) market shares, some
cycles among materials makers, multi-site firms and three scenarios.
The same options always give the same file. Not real data.

Options:
  --nodes N    number of nodes, at least ${MIN_NODES}, at most ${MAX_NODES}
  --flows M    number of flows (edges), at least about 2.5 per node, at most 50 per node
               and ${MAX_FLOWS} in all
  --seed S     whole number seed (default 1)
  --out FILE   write to FILE instead of standard output

Exit status: 0 on success, 2 on wrong usage.`,
  options: { nodes: { type: 'string' }, flows: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
  async run(io: CliIO, positionals, values) {
    if (positionals.length > 0) throw new UsageError(`generate takes no FILE, found "${positionals[0]}" (use --out FILE)`);
    const options = { nodes: whole('nodes', values.nodes), flows: whole('flows', values.flows), seed: whole('seed', values.seed, 1) };
    const problem = checkGenerateOptions(options);
    if (problem) throw new UsageError(problem);
    const doc = generateGraph(options);
    const out = values.out as string | undefined;
    await writeOutput(io, out, JSON.stringify(doc) + '\n');
    // What was made, on stderr so that standard output stays the file alone.
    const scenarios = doc.attributes.scenarios?.length ?? 0;
    io.stderr(`${out === undefined ? 'wrote' : `wrote ${out}:`} ${doc.nodes.length} nodes, ${doc.edges.length} flows, ${scenarios} scenario${scenarios === 1 ? '' : 's'} (seed ${options.seed}; synthetic, not real data)\n`);
    return 0;
  },
};
