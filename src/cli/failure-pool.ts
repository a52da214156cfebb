/**
 * The command line's second core: a worker thread that computes the failure
 * figures of scenarios while the main thread prepares the next scenario or
 * computes others (report/model.ts, buildReportWith). Reliance and single
 * points of failure are most of a report's time on big graphs, and they need
 * only the supply index, which is copied to the thread. Each job has a shared
 * cell of state, so the thread and the main thread never both compute it and
 * neither waits for the other's event loop to claim one.
 *
 * Started before the graph is read, so the thread is ready when the figures
 * are. If it fails to start or dies, every job it had is computed on the main
 * thread instead: the report is the same either way.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FailureFigures } from '../metrics/registry.ts';
import type { SupplyGraph } from '../model/graph.ts';
import type { SpofLimit } from '../metrics/spof.ts';
import type { SupplyIndex } from '../metrics/supply-index.ts';
import { buildReport, buildReportWith, type FailureJob, type FailureRunner, type Report, type ReportOptions } from '../report/model.ts';

/** Below this size a graph's figures take less than the thread takes to start. */
export const POOL_FROM_BYTES = 2_000_000;

export class FailurePool implements FailureRunner {
  private readonly worker: Worker | undefined;
  private readonly waiting = new Map<number, { resolve: (f: FailureFigures | undefined) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private broken = false;
  /** Jobs the thread has finished (for tests and the benchmark). */
  finished = 0;
  /** The keys the thread holds (those of the last job sent). */
  private sentKeys: readonly string[] | undefined;

  private constructor(worker: Worker | undefined) {
    this.worker = worker;
    if (!worker) return;
    worker.unref();
    worker.on('message', (m: { id: number; figures?: FailureFigures; skipped?: boolean; error?: string }) => {
      const job = this.waiting.get(m.id);
      if (!job) return;
      this.waiting.delete(m.id);
      if (this.waiting.size === 0) worker.unref();
      if (m.figures) {
        this.finished++;
        job.resolve(m.figures);
      } else if (m.skipped) job.resolve(undefined);
      else job.reject(new Error(m.error ?? 'no figures'));
    });
    const fail = (cause: unknown) => {
      this.broken = true;
      for (const job of this.waiting.values()) job.reject(cause instanceof Error ? cause : new Error(String(cause)));
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the figures thread stopped (exit ${code})`)));
  }

  /** A pool with one thread where the machine has a second core; without, every job is left to the main thread. */
  static start(): FailurePool {
    if (availableParallelism() < 2) return new FailurePool(undefined);
    try {
      return new FailurePool(new Worker(new URL('../../bin/failure-worker.js', import.meta.url)));
    } catch {
      return new FailurePool(undefined);
    }
  }

  offer(index: SupplyIndex, spof: SpofLimit | undefined): FailureJob {
    const worker = this.worker;
    // The job's state, shared with the thread: 0 waiting, 1 started there, 2 taken back here.
    const state = new Int32Array(new SharedArrayBuffer(4));
    const take = () => Atomics.compareExchange(state, 0, 0, 2) === 0;
    if (!worker || this.broken) return { result: Promise.resolve(undefined), take };
    const id = this.nextId++;
    // Copied to the thread without its key map (the figures do not read it) and, when they are the previous job's
    // (a scenario that adds and removes no node shares the baseline's), without its keys: the thread keeps them.
    // Cloning 100,000 keys and their map took longer than the typed arrays.
    const { indexOf: _map, keys, ...arrays } = index;
    const newKeys = keys !== this.sentKeys;
    this.sentKeys = keys;
    const result = new Promise<FailureFigures | undefined>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, index: arrays, ...(newKeys ? { keys } : {}), state, ...(spof ? { spof } : {}) });
    });
    return { result, take };
  }

  async close(): Promise<void> {
    this.broken = true;
    await this.worker?.terminate();
  }
}

/** A pool for a graph file big enough to gain from one (a thread takes about 0.3 s to start); undefined otherwise. */
export async function poolFor(path: string): Promise<FailurePool | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() && info.size >= POOL_FROM_BYTES ? FailurePool.start() : undefined;
  } catch {
    return undefined;
  }
}

/** The report, with the pool's thread where there is one. */
export function reportWith(graph: SupplyGraph, options: ReportOptions, pool: FailurePool | undefined): Promise<Report> {
  return pool ? buildReportWith(graph, options, pool) : Promise.resolve(buildReport(graph, options));
}
