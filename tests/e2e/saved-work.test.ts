/**
 * Saved work in real headless Chromium, IndexedDB inspected (issue 20, items
 * 1 to 4, and issue 23's "edited (N changes since the file)"): a `?graph=`
 * reload brings the edits back, a link or a file opened over edited work keeps
 * it as a draft, a record that cannot be restored is kept and offered, and a
 * second tab with stale data cannot save over the first. Screenshots go to
 * tests/output/.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp, shot, waitForApp, watchPage, type Served } from './app-server.ts';
import { loaded, pick } from './files-helpers.ts';
import { readFileSync } from 'node:fs';
import { repoPath } from '../helpers/load.ts';

let served: Served;
const errors: string[] = [];
const LINK = 'graphs/japan-us-taiwan.json';
const FILE = 'japan-us-taiwan.json';
const OTHER = 'neon-ukraine-2022.gexf';

interface Stored {
  key: string;
  value: { file?: string; text?: string; original?: string; stamp?: string; session?: { file: string; text: string } | null; reason?: string; raw?: unknown };
}
/** Every record of the app's IndexedDB store, read in the page. */
const records = (page: Page) =>
  page.evaluate(() => new Promise<Stored[]>((resolve, reject) => {
    const open = indexedDB.open('chokepoint', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('session');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('session', 'readonly');
      const keys = tx.objectStore('session').getAllKeys();
      const values = tx.objectStore('session').getAll();
      tx.oncomplete = () => {
        open.result.close();
        resolve((keys.result as string[]).map((key, i) => ({ key, value: values.result[i] })));
      };
    };
  }));
const working = async (page: Page) => (await records(page)).find((r) => r.key === 'working')?.value;
const drafts = async (page: Page) => (await records(page)).filter((r) => r.key.startsWith('draft:')).map((r) => r.value);

async function newContext(): Promise<BrowserContext> {
  return served.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
}
async function newTab(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  watchPage(page, errors);
  await page.goto(served.url + path);
  await waitForApp(page);
  return page;
}
const state = (page: Page) => page.evaluate(() => window.__chokepoint!.state());
const idle = (page: Page) => page.waitForFunction(() => {
  const s = window.__chokepoint!.state();
  return s.edit.pending === 0 && s.view.status === 'done';
}, null, { timeout: 20_000 });
const savedState = (page: Page) => page.locator('#save-state').textContent();

/** Sets the value of the `row`th flow of the editor's table to `value` (a figure no flow has, to find it by); waits for the save. */
async function editFlow(page: Page, value: number, row = 0): Promise<void> {
  if (!(await page.isVisible('#editor'))) await page.click('#edit-toggle');
  await page.click('#editor-tab-table');
  await page.click('#table-show-flows');
  const cell = page.locator('#table-flows tbody tr').nth(row).locator('input[data-cell="value"]');
  await cell.fill(String(value));
  await cell.press('Enter');
  await page.waitForFunction((v) => window.__chokepoint!.state().loaded!.document.edges.some((e) => e.attributes.value === v), value);
  await idle(page);
  await page.click('#edit-toggle');
}
const edited = async (page: Page, value: number) => {
  await expect.poll(() => savedState(page), { timeout: 10_000 }).toBe('✓ Saved');
};
/** Whether a graph's native text has a flow of this value. */
const holds = (text: string | undefined, value: number) => text !== undefined && (JSON.parse(text) as { edges: { attributes: { value: number } }[] }).edges.some((e) => e.attributes.value === value);
const shows = async (page: Page, value: number) => (await state(page)).loaded!.document.edges.some((e) => e.attributes.value === value);

beforeAll(async () => {
  served = await serveApp();
}, 180_000);
afterAll(async () => {
  await served?.close();
});

