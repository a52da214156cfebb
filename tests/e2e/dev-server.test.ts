/** `npm start` (vite's dev server) serves the app under the same Content-Security-Policy as the build, without errors. */
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pct } from '../../src/report/format.ts';
import { buildReport } from '../../src/report/model.ts';
import { loadGraph, repoPath } from '../helpers/load.ts';
import { readFileSync } from 'node:fs';
import { launchChromium } from './app-server.ts';

let server: ViteDevServer;
let browser: Browser;

beforeAll(async () => {
  server = await createServer({ root: repoPath(''), logLevel: 'error', server: { port: 0, host: '127.0.0.1', hmr: false } });
  await server.listen();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('the dev server opens the app on the default graph with no console error', async () => {
  const report = buildReport(loadGraph(readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8')));
  const expected = pct(report.scenarios[0]!.reliance.find((r) => r.demand === 'jp-ai-datacenter')!.byKindCountry['foundry:TW']!);
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const address = server.httpServer!.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction((want) => document.querySelector('#headline-figure')?.textContent === want, expected, { timeout: 45_000 });
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
  expect(errors).toEqual([]);
}, 60_000);
