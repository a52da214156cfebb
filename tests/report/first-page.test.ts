/**
 * The PDF's first page, in real headless Chromium (issue 22): `chokepoint
 * report --format pdf` on the default graph puts the question, the answer
 * sentences, the table and the chart on page 1 and nothing of them on page 2
 * (the text of each page read back with poppler's pdftotext); every number on
 * page 1 is a figure of the report JSON; the short PDF has at most 6 pages.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPdfPages } from '../../src/cli/pdf.ts';
import { segmentsText } from '../../src/report/fig.ts';
import { firstPage } from '../../src/report/first-page.ts';
import { htmlReport } from '../../src/report/html-report.ts';
import { buildReport } from '../../src/report/model.ts';
import { withRobustness } from '../../src/report/robustness.ts';
import { loadGraph, repoPath } from '../helpers/load.ts';
import { expectedText, type ShownFigure } from '../unit/report/figures.ts';

const CHROMIUM = process.env.CHOKEPOINT_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const graph = loadGraph(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8'));
// The CLI's report, figure for figure (default draws and seed).
const report = withRobustness(buildReport(graph, { madeAt: '2026-01-02T03:04:05.000Z' }), graph);
const json = JSON.parse(JSON.stringify(report)) as Parameters<typeof expectedText>[0];
const page = firstPage(report);

/** Whitespace and line breaks as one space; pdftotext breaks lines where the page does. */
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Text as pdftotext gives it, without the hyphens and spaces that line breaks add: for finding a sentence in a page. */
const squeeze = (s: string) => s.replace(/[\s\u00ad]+/g, '');
const pdfText = (pdf: string, p: number) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-'], { encoding: 'utf8' });

const exec = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [repoPath('bin/chokepoint.js'), ...args], { cwd: repoPath(''), env: { ...process.env, CHOKEPOINT_CHROMIUM: CHROMIUM }, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });

/** Every string of the report JSON: labels, titles, ids (text from the file may hold digits: "1 trillion yen", "3 nm"). */
function jsonStrings(x: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof x === 'string') out.add(x);
  else if (Array.isArray(x)) for (const v of x) jsonStrings(v, out);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) jsonStrings(v, out);
  return out;
}

let browser: Browser;
let pdf: string;
let pages: number;
let stderr: string;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  pdf = join(mkdtempSync(join(tmpdir(), 'chokepoint-first-page-')), 'report.pdf');
  const r = await exec(['report', '--format', 'pdf', '--out', pdf]);
  expect(r.code, r.stderr).toBe(0);
  stderr = r.stderr;
  pages = countPdfPages(readFileSync(pdf));
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

describe('the PDF of the default graph', () => {
  it('is at most 6 pages by default, and says how many on stderr', () => {
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(6);
    expect(stderr).toBe(`wrote ${pdf}: ${pages} pages\n`);
  });

  it('holds the question, every answer sentence, the table and the chart on page 1, and none of it runs onto page 2', () => {
    const one = pdfText(pdf, 1);
    const two = pdfText(pdf, 2);
    expect(squeeze(one)).toContain(squeeze(page.question));
    expect(page.answers.length).toBeGreaterThan(0);
    expect(page.answers.length).toBeLessThanOrEqual(5);
    for (const a of page.answers) expect(squeeze(one)).toContain(squeeze(segmentsText(a)));
    // The table: its caption and every scenario's row, each with its value for every buyer.
    expect(squeeze(one)).toContain(squeeze(`Reliance on ${page.setWords}`));
    for (const row of page.rows) for (const c of row.cells) expect(one).toContain(c.value.text);
    // The chart: its axis and its buyers' names.
    expect(flat(one)).toMatch(/0% 25% 50% 75% 100%/);
    for (const b of page.buyers) expect(one).toContain(b.short);
    // The last lines of page 1 (what the figures are) are there, and page 2 opens the appendix.
    expect(squeeze(one)).toContain(squeeze('Method and limits'));
    expect(flat(two).startsWith('Appendix')).toBe(true);
    for (const a of page.answers) expect(squeeze(two)).not.toContain(squeeze(segmentsText(a)).slice(0, 40));
  });

  it('shows on page 1 only numbers that are figures of the report JSON', async () => {
    const ctx = await browser.newContext();
    const view = await ctx.newPage();
    await view.setContent(htmlReport(graph, report, { short: true }), { waitUntil: 'load' });
    const shown = await view.evaluate(() => {
      const summary = document.querySelector('section#summary')!;
      const figures = [...summary.querySelectorAll('[data-at]')].map((e) => ({
        format: e.getAttribute('data-format')!,
        at: e.getAttribute('data-at')!,
        ...(e.hasAttribute('data-from') ? { from: e.getAttribute('data-from')! } : {}),
        text: e.textContent!,
      }));
      const copy = summary.cloneNode(true) as Element;
      for (const e of copy.querySelectorAll('[data-at], [data-axis]')) e.remove();
      return { figures, rest: copy.textContent!, all: summary.textContent! };
    });
    await ctx.close();
    // Every figure parses back to the JSON value it points at.
    expect(shown.figures.length).toBeGreaterThan(50);
    const wrong = shown.figures.filter((f: ShownFigure) => expectedText(json, f) !== f.text);
    expect(wrong).toEqual([]);
    // Outside the figures, the only digits are those of text from the file (labels) and the words "5th–95th".
    let rest = flat(shown.rest);
    for (const s of [...jsonStrings(json)].filter((x) => /\d/.test(x)).sort((a, b) => b.length - a.length)) rest = rest.split(s).join(' ');
    rest = rest.replace(/5th–95th/g, '');
    expect(rest.match(/.{0,30}\d.{0,30}/g) ?? []).toEqual([]);
    // And page 1 of the PDF shows no number that the first page's markup lacks.
    const numbers = (s: string) => new Set(s.match(/[−+±]?\d[\d,.]*%?/g) ?? []);
    const known = numbers(flat(shown.all) + ' 0% 25% 50% 75% 100%');
    const unknown = [...numbers(flat(pdfText(pdf, 1)))].filter((n) => !known.has(n));
    expect(unknown).toEqual([]);
  });

  it('prints every section with --full', async () => {
    const full = join(mkdtempSync(join(tmpdir(), 'chokepoint-full-')), 'full.pdf');
    const r = await exec(['report', '--format', 'pdf', '--full', '--out', full]);
    expect(r.code, r.stderr).toBe(0);
    const n = countPdfPages(readFileSync(full));
    expect(n).toBeGreaterThan(pages);
    expect(r.stderr).toBe(`wrote ${full}: ${n} pages\n`);
    const text = flat(execFileSync('pdftotext', [full, '-'], { encoding: 'utf8' }));
    for (const heading of ['Reliance', 'Single points of failure', 'Concentration by input', 'Scenario parameters', 'Notes on sources', 'Sources']) expect(text).toContain(heading);
  }, 180_000);
});
