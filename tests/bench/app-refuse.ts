/**
 * `npm run bench:app-refuse` (or `npx tsx tests/bench/app-refuse.ts FILE...`): how fast the app
 * refuses broken files under 10 MB (issue 9), in headless Chromium on the built app. For each file
 * or folder of files, a fresh page opens the default graph, then the file through the Open button's
 * file input, and the page times from the input's `change` event to the problems list on screen.
 * Without arguments it makes its own broken files (a generated graph with its last flow's target
 * missing, as native JSON, GEXF, GraphML and a CSV pair) in the OS temp folder.
 * Prints figures and asserts nothing (timed tests flake).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { generateGraph } from '../../src/generate/index.ts';
import { writeGraph } from '../../src/io/write.ts';
import { loadGraph } from '../helpers/load.ts';
import { serveApp } from '../e2e/app-server.ts';
import { openDefault, pick, type PageFile } from '../e2e/files-helpers.ts';

const RUNS = 3;

/** A generated graph of about 10 MB in each format, its last flow pointing at a node no file has. */
function brokenFiles(): string[] {
  const dir = join(tmpdir(), 'chokepoint-bench-refuse');
  const out = { json: join(dir, 'broken.json'), gexf: join(dir, 'broken.gexf'), graphml: join(dir, 'broken.graphml'), csv: join(dir, 'csv') };
  // The CSV folder's graph.json is the last file written: a run stopped before it left the set unfinished.
  if (existsSync(join(out.csv, 'graph.json'))) return Object.values(out);
  mkdirSync(out.csv, { recursive: true });
  const sized = (nodes: number) => {
    const doc = generateGraph({ nodes, flows: nodes * 5, seed: 1 });
    doc.edges.at(-1)!.target = 'ghost';
    return doc;
  };
  writeFileSync(out.json, JSON.stringify(sized(16_000)));
  // The other formats are written from a valid graph, then their last flow's target is changed in the text.
  const text = (nodes: number, format: 'gexf' | 'graphml' | 'csv', flows = nodes * 5) => {
    const doc = generateGraph({ nodes, flows, seed: 1 });
    return writeGraph(loadGraph(JSON.stringify(doc)), format).files;
  };
  const breakLast = (s: string, from: RegExp, to: string) => {
    const matches = [...s.matchAll(from)];
    const m = matches.at(-1)!;
    return s.slice(0, m.index) + m[0].replace(/"[^"]*"$/, to) + s.slice(m.index + m[0].length);
  };
  writeFileSync(out.gexf, breakLast(text(7_400, 'gexf')[0]!.data as string, /target="[^"]*"/g, '"ghost"'));
  writeFileSync(out.graphml, breakLast(text(13_000, 'graphml')[0]!.data as string, /target="[^"]*"/g, '"ghost"'));
  for (const f of text(60_000, 'csv', 147_000)) {
    let data = f.data as string;
    if (f.name === 'flows.csv') {
      const lines = data.trimEnd().split('\n');
      const cells = lines.at(-1)!.split(',');
      cells[2] = 'ghost';
      lines[lines.length - 1] = cells.join(',');
      data = lines.join('\n') + '\n';
    }
    writeFileSync(join(out.csv, f.name), data);
  }
  return Object.values(out);
}

function filesOf(path: string): PageFile[] {
  const paths = statSync(path).isDirectory() ? readdirSync(path).map((n) => join(path, n)) : [path];
  return paths.map((p) => ({ name: basename(p), data: readFileSync(p) }));
}

const paths = process.argv.slice(2).length ? process.argv.slice(2) : brokenFiles();
const served = await serveApp();
console.log(`Chokepoint app: broken files refused, headless Chromium, ${cpus().length} cpus, load average ${loadavg()[0]!.toFixed(1)} at start`);
try {
  for (const path of paths) {
    const files = filesOf(path);
    const bytes = files.reduce((s, f) => s + f.data.length, 0);
    const times: number[] = [];
    let first = '';
    for (let run = 0; run < RUNS; run++) {
      const page = await served.browser.newPage({ viewport: { width: 1440, height: 900 } });
      await openDefault(page, served.url);
      await page.evaluate(`document.addEventListener('change', (e) => {
        if (e.target.id === 'open-input') window.changeAt = performance.now();
      }, { capture: true })`);
      await pick(page, files);
      // A string, not a function: tsx's compiled functions call a helper the page does not have.
      const ms = await page.evaluate(`new Promise((resolve) => {
        const at = window.changeAt;
        const check = () => (document.querySelector('#problems tbody tr') ? resolve(performance.now() - at) : requestAnimationFrame(check));
        check();
      })`) as number;
      times.push(ms);
      first ||= (await page.locator('#problems tbody tr').first().textContent())?.replace(/\s+/g, ' ').slice(0, 100) ?? '';
      // The default graph is still there.
      const still = await page.evaluate(() => window.__chokepoint!.state().loaded?.file);
      if (still !== 'japan-us-taiwan.json') first = `THE GRAPH IN HAND CHANGED to ${still}`;
      await page.close();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(`${basename(path)} (${(bytes / 1e6).toFixed(1)} MB): refused in best ${times[0]!.toFixed(0)} ms, median ${median.toFixed(0)} ms (target 1000 ms); first problem: ${first}`);
  }
} finally {
  await served.close();
}
