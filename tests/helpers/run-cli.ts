/** Runs the real `chokepoint` binary, as a user would. */
import { execFile } from 'node:child_process';
import { repoPath } from './load.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; timeout?: number; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [repoPath('bin/chokepoint.js'), ...args],
      { cwd: options.cwd ?? repoPath(''), ...(options.env ? { env: { ...process.env, ...options.env } } : {}), timeout: options.timeout ?? 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
