import { describe, expect, it } from 'vitest';
import { boughtBeforeAfter, suppliesBought } from '../../../src/metrics/bought.ts';
import { applyScenario } from '../../../src/scenarios/apply.ts';
import type { SupplyGraph } from '../../../src/model/graph.ts';
import { graphOf, makeDoc } from '../../helpers/load.ts';

describe('supply bought', () => {
  const g = graphOf(makeDoc(
    [['buyer', 'demand', 'JP'], ['a', 'foundry', 'TW'], ['b', 'foundry', 'US'], ['gas', 'chemical', 'UA']],
    [['a', 'buyer', 'chips', 3], ['b', 'buyer', 'chips', 1], ['gas', 'buyer', 'neon', 2], ['gas', 'a', 'neon', 5]],
  ));
  it('sums each demand node\'s inflows by input (only demand nodes)', () => {
    expect([...suppliesBought(g)].map(([d, m]) => [d, Object.fromEntries(m)])).toEqual([['buyer', { chips: 4, neon: 2 }]]);
  });
  it('gives before and after, an input gone in the scenario as 0', () => {
    const applied = applyScenario(g, { id: 's', label: 'S', ops: [{ op: 'removeNode', key: 'gas' }, { op: 'removeNode', key: 'b' }] }) as { ok: true; graph: SupplyGraph };
    expect(boughtBeforeAfter(g, applied.graph)).toEqual([{ demand: 'buyer', inputs: [{ input: 'chips', baseline: 4, scenario: 3 }, { input: 'neon', baseline: 2, scenario: 0 }] }]);
  });
});
