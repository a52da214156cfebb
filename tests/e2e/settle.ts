/**
 * Waiting for the picture to stand still before measuring it. Layout switches, #fit and selections animate
 * the camera and the nodes; a fixed sleep long enough here is too short on a slower machine (CI measured
 * mid-animation places after 600 ms). Polls until two reads in a row, a quarter second apart, agree.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

type Places = Record<string, { x: number; y: number } | null>;

const placesOf = (page: Page, keys: readonly string[]): Promise<Places> =>
  page.evaluate((ks) => Object.fromEntries(ks.map((k) => [k, window.__chokepoint!.screenPosition(k)])), keys);

const same = (a: Places, b: Places) =>
  Object.keys(a).every((k) => {
    const p = a[k];
    const q = b[k];
    return p === q || (!!p && !!q && Math.abs(p.x - q.x) < 0.5 && Math.abs(p.y - q.y) < 0.5);
  });

/** Resolves once the given nodes (by default the first three of the loaded graph) stop moving on screen. */
export async function placesSettled(page: Page, keys?: readonly string[], timeout = 20_000): Promise<Places> {
  const ks = keys ?? (await page.evaluate(() => window.__chokepoint!.state().loaded?.document.nodes.slice(0, 3).map((n) => n.key) ?? []));
  let last: Places | null = null;
  let now: Places = {};
  await expect.poll(async () => {
    last = now;
    now = await placesOf(page, ks);
    return Object.keys(last).length > 0 && same(last, now);
  }, { timeout, interval: 250 }).toBe(true);
  return now;
}
