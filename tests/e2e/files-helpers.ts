/** Shared steps of the files, export and hostile-input e2e tests: open files in the page, wait for the graph. */
import type { Page } from 'playwright-core';
import { waitForApp } from './app-server.ts';

export interface PageFile {
  name: string;
  data: string | Uint8Array;
}

const toPlaywright = (f: PageFile) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.data) });

/** Opens files through the Open button's file input. */
export async function pick(page: Page, files: PageFile[]): Promise<void> {
  await page.setInputFiles('#open-input', files.map(toPlaywright));
}

/** Drops files on the graph, as a user dragging them from the desktop. */
export async function drop(page: Page, files: PageFile[]): Promise<void> {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    const target = document.querySelector('#graph') ?? document.body;
    target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files.map((f) => ({ name: f.name, bytes: [...Buffer.from(f.data)] })));
}

/** Waits until the graph from `file` is loaded and drawn. */
export async function loaded(page: Page, file: string): Promise<void> {
  await page.waitForFunction((want) => {
    const s = window.__chokepoint?.state();
    return s?.view.status === 'done' && s.load.status === 'done' && s.loaded?.file === want;
  }, file, { timeout: 20_000 });
}

/** Waits until the files controls are idle (nothing opening or saving). */
export const idle = (page: Page) => page.waitForFunction(() => !document.querySelector('.files-busy'), null, { timeout: 20_000 });

/** Opens the app on the default graph: the working graph the editor keeps in IndexedDB is cleared first (it would come back on reload). */
export async function openDefault(page: Page, url: string): Promise<void> {
  await forgetWorkingGraph(page, url);
  await page.goto(url);
  await waitForApp(page);
  await loaded(page, 'japan-us-taiwan.json');
}

/** Deletes the editor's saved working graph (IndexedDB `chokepoint`) of the app's origin. */
export async function forgetWorkingGraph(page: Page, url: string): Promise<void> {
  if (!page.url().startsWith(url)) return;
  // An autosave still on its way (the worker writes its text) would write the graph back after the delete.
  await page.waitForFunction(() => {
    const e = window.__chokepoint?.state().edit;
    // Settled: nothing left to write, or a write that failed and waits for the next change.
    return !e || (e.save.status !== 'saving' && (e.revision <= e.savedRevision || ['error', 'unavailable', 'conflict'].includes(e.save.status)));
  }, null, { timeout: 30_000 });
  await page.evaluate(() => new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('chokepoint');
    request.onsuccess = request.onerror = request.onblocked = () => resolve(null);
  }));
}
