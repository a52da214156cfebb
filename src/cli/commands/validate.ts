import { isError } from '../../model/problem.ts';
import { scenariosOf } from '../../scenarios/apply.ts';
import { shocksOf } from '../../scenarios/shock-hits.ts';
import { type CliIO, UsageError } from '../io.ts';
import { displayPath, loadFile, printProblems } from '../read-graph.ts';
import type { Command } from './command.ts';

export const VALIDATE: Command = {
  name: 'validate',
  readsGraph: true,
  summary: 'check graph files against the format; print every problem, or ok with counts',
  usage: 'chokepoint validate FILE...',
  help: `Checks each FILE against the Chokepoint graph format (the schema, every
reference, and every scenario applied to a copy). Prints every problem as
  file:line:column path: expected …, found …
or "FILE: ok (N nodes, M flows, K scenarios)". Warnings do not fail a file.

Exit status: 0 when every file is valid, 1 when any is not, 2 on wrong usage.`,
  options: {},
  async run(io: CliIO, positionals) {
    if (positionals.length === 0) throw new UsageError('validate needs at least one FILE');
    let failed = 0;
    for (const path of positionals) {
      const result = await loadFile(path);
      if (!result.ok) {
        failed++;
        printProblems(io, result.problems);
        const n = result.problems.filter(isError).length;
        io.stderr(`${displayPath(path)}: invalid, ${n} problem${n === 1 ? '' : 's'}\n`);
        continue;
      }
      printProblems(io, result.warnings);
      // The figures the file cannot give (no inputs, no countries…): the app shows the same notes when it opens the file.
      for (const u of result.unavailable) io.stderr(`note: ${displayPath(path)}: ${u.metric} is unavailable: ${u.why}\n`);
      const g = result.graph;
      const s = scenariosOf(g).length;
      const w = result.warnings.length;
      const k = shocksOf(g).length;
      io.stdout(`${displayPath(path)}: ok (${g.order} node${g.order === 1 ? '' : 's'}, ${g.size} flow${g.size === 1 ? '' : 's'}, ${s} scenario${s === 1 ? '' : 's'}${k ? `, ${k} shock${k === 1 ? '' : 's'}` : ''}${w ? `, ${w} warning${w === 1 ? '' : 's'}` : ''})\n`);
    }
    return failed > 0 ? 1 : 0;
  },
};
