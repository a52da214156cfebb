/**
 * buildReportWith (failure figures computed by a runner, in the command line
 * another thread) gives buildReport's report, figure for figure, whoever
 * computes each scenario, and whatever the runner does wrong.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { FailurePool } from '../../../src/cli/failure-pool.ts';
import { generateGraph } from '../../../src/generate/index.ts';
import { failureFigures } from '../../../src/metrics/registry.ts';
import { buildReport, buildReportWith, type FailureRunner } from '../../../src/report/model.ts';
import { graphOf, loadGraph, repoPath } from '../../helpers/load.ts';

const japan = loadGraph(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8'));
// Generated: its scenarios scale, shift and remove (a removal too, so every path of withScenario runs).
const generated = graphOf(generateGraph({ nodes: 600, flows: 2400, seed: 3 }));
const graphs = { 'the default graph': japan, 'a generated graph': generated };

/** Takes every other job and computes it after the current task; counts what it took. */
function alternating(): FailureRunner & { taken: number } {
  let n = 0;
  return {
    taken: 0,
    offer(index, spof) {
      if (n++ % 2 === 1) return undefined;
      this.taken++;
      return new Promise((resolve) => setTimeout(() => resolve(failureFigures(index, spof)), 0));
    },
  };
}
const failing: FailureRunner = { offer: () => Promise.reject(new Error('thread died')) };
const declining: FailureRunner = { offer: () => undefined };

describe('a report with failure figures computed elsewhere', () => {
  for (const [name, graph] of Object.entries(graphs)) {
    it(`equals buildReport on ${name}, whoever computes what`, async () => {
      const expected = buildReport(graph, { spof: { top: 5 } });
      const runner = alternating();
      expect(await buildReportWith(graph, { spof: { top: 5 } }, runner)).toEqual(expected);
      expect(runner.taken).toBeGreaterThan(0);
      expect(await buildReportWith(graph, { spof: { top: 5 } }, failing)).toEqual(expected);
      expect(await buildReportWith(graph, { spof: { top: 5 } }, declining)).toEqual(expected);
    });
  }

  describe('on a worker thread', () => {
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
