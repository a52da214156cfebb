/** The report in a real headless Chromium: hostile text runs nothing; the CLI prints a PDF of several pages. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPdfPages } from '../../src/cli/pdf.ts';
import { tieredLayout } from '../../src/layout/tiered.ts';
import { graphSvg } from '../../src/report/graph-svg.ts';
import { renderHtml } from '../../src/report/html.ts';
import { buildReport } from '../../src/report/model.ts';
import { repoPath } from '../helpers/load.ts';
import { runCli } from '../helpers/run-cli.ts';
import { hostileGraph, SCRIPT, XSS } from '../unit/report/hostile-graph.ts';

const CHROMIUM = process.env.CHOKEPOINT_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});
afterAll(async () => {
  await browser?.close();
});

/** The hostile report without its Content-Security-Policy, so that only the escaping stands between the text and the page. */
function hostileHtml(): string {
  const graph = hostileGraph();
  const html = renderHtml(buildReport(graph), { picture: { svg: graphSvg(graph, tieredLayout(graph)) } });
  const bare = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
  expect(bare).not.toContain('Content-Security-Policy');
  return bare;
}

describe('the HTML report in Chromium', () => {
  for (const how of ['setContent', 'file URL'] as const) {
    it(`shows hostile labels as text and runs nothing (${how})`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      // Any script that ran would call alert; count the calls before anything of the page runs.
      await page.addInitScript(() => {
        (window as unknown as { __alerts: number }).__alerts = 0;
        window.alert = () => {
          (window as unknown as { __alerts: number }).__alerts++;
        };
      });
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
      });
      const html = hostileHtml();
      if (how === 'setContent') {
        await page.goto('about:blank');
        await page.setContent(html, { waitUntil: 'load' });
      }
      else {
        const file = join(mkdtempSync(join(tmpdir(), 'chokepoint-xss-')), 'report.html');
        writeFileSync(file, html);
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      }
      await page.waitForTimeout(300);
      const state = await page.evaluate(() => ({
        alerts: (window as unknown as { __alerts: number }).__alerts,
        scripts: document.querySelectorAll('script').length,
        imgs: document.querySelectorAll('img').length,
        handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
        badLinks: [...document.querySelectorAll('a')].filter((a) => !/^(https?:|#)/.test(a.getAttribute('href') ?? '')).length,
        text: document.body.innerText,
        title: document.title,
      }));
      expect(state).toMatchObject({ alerts: 0, scripts: 0, imgs: 0, handlers: 0, badLinks: 0 });
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(state.text).toContain(XSS);
      expect(state.text).toContain(SCRIPT);
      expect(state.text).toContain('javascript:alert(4)');
      expect(state.title).toBe(`Chokepoint risk report: Title ${SCRIPT}`);
      await context.close();
    });
  }
});

const exec = (args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [repoPath('bin/chokepoint.js'), ...args], { cwd: repoPath(''), env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });

describe('chokepoint report --format pdf', () => {
  it('prints the default graph report to a PDF of several A4 pages', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'chokepoint-pdf-')), 'report.pdf');
    const r = await exec(['report', '--format', 'pdf', '--out', out], { CHOKEPOINT_CHROMIUM: CHROMIUM });
    expect(r.stderr).toMatch(/^wrote .*report\.pdf: \d+ pages\n$/);
    expect(r.code).toBe(0);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = countPdfPages(pdf);
    expect(pages).toBeGreaterThan(2);
    // The page tree's root counts every page.
    const counts = [...pdf.toString('latin1').matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1]));
    expect(Math.max(...counts)).toBe(pages);
    expect(r.stderr).toContain(`${pages} pages`);
    // A4 portrait pages, and the landscape page of the graph's picture.
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
    expect(new Set(boxes)).toEqual(new Set(['595x842', '842x595']));
  }, 60_000);

  it('says clearly when there is no Chromium, and exits 1', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'chokepoint-pdf-')), 'report.pdf');
    const r = await exec(['report', '--format', 'pdf', '--out', out], { CHOKEPOINT_CHROMIUM: '/nowhere/chromium' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('chokepoint report: --format pdf: CHOKEPOINT_CHROMIUM is "/nowhere/chromium", but there is no such file\n');
  });

  it('needs --out', async () => {
    const r = await runCli(['report', '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format pdf needs --out');
  });
});
