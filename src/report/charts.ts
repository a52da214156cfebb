/**
 * Inline SVG bar charts for the HTML report: reliance of a demand node on its
 * main sets in baseline and each scenario, and the firm HHI of every input
 * coloured by its level. Every number drawn is a figure with its pointer.
 */
import { f1 } from './format.ts';
import { fig, figValue } from './fig.ts';
import { esc } from './html-escape.ts';
import { figMarkup } from './html-fig.ts';
import type { Report } from './model.ts';
import { concentrationPath, reliancePath } from './report-paths.ts';

/** Baseline in grey, then one colour per scenario (Okabe-Ito order). */
export const SCENARIO_COLOURS = ['#8a8a8a', '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
export const scenarioColour = (i: number) => SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]!;
export const LEVEL_COLOURS = { unconcentrated: '#009E73', moderate: '#E69F00', high: '#D55E00' } as const;


/** The legend of scenario colours, as HTML (shared by every reliance chart). */
export function scenarioLegend(report: Report): string {
  return `<ul class="legend">${report.scenarios
    .map((s, i) => `<li><span class="swatch" style="background:${scenarioColour(i)}"></span>${esc(s.label)}</li>`)
    .join('')}</ul>`;
}

/** Grouped horizontal bars: one group per set, one bar per scenario (baseline first). */
export function relianceChart(report: Report, demand: string, sets: string[], describe: (key: string) => string): string {
  const n = report.scenarios.length;
  const bar = 11;
  const groupGap = 12;
  const labelW = 230;
  const plotW = 420;
  const valueW = 140;
  const width = labelW + plotW + valueW;
  const groupH = n * bar + groupGap;
  const height = sets.length * groupH + 24;
  const parts: string[] = [];
  // Grid at 0, 25, 50, 75 and 100%.
  for (let q = 0; q <= 4; q++) {
    const x = labelW + (plotW * q) / 4;
    parts.push(`<line x1="${f1(x)}" y1="0" x2="${f1(x)}" y2="${height - 18}" stroke="#ddd"/><text x="${f1(x)}" y="${height - 4}" text-anchor="middle" fill="#666">${q * 25}%</text>`);
  }
  sets.forEach((key, g) => {
    const y0 = g * groupH;
    parts.push(`<text x="${labelW - 8}" y="${f1(y0 + (n * bar) / 2 + 4)}" text-anchor="end">${esc(describe(key))}</text>`);
    report.scenarios.forEach((_s, i) => {
      const at = reliancePath(report, i, demand, key);
      const value = fig(report, 'pct', at);
      const v = Math.max(0, Math.min(1, figValue(report, value)));
      const y = y0 + i * bar;
      const label = i === 0 ? figMarkup(value, 'tspan') : `${figMarkup(value, 'tspan')} (${figMarkup(fig(report, 'pp', at, reliancePath(report, 0, demand, key)), 'tspan')})`;
      parts.push(
        `<rect x="${labelW}" y="${f1(y)}" width="${f1(plotW * v)}" height="${bar - 2}" fill="${scenarioColour(i)}"/>`,
        `<text x="${f1(labelW + plotW * v + 4)}" y="${f1(y + bar - 3)}" font-size="9" fill="#333">${label}</text>`,
      );
    });
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Reliance chart" font-family="system-ui, sans-serif" font-size="11">${parts.join('')}</svg>`;
}

/** Firm HHI of each input in baseline, largest first, bars coloured by level, with the preset's lines. */
export function concentrationChart(report: Report, inputs: string[]): string {
  const bar = 14;
  const labelW = 170;
  const plotW = 480;
  const valueW = 120;
  const width = labelW + plotW + valueW;
  const height = inputs.length * (bar + 4) + 30;
  const x = (h: number) => labelW + (plotW * Math.max(0, Math.min(10000, h))) / 10000;
  const base = report.scenarios[0]!;
  const parts: string[] = [];
  const lines = [...new Set([report.levels.moderate, report.levels.high])];
  const marks: string[] = [];
  for (const h of lines) {
    marks.push(`<line x1="${f1(x(h))}" y1="0" x2="${f1(x(h))}" y2="${height - 18}" stroke="#444" stroke-dasharray="3 3"/><text x="${f1(x(h))}" y="${height - 4}" text-anchor="middle" fill="#444">${h.toLocaleString('en-US')}</text>`);
  }
  marks.push(`<text x="${f1(x(10000))}" y="${height - 4}" text-anchor="end" fill="#666">10,000</text>`);
  inputs.forEach((input, i) => {
    const c = base.concentration.find((r) => r.input === input);
    const at = concentrationPath(report, 0, input, 'byCompany', 'hhi');
    if (!c || !at) return;
    const value = fig(report, 'hhi', at);
    const y = i * (bar + 4);
    parts.push(
      `<text x="${labelW - 8}" y="${f1(y + bar - 3)}" text-anchor="end">${esc(input)}</text>`,
      `<rect x="${labelW}" y="${f1(y)}" width="${f1(x(c.byCompany.hhi) - labelW)}" height="${bar}" fill="${LEVEL_COLOURS[c.byCompany.level]}"/>`,
      `<text x="${f1(x(c.byCompany.hhi) + 4)}" y="${f1(y + bar - 3)}" font-size="10">${figMarkup(value, 'tspan')} ${c.byCompany.level}</text>`,
    );
  });
  // The preset's lines over the bars, so that they show where a bar crosses them.
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Concentration chart" font-family="system-ui, sans-serif" font-size="11">${parts.join('')}${marks.join('')}</svg>`;
}
