/** Builds the app once into a temp folder and serves it with vite preview on a free port; launches headless Chromium. */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { repoPath } from '../helpers/load.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`the browser tests need Debian's chromium at ${CHROMIUM} (.ci/run installs it; or: apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface Served {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The app of `root` (this checkout by default) built and served. */
export async function serveApp(root = repoPath('')): Promise<Served> {
  const outDir = mkdtempSync(join(tmpdir(), 'chokepoint-app-'));
  // CHOKEPOINT_NO_MINIFY=1: readable function names in profiles (npm run bench:app -- --profile).
  await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true, ...(process.env.CHOKEPOINT_NO_MINIFY ? { minify: false } : {}) } });
  const server: PreviewServer = await preview({ root, logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false } });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await launchChromium();
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Where the browser tests' screenshots go (tests/output, not tracked). */
export const SHOTS = repoPath('tests/output');

/** Saves a screenshot of the page as SHOTS/NAME.png. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** A 1440×900 page of the browser serving the app, whose console errors (and dialogs, if given a list) are recorded. */
export async function appPage(served: Served, errors: string[], options: { dialogs?: string[]; acceptDownloads?: boolean } = {}): Promise<Page> {
  const page = await served.browser.newPage({ viewport: { width: 1440, height: 900 }, ...(options.acceptDownloads ? { acceptDownloads: true } : {}) });
  watchPage(page, errors, options.dialogs);
  return page;
}

/** Collects the page's console errors and uncaught errors, and (if given a list) dismisses and records dialogs. */
export function watchPage(page: Page, errors: string[], dialogs?: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  if (dialogs) {
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }
}

/** Waits until the app has its engine and shows a headline figure. */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__chokepoint !== undefined);
  await page.evaluate(() => window.__chokepoint!.ready);
  await page.waitForFunction(() => /%$/.test(document.querySelector('#headline-figure')?.textContent ?? ''), null, { timeout: 20_000 });
}
