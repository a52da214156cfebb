/**
 * `chokepoint`: the engine on the command line. Exit 0 on success, 1 on
 * invalid input (problems on stderr), 2 on wrong usage.
 */
import { parseArgs } from 'node:util';
import { CHOKEPOINT_VERSION } from '../version.ts';
import type { Command } from './commands/command.ts';
import { COMPARE } from './commands/compare.ts';
import { CONVERT } from './commands/convert.ts';
import { GENERATE } from './commands/generate.ts';
import { REPORT } from './commands/report.ts';
import { VALIDATE } from './commands/validate.ts';
import { type CliIO, InvalidInput, PROCESS_IO, UsageError } from './io.ts';
import { LOAD_FLAGS, useLoadFlags } from './read-graph.ts';

export const COMMANDS: Command[] = [REPORT, COMPARE, VALIDATE, CONVERT, GENERATE];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `chokepoint ${CHOKEPOINT_VERSION}: where does this supply chain break?

Usage: chokepoint COMMAND [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "chokepoint COMMAND --help" for a command's options. Formats and figures:
docs/format.md and docs/metrics.md.
`;
}

const commandHelp = (c: Command) => `Usage: ${c.usage}\n\n${c.help}\n`;

export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${CHOKEPOINT_VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`chokepoint: unknown command "${name}"\n\n${mainHelp()}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...LOAD_FLAGS, ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout(commandHelp(command));
      return 0;
    }
    await useLoadFlags(io, values);
    return await command.run(io, positionals, values);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`chokepoint ${command.name}: ${(error as Error).message}\n\n${commandHelp(command)}`);
      return 2;
    }
    if (error instanceof InvalidInput) {
      io.stderr(`chokepoint ${command.name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
