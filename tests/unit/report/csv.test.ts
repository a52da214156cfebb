import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFiles, csvTables, csvZip, neutralise, toCsv } from '../../../src/report/csv.ts';
import { buildReport } from '../../../src/report/model.ts';
import { loadGraph, repoPath } from '../../helpers/load.ts';
import { hostileGraph, XSS } from './hostile-graph.ts';

const parse = (text: string) => Papa.parse<string[]>(text.trimEnd(), { skipEmptyLines: true }).data;

describe('CSV cells cannot be read as formulas', () => {
  it('prefixes text that starts with = + - @ tab or CR with a quote, and leaves numbers alone', () => {
    for (const s of ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(s)).toBe(`'${s}`);
    for (const s of ['a=1', ' =1', '1', '', 'Taiwan']) expect(neutralise(s)).toBe(s);
    expect(neutralise(-0.25)).toBe(-0.25);
    expect(neutralise(true)).toBe(true);
  });

  it('writes no cell of a hostile graph that a spreadsheet would run', () => {
    const report = buildReport(hostileGraph());
    const files = csvFiles(report);
    let cells = 0;
    for (const [name, text] of Object.entries(files)) {
      for (const row of parse(text)) {
        for (const cell of row) {
          cells++;
          // A number (negative ones included) or text that does not start a formula.
          if (!/^-?\d+(\.\d+)?(e-?\d+)?$/.test(cell)) expect(cell, `${name}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
        }
      }
    }
    expect(cells).toBeGreaterThan(50);
    expect(files['spof.csv']).toContain(XSS);
    expect(files['concentration.csv']).toContain(`'=HYPERLINK(""http://x.invalid"",""${XSS}"")`);
    expect(files['sources.csv']).toContain("'@SUM(1+1)");
    expect(files['scenarios.csv']).toContain("'-1+2");
    expect(files['reliance.csv']).toContain("'+buyers");
  });

  it('writes a negative change as a plain number', () => {
    const report = buildReport(hostileGraph());
    const rows = parse(csvFiles(report)['reliance.csv']!);
    const row = rows.find((r) => r[0] === 'shift' && r[3] === 'TW')!;
    // 30 of 40 from Taiwan; half moved away: 15 of 40.
    expect(row.slice(4)).toEqual(['0.375', '0.75', '-0.375']);
  });
});

describe('CSV tables', () => {
  const graph = loadGraph(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8'));
  const report = buildReport(graph);

  it('hold the JSON report figures for the chosen demand nodes', () => {
    const tables = csvTables(report);
    expect(tables.map((t) => t.name)).toEqual(['reliance', 'spof', 'concentration', 'scenarios', 'shocks', 'sources']);
    const reliance = parse(toCsv(tables[0]!));
    expect(reliance[0]).toEqual(['scenario', 'demand', 'demand_label', 'set', 'value', 'baseline', 'delta']);
    expect(new Set(reliance.slice(1).map((r) => r[1]))).toEqual(new Set(report.focus.demand));
    for (const r of reliance.slice(1)) {
      const s = report.scenarios.find((x) => x.id === r[0])!;
      const field = r[3]!.includes(':') ? 'byKindCountry' : 'byCountry';
      const value = s.reliance.find((x) => x.demand === r[1])?.[field][r[3]!] ?? 0;
      const base = report.scenarios[0]!.reliance.find((x) => x.demand === r[1])?.[field][r[3]!] ?? 0;
      expect(Number(r[4])).toBe(value);
      expect(Number(r[5])).toBe(base);
      expect(Number(r[6])).toBeCloseTo(value - base, 12);
    }
    const spof = parse(toCsv(tables[1]!));
    const first = spof[1]!;
    const c = report.scenarios[0]!.spof.find((x) => x.demand === first[1])!.critical[0]!;
    expect([first[0], first[2], first[3], Number(first[5])]).toEqual(['baseline', '1', c.key, c.impact]);
    const conc = parse(toCsv(tables[2]!));
    const wafers = conc.find((r) => r[0] === 'baseline' && r[1] === 'wafers' && r[2] === 'firm')!;
    const w = report.scenarios[0]!.concentration.find((x) => x.input === 'wafers')!.byCompany;
    expect([Number(wafers[4]), Number(wafers[7]), wafers[8], wafers[10]]).toEqual([w.hhi, w.cr3, w.top.name, w.level]);
    expect(parse(toCsv(tables[5]!))).toHaveLength(report.sources.length + 1);
  });

  it('zips one file per table, the same bytes every time', () => {
    const zip = csvZip(report);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['concentration.csv', 'reliance.csv', 'scenarios.csv', 'shocks.csv', 'sources.csv', 'spof.csv']);
    expect(strFromU8(files['reliance.csv']!)).toBe(csvFiles(report)['reliance.csv']);
    expect(Buffer.from(csvZip(report)).equals(Buffer.from(zip))).toBe(true);
  });
});
