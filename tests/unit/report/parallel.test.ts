/**
 * buildReportWith (failure figures computed by a runner, in the command line
 * another thread) gives buildReport's report, figure for figure, whoever
 * computes each scenario, and whatever the runner does wrong.
 */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { FailurePool } from '../../../src/cli/failure-pool.ts';
import { generateGraph } from '../../../src/generate/index.ts';
import { failureFigures } from '../../../src/metrics/registry.ts';
import type { SpofLimit } from '../../../src/metrics/spof.ts';
import type { SupplyIndex } from '../../../src/metrics/supply-index.ts';
import { buildReport, buildReportWith, type FailureJob, type FailureRunner } from '../../../src/report/model.ts';
import { graphOf, loadGraph, repoPath } from '../../helpers/load.ts';

const japan = loadGraph(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8'));
// Generated: its scenarios scale, shift and remove (a removal too, so every path of withScenario runs).
const generated = graphOf(generateGraph({ nodes: 600, flows: 2400, seed: 3 }));
const graphs = { 'the default graph': japan, 'a generated graph': generated };

/**
 * A stand-in for the thread: works through its jobs in order, `ms` per job,
 * unless taken back first; counts what it computed. Slow enough, and this
 * thread takes jobs back; quick, and it leaves them all.
 */
function inOrder(ms: number): FailureRunner & { computed: number } {
  let queue = Promise.resolve();
  const runner = {
    computed: 0,
    offer(index: SupplyIndex, spof: SpofLimit | undefined): FailureJob {
      let state = 0;
      const result = (queue = queue.then(() => new Promise((r) => setTimeout(r, ms)))).then(() => {
        if (state !== 0) return undefined;
        state = 1;
        runner.computed++;
        return failureFigures(index, spof);
      });
      return { result, take: () => (state === 0 ? ((state = 2), true) : false) };
    },
  };
  return runner;
}
/** Starts every job and fails it. */
const failing: FailureRunner = { offer: () => ({ result: Promise.reject(new Error('thread died')), take: () => false }) };
/** Never starts a job. */
const idle: FailureRunner = { offer: () => ({ result: Promise.resolve(undefined), take: () => true }) };

describe('a report with failure figures computed elsewhere', () => {
  for (const [name, graph] of Object.entries(graphs)) {
    it(`equals buildReport on ${name}, whoever computes what`, async () => {
      const expected = buildReport(graph, { spof: { top: 5 } });
      const slow = inOrder(150);
      expect(await buildReportWith(graph, { spof: { top: 5 } }, slow)).toEqual(expected);
      // Both sides computed some: the stand-in from the front, this side from the back.
      expect(slow.computed).toBeGreaterThan(0);
      expect(slow.computed).toBeLessThan(expected.scenarios.length);
      const quick = inOrder(0);
      expect(await buildReportWith(graph, { spof: { top: 5 } }, quick)).toEqual(expected);
      expect(quick.computed).toBe(expected.scenarios.length);
      expect(await buildReportWith(graph, { spof: { top: 5 } }, failing)).toEqual(expected);
      expect(await buildReportWith(graph, { spof: { top: 5 } }, idle)).toEqual(expected);
    });
  }

  // FailurePool starts no thread on a machine with one core (every job is then the main thread's).
  describe.skipIf(availableParallelism() < 2)('on a worker thread', () => {
    const pool = FailurePool.start();
    afterAll(() => pool.close());
    it('gives the same report, exact lists included', async () => {
      for (const graph of Object.values(graphs)) {
        expect(await buildReportWith(graph, {}, pool)).toEqual(buildReport(graph));
      }
      expect(pool.finished).toBeGreaterThan(0);
    });
  });
});
