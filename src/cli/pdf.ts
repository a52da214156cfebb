/**
 * HTML to PDF through headless Chromium (playwright-core drives the browser
 * that is installed; nothing is downloaded). CHOKEPOINT_CHROMIUM names the
 * executable; otherwise the usual Debian, Ubuntu and macOS places are tried.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export class NoChromiumError extends Error {}

/** The browser to print with, or a NoChromiumError that says what to do. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const own = env.CHOKEPOINT_CHROMIUM;
  if (own !== undefined && own !== '') {
    if (existsSync(own)) return own;
    throw new NoChromiumError(`CHOKEPOINT_CHROMIUM is "${own}", but there is no such file`);
  }
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  throw new NoChromiumError(
    `a PDF needs Chromium or Chrome, and none was found (looked in ${CHROMIUM_CANDIDATES.join(', ')}). Install it (Debian: apt-get install chromium) or set CHOKEPOINT_CHROMIUM to its path; or write --format html and print it to PDF from a browser.`,
  );
}

/** The pages of a PDF, counted from its page objects (no renderer needed). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

export async function htmlToPdf(html: string, executablePath: string): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    // The report fetches nothing; refuse any request all the same.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
