/**
 * Files from other tools in the app (real headless Chromium): the mapping
 * step's value step (what each kind in the file means), and the notice of a
 * graph without kinds listing every figure it cannot give. Figures are
 * compared with the engine's own load of the same file with the same mapping.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/io/load.ts';
import { repoPath } from '../helpers/load.ts';
import { appPage, serveApp, shot, type Served } from './app-server.ts';
import { loaded, openDefault, pick } from './files-helpers.ts';

const corpus = (file: string) => ({ name: file.replace(/^.*\//, ''), data: new Uint8Array(readFileSync(repoPath(`tests/corpus/foreign/${file}`))) });

let served: Served;
let page: Page;
const errors: string[] = [];
const state = () => page.evaluate(() => window.__chokepoint!.state());

beforeAll(async () => {
  served = await serveApp();
  page = await appPage(served, errors);
  await openDefault(page, served.url);
}, 180_000);

afterAll(async () => {
  await served?.close();
});

describe('files from other tools in the app', () => {
  it("asks what each kind in the file is, pre-filled with what it would be read as, and loads with the user's choice", async () => {
    const file = corpus('networkx/networkx-supply.gexf');
    await pick(page, [file]);
    await expect.poll(() => page.locator('#mapping-dialog').isVisible()).toBe(true);
    expect(await page.inputValue('#map-nodes-kind')).toBe('type');
    const rows = await page.locator('.mapping-values tbody tr').allTextContents();
    expect(rows.map((r) => r.replace(/\d+ nodes?.*$/, ''))).toEqual(['mine', 'smelter', 'fab', 'buyer']);
    const chosen = async (value: string) => page.inputValue(`select[aria-label='Kind for "${value}"']`);
    expect([await chosen('mine'), await chosen('fab'), await chosen('buyer')]).toEqual(['other', 'foundry', 'demand']);
    await page.selectOption(`select[aria-label='Kind for "mine"']`, 'supplier');
    for (const size of [{ width: 1280, height: 800 }, { width: 1440, height: 900 }]) {
      await page.setViewportSize(size);
      await shot(page, `foreign-mapping-values-${size.width}`);
    }
    await page.click('#mapping-confirm');
    await loaded(page, file.name);
    const s = await state();
    const kinds = Object.fromEntries((s.loaded?.document.nodes ?? []).map((n) => [n.key, n.attributes.kind]));
    expect(kinds).toEqual({ 'chile-mine': 'supplier', 'peru-mine': 'supplier', smelter: 'other', fab: 'foundry', buyer: 'demand' });
    const engine = loadFiles([{ name: file.name, bytes: file.data }], { mapping: { values: { kind: { mine: 'supplier', smelter: 'other', fab: 'foundry', buyer: 'demand' } } } });
    expect(engine.ok && engine.document.nodes.map((n) => n.attributes.kind)).toEqual(s.loaded?.document.nodes.map((n) => n.attributes.kind));
  });

  it('opens a file without kinds with kinds from its shape, the notice listing every unavailable figure', async () => {
    const file = corpus('networkx/networkx-bare-selfloop.graphml');
    await pick(page, [file]);
    await expect.poll(() => page.locator('#mapping-dialog').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.mapping-values-note').textContent()).toMatch(/No kind column/);
    await page.click('#mapping-confirm');
    await loaded(page, file.name);
    const expected = loadFiles([{ name: file.name, bytes: file.data }]);
    if (!expected.ok) throw new Error('fixture does not load');
    const notice = (await page.locator('#files-notice').textContent()) ?? '';
    for (const u of expected.unavailable) expect(notice).toContain(u.why);
    expect((await state()).loaded?.document.nodes.find((n) => n.key === 'd')?.attributes.kind).toBe('demand');
    await shot(page, 'foreign-no-kinds');
    expect(errors).toEqual([]);
  });
});
