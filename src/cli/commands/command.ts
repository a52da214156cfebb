import type { ParseArgsConfig } from 'node:util';
import type { CliIO } from '../io.ts';

export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

/** One subcommand: its options for util.parseArgs, its help, and what it does. Returns the exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Reads a graph file: takes the load flags (read-graph.ts LOAD_FLAGS) and lists them in its help. */
  readsGraph: boolean;
  run(io: CliIO, positionals: string[], values: OptionValues): Promise<number>;
}
