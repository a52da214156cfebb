/**
 * `vite preview` sends the security headers (issue 20): a CSP that forbids
 * framing (a meta tag cannot), no MIME sniffing; and a page of another origin
 * that frames the app gets nothing drawn from it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../vite.config.ts';
import { serveApp, type Served } from './app-server.ts';

let served: Served;
beforeAll(async () => {
  served = await serveApp();
}, 120_000);
afterAll(async () => {
  await served?.close();
});

describe('the headers the app is served with', () => {
  it('forbid framing and sniffing', async () => {
    const response = await fetch(served.url);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
  });

  it('keep the app out of a frame on another origin', async () => {
    const page = await served.browser.newPage();
    await page.route('http://framing.test/', (route) => route.fulfill({ contentType: 'text/html', body: `<iframe src="${served.url}" width="800" height="600"></iframe>` }));
    await page.goto('http://framing.test/');
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const drawn = frame ? await frame.evaluate(() => document.querySelector('#app')?.childElementCount ?? 0).catch(() => 0) : 0;
    expect(drawn).toBe(0);
    await page.close();
  });
});
