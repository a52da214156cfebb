import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../../src/report/compare.ts';
import { buildReport } from '../../../src/report/model.ts';
import { loadFixture } from '../../helpers/load.ts';

describe('scenario deltas', () => {
  // and-or: d buys chips from s1 (0.75, which needs f1 and m1) and s2 (0.25, from f2).
  const graph = loadFixture('known/and-or.json');
  graph.setAttribute('scenarios', [{ id: 'cut-f2', label: 'Without f2', ops: [{ op: 'removeNode', key: 'f2' }] }]);

  it('count an impact missing from a complete list as 0', () => {
    const [baseline, scenario] = buildReport(graph).scenarios;
    const rows = compareScenarios(baseline!, scenario!, { moved: true });
    // f2 is gone: its impact 0.25 drops to 0; s2 now has no supply, so d's loss without s2 is 0.
    const f2 = rows.find((r) => r.id === 'impact|d|f2')!;
    expect([f2.baseline, f2.scenario, f2.delta]).toEqual([0.25, 0, -0.25]);
  });

  it('count an impact missing from a cut list as unknown, not 0', () => {
    const [baseline, scenario] = buildReport(graph, { spof: { top: 1 } }).scenarios;
    const rows = compareScenarios(baseline!, scenario!);
    // Cut to the one largest, f1 is listed on both sides; m1 (0.75 too, larger key) is not.
    const f1 = rows.find((r) => r.id === 'impact|d|f1')!;
    expect(f1.delta).toBeCloseTo(0, 12);
    for (const r of rows.filter((x) => x.family === 'impact' && x.measure !== 'f1')) {
      expect(r.delta).toBeNull();
    }
  });
});
