/**
 * The import pipeline runs in a real Web Worker in headless Chromium, where there
 * is no DOMParser and no node:fs: the bundle of src/io loads a GEXF, a zip of the
 * CSV pair and refuses a hostile file, reporting progress.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../helpers/load.ts';

const CHROMIUM = '/usr/bin/chromium';

const WORKER_MAIN = `
self.onmessage = (event) => {
  const { files } = event.data;
  const phases = [];
  const result = ChokepointIo.loadFiles(files, { onProgress: (p) => phases.push(p) });
  if (!result.ok) { self.postMessage({ ok: false, problems: result.problems.map((p) => [p.file, p.line, p.expected].join(' | ')), phases }); return; }
  const zip = ChokepointIo.writeGraph(result.graph, 'zip').files[0].data;
  const again = ChokepointIo.loadFiles([{ name: 'again.zip', bytes: zip }]);
  self.postMessage({ ok: true, format: result.format, order: result.graph.order, size: result.graph.size, scenarios: (result.graph.getAttribute('scenarios') || []).length, phases, again: again.ok && again.graph.order });
};`;

describe('src/io in a Web Worker', () => {
  it('loads, converts and refuses files as in Node', { timeout: 60_000 }, async () => {
    const built = await build({
      configFile: false,
      logLevel: 'silent',
      build: { write: false, minify: false, lib: { entry: repoPath('src/io/browser-entry.ts'), formats: ['iife'], name: 'ChokepointIo' } },
    });
    const output = (Array.isArray(built) ? built[0] : built) as { output: { code?: string }[] };
    const source = output.output[0]!.code + WORKER_MAIN;
    expect(source).not.toMatch(/from ['"]node:|require\(['"]node:/);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      const run = (files: { name: string; text?: string; bytes?: number[] }[]) =>
        page.evaluate(
          ([code, list]) =>
            new Promise((resolve) => {
              const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
              worker.onmessage = (e) => {
                worker.terminate();
                resolve(e.data);
              };
              worker.postMessage({ files: list.map((f) => (f.bytes ? { name: f.name, bytes: new Uint8Array(f.bytes) } : f)) });
            }),
          [source, files] as const,
        );
      const gexf = readFileSync(repoPath('graphs/neon-ukraine-2022.gexf'), 'utf8');
      expect(await run([{ name: 'neon.gexf', text: gexf }])).toEqual({ ok: true, format: 'gexf', order: 11, size: 23, scenarios: 0, phases: ['read', 'parse', 'validate', 'done'], again: 11 });
      const folder = repoPath('graphs/korea-hf-photoresist-2019');
      const csv = ['nodes.csv', 'flows.csv', 'graph.json'].map((name) => ({ name, bytes: [...readFileSync(`${folder}/${name}`)] }));
      expect(await run(csv)).toMatchObject({ ok: true, format: 'csv', order: 13, size: 20, scenarios: 2 });
      const hostile = await run([{ name: 'laughs.graphml', text: readFileSync(repoPath('tests/fixtures/bad/external-entity.graphml'), 'utf8') }]);
      expect(hostile).toMatchObject({ ok: false, problems: [expect.stringMatching(/^laughs\.graphml \| 2 \| XML without a DOCTYPE/)] });
    } finally {
      await browser.close();
    }
  });
});
