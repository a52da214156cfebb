/** What each figure means and where it stops, in plain words (from metrics.md), for every report format. */
import type { Report } from './model.ts';

export interface MethodItem {
  term: string;
  text: string;
}

export function methodItems(report: Report): MethodItem[] {
  return [
    {
      term: 'Share',
      text: "A flow's value divided by everything its customer buys of the same input. Suppliers of one input can stand in for each other; different inputs cannot.",
    },
    {
      term: 'Reliance',
      text: "The share of a buyer's supply that would be lost if every node of a set stopped at once: every node in a country (\"Taiwan\") or every node of one kind in a country (\"Taiwan: foundry nodes\"). A customer keeps the shares of the suppliers that still work, and it needs every input it uses: the scarcest input limits its output.",
    },
    {
      term: 'Single point of failure',
      text: "The impact of one node: the share of a buyer's supply lost if that node alone stopped. An impact of 100% makes it a strict single point of failure.",
    },
    {
      term: 'Concentration',
      text: `For each input, the shares of its suppliers by firm (a node's company, or the node itself) and by country. HHI is the sum of the squared percentage shares, from 0 (many small suppliers) to 10,000 (one supplier); CR1 and CR3 are the largest share and the sum of the three largest. Levels by ${report.levels.label}.`,
    },
    {
      term: 'Scenarios',
      text: 'Each scenario changes a copy of the graph and every figure is computed again; a change is the scenario minus the baseline, in percentage points (pp) for shares.',
    },
  ];
}

export const LIMITS = [
  'These figures describe the first shock: what stops at once when a node stops. Nobody reroutes orders, draws on stock or builds new capacity, so losses over months would be smaller where substitutes exist, and larger where stock runs out.',
  'The figures are only as good as the flows in the graph: values are yearly estimates from the sources below and the assumptions in the graph and scenario notes.',
  'Percentages are rounded to one decimal for reading; a change is computed from the unrounded values, so it may differ by 0.1 pp from the difference of the rounded ones.',
];
