/**
 * The HTML report of a graph, as `chokepoint report --format html` and the
 * app's Report… both write it: the same function, so the same file byte for
 * byte apart from the date (tests/unit/report/same-html.test.ts). The graph's
 * picture is drawn from the graph itself (tiered layout, kinds' colours,
 * nodes sized by their impact on the report's buyers), never from a screen.
 */
import { tieredLayout } from '../layout/tiered.ts';
import type { SupplyGraph } from '../model/graph.ts';
import { graphSvg } from './graph-svg.ts';
import { renderHtml } from './html.ts';
import type { Report } from './model.ts';
import { impactSizes } from './picture-sizes.ts';

export function htmlReport(graph: SupplyGraph, report: Report, options: { short?: boolean } = {}): string {
  const svg = graphSvg(graph, tieredLayout(graph), { title: `The supply graph: ${report.graph.title}`, sizes: impactSizes(report) });
  return renderHtml(report, { picture: { svg }, ...(options.short ? { short: true } : {}) });
}