describe('saved work', () => {
  it('comes back on a reload of a ?graph= link, with "edited (1 change since the file)" and its list', async () => {
    const context = await newContext();
    const page = await newTab(context, `?graph=${LINK}`);
    await loaded(page, FILE);
    // The file as opened is kept as its text alone: its original is the text itself.
    await expect.poll(async () => { const w = await working(page); return w?.file === FILE && typeof w.text === 'string' && !('original' in w); }, { timeout: 10_000 }).toBe(true);
    const value = 777_003;
    await editFlow(page, value);
    await edited(page, value);
    expect(holds((await working(page))!.text, value)).toBe(true);
    await page.reload();
    await waitForApp(page);
    await idle(page);
    expect(await shows(page, value)).toBe(true);
    // The record is still the edited work, not the file.
    expect((await working(page))!.text).not.toBe((await working(page))!.original);
    await expect.poll(() => page.locator('#work-changes-summary').textContent()).toBe('edited (1 change since the file)');
    await page.click('#work-changes-summary');
    expect(await page.locator('#work-changes-list li').allTextContents()).toEqual([expect.stringMatching(/^flow .* → .*: value .* → /)]);
    expect(await page.locator('#work-notice').textContent()).toMatch(/came back from this browser/);
    await shot(page, 'saved-work-reload');
    // Revert goes to the file; a second Revert on the unchanged graph adds nothing to undo.
    await page.click('#work-changes-summary');
    await page.click('#revert');
    await page.waitForFunction(() => window.__chokepoint!.state().edit.history.undo === 'revert to file');
    await idle(page);
    await page.click('#revert');
    await idle(page);
    await page.waitForTimeout(300);
    expect((await state(page)).edit.history.edits).toBe(1);
    await expect.poll(() => page.isHidden('#work-changes')).toBe(true);
    // Reverted, the record is the file's text again, without a second copy of it.
    await expect.poll(async () => { const w = await working(page); return !holds(w?.text, value) && !('original' in w!); }, { timeout: 10_000 }).toBe(true);
    await context.close();
  }, 120_000);

  it('keeps edited work as a draft when a link to another file is followed, and opens it again', async () => {
    const context = await newContext();
    const page = await newTab(context, `?graph=${LINK}`);
    await loaded(page, FILE);
    const value = 777_005;
    await editFlow(page, value);
    await edited(page, value);
    await page.goto(`${served.url}?graph=graphs/${OTHER}`);
    await waitForApp(page);
    await loaded(page, OTHER);
    await expect.poll(() => savedState(page)).toBe('✓ Saved');
    expect((await working(page))!.file).toBe(OTHER);
    const kept = await drafts(page);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.session!.file).toBe(FILE);
    expect(holds(kept[0]!.session!.text, value)).toBe(true);
    expect(await page.locator('#work-notice').textContent()).toMatch(/earlier work on japan-us-taiwan\.json .* is kept/);
    await shot(page, 'saved-work-kept-before');
    await page.click('#drafts-menu summary');
    await shot(page, 'saved-work-kept');
    await page.click('#drafts-list .draft-open');
    await loaded(page, FILE);
    expect(await shows(page, value)).toBe(true);
    await expect.poll(async () => (await working(page))?.file).toBe(FILE);
    // The draft became the working graph; the other file (no edits) is not kept.
    await expect.poll(async () => (await drafts(page)).length).toBe(0);
    await context.close();
  }, 120_000);

  it('keeps edited work as a draft when another file is opened', async () => {
    const context = await newContext();
    const page = await newTab(context, `?graph=${LINK}`);
    await loaded(page, FILE);
    const value = 777_007;
    await editFlow(page, value);
    await edited(page, value);
    await pick(page, [{ name: 'other.json', data: readFileSync(repoPath('tests/fixtures/known/and-or.json')) }]);
    await loaded(page, 'other.json');
    await expect.poll(async () => (await working(page))?.file).toBe('other.json');
    const kept = await drafts(page);
    expect(kept.map((d) => d.session?.file)).toEqual([FILE]);
    expect(holds(kept[0]!.session!.text, value)).toBe(true);
    await context.close();
  }, 120_000);

  it('keeps a record that fails to restore, says so, and offers it as a download and an open with its problems', async () => {
    const context = await newContext();
    const page = await newTab(context, '');
    await idle(page);
    await expect.poll(() => working(page)).toBeDefined();
    // A record whose graph the schema refuses (a node kind that is a number).
    const text = readFileSync(repoPath('tests/fixtures/known/and-or.json'), 'utf8').replace('"kind": "foundry"', '"kind": 42');
    await page.evaluate((t) => new Promise((resolve) => {
      const open = indexedDB.open('chokepoint', 1);
      open.onsuccess = () => {
        const tx = open.result.transaction('session', 'readwrite');
        tx.objectStore('session').put({ file: 'broken.json', text: t, original: t, savedAt: 1, stamp: 'x', work: 'w' }, 'working');
        tx.oncomplete = () => resolve(open.result.close());
      };
    }), text);
    await page.reload();
    await waitForApp(page);
    await idle(page);
    await expect.poll(() => page.locator('#work-notice').textContent()).toMatch(/\(broken\.json\) could not be restored .*It is kept, not deleted/);
    const kept = await drafts(page);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.session!.text).toBe(text);
    await shot(page, 'saved-work-failed-restore');
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#failed-download')]);
    expect(readFileSync(await file.path(), 'utf8')).toBe(text);
    await page.click('#failed-open');
    await expect.poll(() => page.locator('.files-panel').textContent()).toMatch(/Could not open broken\.json.*kind/);
    // The default graph shown meanwhile saved itself beside the draft, not over it.
    expect((await drafts(page))[0]!.session!.text).toBe(text);
    await context.close();
  }, 120_000);

  it('never shows "✓ Saved" in a tab whose data another tab has replaced, and keeps both when asked', async () => {
    const context = await newContext();
    const a = await newTab(context, `?graph=${LINK}`);
    await loaded(a, FILE);
    await expect.poll(() => savedState(a)).toBe('✓ Saved');
    const b = await newTab(context, `?graph=${LINK}`);
    await loaded(b, FILE);
    await editFlow(a, 777_011);
    await edited(a, 777_011);
    // B was told, and says so instead of "✓ Saved".
    await expect.poll(() => savedState(b)).toBe('Not saved: another tab saved other work');
    expect(await b.locator('#work-notice').textContent()).toMatch(/Another tab has saved other work/);
    // An edit in B does not overwrite A's work.
    await editFlow(b, 777_013, 1);
    await b.waitForTimeout(500);
    expect(await savedState(b)).not.toBe('✓ Saved');
    expect(holds((await working(a))!.text, 777_011)).toBe(true);
    expect(holds((await working(a))!.text, 777_013)).toBe(false);
    await shot(b, 'saved-work-two-tabs');
    // Keep both: B's work is saved, A's is a draft; A is told in turn.
    await b.click('#conflict-keep-both');
    await expect.poll(() => savedState(b)).toBe('✓ Saved');
    expect(holds((await working(b))!.text, 777_013)).toBe(true);
    const kept = await drafts(b);
    expect(kept.some((d) => holds(d.session?.text, 777_011) && !holds(d.session?.text, 777_013))).toBe(true);
    await expect.poll(() => savedState(a)).toBe('Not saved: another tab saved other work');
    await context.close();
  }, 120_000);

  it('logged no console errors', () => {
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
