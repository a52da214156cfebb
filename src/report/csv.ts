/**
 * The report's tables as CSV, one file per table, written by papaparse.
 * Numbers stay plain numbers (a negative change is a number, not a formula);
 * text cells that a spreadsheet would read as a formula (starting with
 * = + - @ tab or carriage return) get a leading single quote.
 */
import Papa from 'papaparse';
import { zipSync, strToU8 } from 'fflate';
import type { Report } from './model.ts';
import { absentImpact, relianceValue } from './model.ts';
import { shockRows } from './shock-table.ts';
import { robustnessCsv } from './robustness.ts';

export type CsvCell = string | number | boolean | null;
export interface CsvTable {
  /** File name without extension: reliance, spof, concentration, scenarios, shocks (when the report has any), sources. */
  name: string;
  fields: string[];
  rows: CsvCell[][];
}

/** A text cell made safe for spreadsheets. */
export function neutralise(cell: CsvCell): CsvCell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function relianceTable(report: Report): CsvTable {
  const rows: CsvCell[][] = [];
  const demands = new Set(report.focus.demand);
  report.scenarios.forEach((s) => {
    for (const r of s.reliance) {
      if (!demands.has(r.demand)) continue;
      const base = report.scenarios[0]!.reliance.find((x) => x.demand === r.demand);
      const keys = new Set([...Object.keys(r.byCountry), ...Object.keys(r.byKindCountry), ...Object.keys(base?.byCountry ?? {}), ...Object.keys(base?.byKindCountry ?? {})]);
      for (const key of [...keys].sort()) {
        const value = relianceValue(r, key);
        const b = relianceValue(base, key);
        rows.push([s.id, r.demand, r.label, key, value, b, value - b]);
      }
    }
  });
  return { name: 'reliance', fields: ['scenario', 'demand', 'demand_label', 'set', 'value', 'baseline', 'delta'], rows };
}

function spofTable(report: Report): CsvTable {
  const rows: CsvCell[][] = [];
  const demands = new Set(report.focus.demand);
  // impactValue of the baseline, its lists read once (a cut list has up to 2,000 entries per demand node).
  const base = report.scenarios[0]!;
  const before = new Map(base.spof.map((row) => [row.demand, new Map(row.critical.map((c) => [c.key, c.impact]))]));
  const absent = absentImpact(base);
  for (const s of report.scenarios) {
    for (const row of s.spof) {
      if (!demands.has(row.demand)) continue;
      const baseRow = before.get(row.demand);
      row.critical.forEach((c, rank) => {
        const b = baseRow?.get(c.key) ?? absent;
        rows.push([s.id, row.demand, rank + 1, c.key, c.label, c.impact, b, b === null ? null : c.impact - b, c.strict]);
      });
    }
  }
  return { name: 'spof', fields: ['scenario', 'demand', 'rank', 'node', 'node_label', 'impact', 'baseline', 'delta', 'strict'], rows };
}

function concentrationTable(report: Report): CsvTable {
  const rows: CsvCell[][] = [];
  for (const s of report.scenarios) {
    for (const c of s.concentration) {
      for (const by of ['byCompany', 'byCountry'] as const) {
        const x = c[by];
        const base = report.scenarios[0]!.concentration.find((b) => b.input === c.input)?.[by];
        rows.push([s.id, c.input, by === 'byCompany' ? 'firm' : 'country', c.total, x.hhi, base ? x.hhi - base.hhi : null, x.cr1, x.cr3, x.top.name, x.top.share, x.level]);
      }
    }
  }
  return { name: 'concentration', fields: ['scenario', 'input', 'over', 'total', 'hhi', 'hhi_delta', 'cr1', 'cr3', 'top', 'top_share', 'level'], rows };
}

function scenariosTable(report: Report): CsvTable {
  const fx = (f: Record<string, number> | undefined) => (f ? Object.entries(f).map(([c, r]) => `${c}=${r}`).join(' ') : '');
  return {
    name: 'scenarios',
    fields: ['id', 'label', 'description', 'fx', 'operations', 'sources', 'nodes', 'edges'],
    rows: report.scenarios.map((s, i) => [s.id, s.label, s.description ?? '', fx(s.fx ?? (i === 0 ? report.graph.fx : undefined)), s.ops?.length ?? 0, (s.sources ?? []).join(' '), s.graph.nodes, s.graph.edges]),
  };
}

/** What a disruption costs: one row per scenario, shock and focus demand node (present when the report has shocks). */
function shocksTable(report: Report): CsvTable {
  const rows: CsvCell[][] = [];
  for (const r of shockRows(report)) {
    const base = r.cells[0]!.lost;
    r.cells.forEach((c, i) => {
      rows.push([report.scenarios[i]!.id, r.shock, r.shockLabel, r.demand, r.demandLabel, c.lost, base, c.lost === null || base === null ? null : c.lost - base, c.skipped.join(' ')]);
    });
  }
  return { name: 'shocks', fields: ['scenario', 'shock', 'shock_label', 'demand', 'demand_label', 'lost', 'baseline_lost', 'delta', 'skipped_hits'], rows };
}

function sourcesTable(report: Report): CsvTable {
  return {
    name: 'sources',
    fields: ['id', 'title', 'publisher', 'date', 'url', 'note'],
    rows: report.sources.map((s) => [s.id, s.title, s.publisher ?? '', s.date ?? '', s.url ?? '', s.note ?? '']),
  };
}

/** Every table of the report, for the chosen demand nodes (report.focus.demand). */
export function csvTables(report: Report): CsvTable[] {
  return [relianceTable(report), spofTable(report), concentrationTable(report), scenariosTable(report), ...(report.shocks?.length ? [shocksTable(report)] : []), sourcesTable(report), ...robustnessCsv(report)];
}

export function toCsv(table: CsvTable): string {
  return Papa.unparse({ fields: table.fields.map(neutralise) as string[], data: table.rows.map((r) => r.map(neutralise)) }, { newline: '\r\n', quotes: false }) + '\r\n';
}

/** `{ 'reliance.csv': text, … }`. */
export function csvFiles(report: Report): Record<string, string> {
  return Object.fromEntries(csvTables(report).map((t) => [`${t.name}.csv`, toCsv(t)]));
}

/** The CSV files in one zip, with a fixed date so the same report gives the same bytes. */
export function csvZip(report: Report): Uint8Array {
  const files = Object.fromEntries(Object.entries(csvFiles(report)).map(([name, text]) => [name, [strToU8(text), { mtime: new Date('2000-01-01T00:00:00Z') }] as const]));
  return zipSync(files as unknown as Parameters<typeof zipSync>[0], { level: 6 });
}
