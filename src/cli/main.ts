/**
 * `chokepoint`: the engine on the command line. Exit 0 on success, 1 on
 * invalid input (problems on stderr), 2 on wrong usage.
 */
import { parseArgs } from 'node:util';
import { CHOKEPOINT_VERSION } from '../version.ts';
import type { Command } from './commands/command.ts';
import { type CliIO, InvalidInput, PROCESS_IO, UsageError } from './io.ts';
import { LOAD_FLAGS, LOAD_FLAGS_HELP, useLoadFlags } from './read-graph.ts';

/**
 * Each command's module, loaded only when it runs: `validate` should not pay
 * for the report renderers, the layouts and the PDF printer (start-up counts
 * when a broken file must be refused within a second).
 */
const LOADERS: Record<string, () => Promise<Command>> = {
  report: async () => (await import('./commands/report.ts')).REPORT,
  compare: async () => (await import('./commands/compare.ts')).COMPARE,
  shock: async () => (await import('./commands/shock.ts')).SHOCK,
  validate: async () => (await import('./commands/validate.ts')).VALIDATE,
  convert: async () => (await import('./commands/convert.ts')).CONVERT,
  generate: async () => (await import('./commands/generate.ts')).GENERATE,
  robustness: async () => (await import('./commands/robustness.ts')).ROBUSTNESS,
};
const loadCommands = (): Promise<Command[]> => Promise.all(Object.values(LOADERS).map((load) => load()));

async function mainHelp(): Promise<string> {
  const COMMANDS = await loadCommands();
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `chokepoint ${CHOKEPOINT_VERSION}: where does this supply chain break?

Usage: chokepoint COMMAND [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "chokepoint COMMAND --help" for a command's options. Formats and figures:
docs/format.md and docs/metrics.md.
`;
}

const commandHelp = (c: Command) => `Usage: ${c.usage}\n\n${c.help}\n${c.readsGraph ? `\n${LOAD_FLAGS_HELP}\n` : ''}`;

export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(await mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${CHOKEPOINT_VERSION}\n`);
    return 0;
  }
  const load = Object.hasOwn(LOADERS, name) ? LOADERS[name] : undefined;
  if (!load) {
    io.stderr(`chokepoint: unknown command "${name}"; the commands are ${Object.keys(LOADERS).join(', ')}. Run "chokepoint --help" for what each does.\n`);
    return 2;
  }
  const command = await load();
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...(command.readsGraph ? LOAD_FLAGS : {}), ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout(commandHelp(command));
      return 0;
    }
    if (command.readsGraph) await useLoadFlags(io, values);
    return await command.run(io, positionals, values);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // The one line that matters and where to read more, not the whole help.
      io.stderr(`chokepoint ${command.name}: ${(error as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '')}\nUsage: ${command.usage}\nRun "chokepoint ${command.name} --help" for its options.\n`);
      return 2;
    }
    if (error instanceof InvalidInput) {
      io.stderr(`chokepoint ${command.name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
