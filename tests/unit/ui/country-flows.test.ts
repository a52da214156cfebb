import { describe, expect, it } from 'vitest';
import { aggregateCountryFlows, flowWidth } from '../../../src/ui/country-flows.ts';

const node = (key: string, country: string) => ({ key, attributes: { country } });
const flow = (source: string, target: string, value: number) => ({ source, target, attributes: { value } });

describe('aggregateCountryFlows', () => {
  it('sums flows per ordered pair of countries, leaves out flows within a country, biggest first', () => {
    const nodes = [node('a', 'JP'), node('b', 'JP'), node('c', 'TW'), node('d', 'US')];
    const flows = aggregateCountryFlows(nodes, [flow('a', 'c', 2), flow('b', 'c', 3), flow('c', 'a', 1), flow('a', 'b', 100), flow('c', 'd', 7), flow('x', 'd', 9)]);
    expect(flows).toEqual([
      { from: 'TW', to: 'US', value: 7, count: 1 },
      { from: 'JP', to: 'TW', value: 5, count: 2 },
      { from: 'TW', to: 'JP', value: 1, count: 1 },
    ]);
  });

  it('widens by the square root of the share of the largest, within bounds', () => {
    expect(flowWidth(100, 100)).toBeCloseTo(12, 9);
    expect(flowWidth(25, 100)).toBeCloseTo(1.5 + 10.5 * 0.5, 9);
    expect(flowWidth(0, 100)).toBeCloseTo(1.5, 9);
    expect(flowWidth(5, 0)).toBeCloseTo(1.5, 9);
  });
});
