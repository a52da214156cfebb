/** The command line's small points (issue 23): who a warning blames, generate's summary, one-line usage errors, the headline on a narrow terminal. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

function csvFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-csv-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'nodes.csv'), 'id,label,kind,country\na,A,chemical,JP\nb,B,demand,US\n');
  writeFileSync(join(dir, 'flows.csv'), 'supplier,customer\na,b\n');
  return dir;
}

describe('chokepoint validate on a CSV pair', () => {
  it('blames flows.csv for guesses about the flows, and gives the notes the app gives', async () => {
    const dir = csvFolder();
    const r = await runCli(['validate', dir]);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    const about = (field: string) => lines.find((l) => l.includes(`field "${field}"`)) ?? '';
    expect(about('key')).toMatch(/nodes\.csv: warning/);
    expect(about('source')).toMatch(/flows\.csv: warning/);
    expect(about('target')).toMatch(/flows\.csv: warning/);
    expect(about('source')).not.toContain('nodes.csv');
    // No input column, no value column: the figures it cannot give, as the app says when it opens the folder.
    expect(r.stderr).toMatch(/note: .*inputs is unavailable/);
    expect(r.stderr).toMatch(/note: .*shares is unavailable/);
    expect(r.stdout).toContain('ok (2 nodes, 1 flow, 0 scenarios, 3 warnings)');
  });
});

describe('chokepoint validate on a file it refuses', () => {
  it('still lists the guesses made while reading it, after the errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chokepoint-refused-'));
    // A guessed column (type read as kind) and a country that is no code: refused, and the guess is part of the story.
    writeFileSync(join(dir, 'nodes.csv'), 'id,label,type,country\na,A,mine,ZZ9\nb,B,buyer,US\n');
    writeFileSync(join(dir, 'flows.csv'), 'source,target,value\na,b,1\n');
    const r = await runCli(['validate', dir]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    const error = lines.findIndex((l) => l.includes('ZZ9'));
    const guess = lines.findIndex((l) => /warning: .*found "type", read as kind/.test(l));
    expect(error).toBeGreaterThanOrEqual(0);
    expect(guess).toBeGreaterThan(error);
    expect(lines.at(-1)).toMatch(/invalid, 1 problem$/);
  });
});

describe('chokepoint generate', () => {
  it('says what it wrote, on stderr', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'chokepoint-gen-')), 'g.json');
    const r = await runCli(['generate', '--nodes', '120', '--flows', '400', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 120 nodes, 400 flows, \\d+ scenarios`));
  });

  it('refuses a small graph saying why, in one line and a pointer to --help', async () => {
    const r = await runCli(['generate', '--nodes', '20', '--flows', '50']);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/--nodes: expected a whole number of at least \d+, found 20 \(the generator makes/);
    expect(lines.at(-1)).toBe('Run "chokepoint generate --help" for its options.');
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(r.stderr).not.toContain('Options:');
  });
});

describe('usage errors', () => {
  it('print the one line that matters and where the help is', async () => {
    const r = await runCli(['compare', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`chokepoint compare: Unknown option '--bogus'\nUsage: chokepoint compare [FILE] [--headline] [--scenario ID]... [--top N] [--all] [--format text|json]\nRun "chokepoint compare --help" for its options.\n`);
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain('chokepoint --help');
  });
});

describe('chokepoint compare --headline', () => {
  it('fits a narrow terminal by turning the table, with the same figures', async () => {
    const wide = await runCli(['compare', '--headline'], { env: { COLUMNS: '1000' } });
    const narrow = await runCli(['compare', '--headline'], { env: { COLUMNS: '80' } });
    expect(narrow.code).toBe(0);
    for (const line of narrow.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    // Every figure of the wide table is in the turned one, as often.
    const figures = (t: string) => (t.match(/\d+\.\d%( \([^)]*\))?/g) ?? []).sort();
    expect(figures(narrow.stdout)).toEqual(figures(wide.stdout));
    expect(figures(wide.stdout).length).toBeGreaterThan(0);
  });
});
