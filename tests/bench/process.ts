/**
 * The ratio of issue 24: a full `chokepoint report` process against a bare
 * JSON.parse process on the same file, both timed from outside (node's start
 * included), with each process's CPU time and peak memory read at its exit
 * (rusage.mjs). The two run alternately, `runs` times each, so that a busy
 * neighbour on a shared machine weighs on both alike; the medians are kept.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ProcessRun {
  wall: number;
  cpu: number;
  peakMB: number;
}
export interface ProcessFigures {
  parse: ProcessRun;
  report: ProcessRun;
  runs: number;
}

const RUSAGE = fileURLToPath(new URL('./rusage.mjs', import.meta.url));
const CLI = fileURLToPath(new URL('../../bin/chokepoint.js', import.meta.url));
const PARSE = `JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'))`;

function timed(args: string[], dir: string, name: string): ProcessRun {
  const usage = join(dir, `${name}.json`);
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', RUSAGE, ...args], { env: { ...process.env, CHOKEPOINT_BENCH_RUSAGE: usage }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 24 });
  const wall = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  const u = JSON.parse(readFileSync(usage, 'utf8')) as { cpu: number; peakMB: number };
  return { wall, ...u };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const medianRun = (rs: ProcessRun[]): ProcessRun => ({ wall: median(rs.map((r) => r.wall)), cpu: median(rs.map((r) => r.cpu)), peakMB: median(rs.map((r) => r.peakMB)) });

/** `chokepoint report FILE --out …` (JSON, the default format) against `node -e JSON.parse(…)`, alternately. */
export function measureProcesses(file: string, runs = 3): ProcessFigures {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-bench-'));
  try {
    const parse: ProcessRun[] = [];
    const report: ProcessRun[] = [];
    for (let i = 0; i < runs; i++) {
      parse.push(timed(['-e', PARSE, file], dir, 'parse'));
      report.push(timed([CLI, 'report', file, '--out', join(dir, 'report.json')], dir, 'report'));
    }
    return { parse: medianRun(parse), report: medianRun(report), runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
