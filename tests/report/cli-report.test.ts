/** `chokepoint report` in its new formats, run as a user would. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { madeAtNow } from '../../src/cli/commands/report.ts';
import { fixturePath } from '../helpers/load.ts';
import { runCli } from '../helpers/run-cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'chokepoint-report-'));

describe('chokepoint report formats', () => {
  it('prints one self-contained HTML file with the graph picture and the chosen demand nodes', async () => {
    const r = await runCli(['report', '--format', 'html', '--demand', 'us-buyers', '--scenario', 'jp-materials-domestic']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(r.stdout).toContain('<section id="graph" class="graph">');
    // The first page is about the chosen buyers: the table's head names them, and no other.
    expect(r.stdout).toContain('<th class="num">United States: chip buyers (all segments)</th>');
    expect(r.stdout).not.toContain('<th class="num">Japan: AI, data-centre, cloud and telecom buyers</th>');
    expect(r.stdout).toMatch(/Made<\/dt><dd>\d{4}-\d\d-\d\d \d\d:\d\d UTC by Chokepoint/);
    expect(r.stdout).not.toMatch(/<script/i);
  });

  it('fixes the date with SOURCE_DATE_EPOCH, and keeps JSON free of dates', async () => {
    expect(madeAtNow({ SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14T22:13:20.000Z');
    expect(Date.parse(madeAtNow({ SOURCE_DATE_EPOCH: 'soon' }))).toBeGreaterThan(Date.parse('2025-01-01'));
    const json = await runCli(['report', fixturePath('known/chain.json')]);
    expect(JSON.parse(json.stdout).madeAt).toBeUndefined();
  });

  it('writes one CSV file per table to a folder, or all of them to a .zip', async () => {
    const dir = join(tmp(), 'tables');
    const r = await runCli(['report', '--format', 'csv', '--out', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['concentration.csv', 'reliance.csv', 'robustness-swings.csv', 'robustness-variants.csv', 'robustness.csv', 'scenarios.csv', 'shocks.csv', 'sources.csv', 'spof.csv']);
    expect(readFileSync(join(dir, 'reliance.csv'), 'utf8')).toMatch(/^scenario,demand,demand_label,set,value,baseline,delta\r\n/);
    const zip = join(tmp(), 'tables.zip');
    const z = await runCli(['report', '--format', 'csv', '--out', zip]);
    expect(z.code).toBe(0);
    const files = unzipSync(readFileSync(zip));
    expect(Object.keys(files).sort()).toEqual(readdirSync(dir).sort());
  });

  it('refuses a CSV without --out, an unknown format and a demand node the graph lacks', async () => {
    const csv = await runCli(['report', '--format', 'csv']);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('--format csv needs --out: a folder for one file per table, or a file ending in .zip');
    const docx = await runCli(['report', '--format', 'docx']);
    expect(docx.code).toBe(2);
    expect(docx.stderr).toContain('--format: expected json, md, html, csv or pdf, found "docx"');
    const demand = await runCli(['report', '--format', 'html', '--demand', 'nobody']);
    expect(demand.code).toBe(1);
    expect(demand.stderr).toContain('--demand: no node "nobody" in this graph');
    expect(demand.stdout).toBe('');
  });

  it('says where it cannot write, without a stack trace', async () => {
    const out = join(tmp(), 'missing', 'report.zip');
    const r = await runCli(['report', '--format', 'csv', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot write ${out}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});
