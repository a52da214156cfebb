/** The CLI's contact with the outside, passed in so commands can be run in tests without a process. */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { forTerminal } from './terminal-text.ts';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Writes a file (text as UTF-8). */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /** Makes a folder and the folders above it, if missing. */
  makeFolder(path: string): Promise<void>;
  /** The terminal's width in characters, when output goes to one (or $COLUMNS says); undefined for a pipe or a file. */
  columns?: number | undefined;
}

/** The terminal's width: $COLUMNS when set to a number, else the TTY's, else none (a pipe keeps full-width tables). */
function terminalColumns(): number | undefined {
  const env = Number(process.env.COLUMNS);
  if (Number.isInteger(env) && env > 0) return env;
  return process.stdout.isTTY ? process.stdout.columns : undefined;
}

/**
 * Messages (stderr) always, and output (stdout) when it is a terminal, go
 * through forTerminal: text from a file never reaches a terminal raw. Output
 * piped to a file or program is written as it is.
 */
export const PROCESS_IO: CliIO = {
  stdout: (t) => process.stdout.write(process.stdout.isTTY ? forTerminal(t) : t),
  stderr: (t) => process.stderr.write(forTerminal(t)),
  writeFile: (p, data) => writeFile(p, data),
  makeFolder: async (p) => void (await mkdir(p, { recursive: true })),
  get columns() {
    return terminalColumns();
  },
};

/** The graph the CLI opens when given none. */
export const DEFAULT_GRAPH = fileURLToPath(new URL('../../graphs/japan-us-taiwan.json', import.meta.url));

/** Wrong usage: exit 2 with the command's help. */
export class UsageError extends Error {}
/** Invalid input: exit 1, problems already printed. */
export class InvalidInput extends Error {}
