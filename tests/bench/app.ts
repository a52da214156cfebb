/**
 * `npm run bench:app` (or `npx tsx tests/bench/app.ts`): the app's targets of
 * issue 8 at 10,000 nodes / 50,000 flows, measured in headless Chromium on the
 * built app (docs/scale.md, "In the app"). For each run, a fresh page opens the
 * default graph, then the generated graph through the Open button's file input,
 * and the page itself times:
 *
 * - first picture: from the input's `change` event to sigma's first render of
 *   the new graph (the app's `chokepoint:drawn` event, fired after sigma's
 *   `afterRender` with that graph's nodes; figures may still be coming);
 * - figures: from `change` to the headline showing the new graph's figure;
 * - main-thread long tasks (PerformanceObserver 'longtask') from `change` until both are done and the opened
 *   graph is saved in the browser (the header's "✓ Saved"): the autosave that follows an open is part of it
 *   (at 100,000 nodes it was the longest task, 1.0 s, and one the window ending at the figures did not see);
 * - frames per second (requestAnimationFrame) during a 2 s mouse-drag pan and a
 *   2 s wheel zoom over the graph.
 *
 *   npm run bench:app                       3 runs
 *   npm run bench:app -- --runs 5
 *   npm run bench:app -- --profile          also the main thread's CPU profile of one open, a pan and a zoom (top functions by self time)
 *   npm run bench:app -- --tasks            also every long task of each open (start after the file was chosen, duration)
 *   npm run bench:app -- --trace            also every main-thread task of each open from a Chromium trace: the Long
 *                                           Tasks API misses the frames' commits that read WebGL canvases back
 *                                           from the software rasterizer (tasks with no script in them)
 *   npm run bench:app -- --timeline         also when each of the engine worker's messages reached the page during each open
 *                                           (progress, the preview's parts, the preview, the answer), sigma's first render
 *                                           of the new graph and every long task, in ms after the file was chosen: where
 *                                           an open waits on the worker and where on the page
 *   npm run bench:app -- --nodes 3000 --flows 15000
 *   npm run bench:app -- --shot FILE.png    a screenshot of the graph after the last run
 *   npm run bench:app -- --wait 600         wait up to 600 s for the picture and the figures (default 120)
 *   npm run bench:app -- --against REV      this tree's app and REV's (a git worktree), opens interleaved (--tasks too):
 *                                           on two shared cores the machine's noise is larger than most
 *                                           effects, and batches run one after the other mislead. Only
 *                                           the open's figures (no pan, zoom, profile or shot). REV is built
 *                                           with this tree's node_modules, and must have the
 *                                           `chokepoint:drawn` event (commit 5d06f2a or later)
 *
 * Each run also reads the renderer's peak resident memory (the page and its workers: VmHWM of Chromium's renderer
 * processes). `measureApp` gives the same figures to tests/bench/run.ts (npm run bench); importing this module
 * runs nothing.
 *
 * Prints figures and asserts nothing (timed tests flake).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { generateGraph } from '../../src/generate/index.ts';
import { appPage, serveApp, type Served } from '../e2e/app-server.ts';
import { openDefault } from '../e2e/files-helpers.ts';
import { mainThreadTasks, type MainThreadTask, type TraceEvent } from './main-thread-trace.ts';
import { repoPath } from '../helpers/load.ts';

/** The bench's options: the CLI's flags, or `measureApp`'s arguments. */
interface Options {
  nodes: number;
  flows: number;
  runs: number;
  profile: boolean;
  tasks: boolean;
  trace: boolean;
  timeline: boolean;
  /** How long to wait for the picture and for the figures (the app before this work took minutes). */
  waitMs: number;
  shot: string;
  against: string;
}
let O: Options = { nodes: 10_000, flows: 50_000, runs: 3, profile: false, tasks: false, trace: false, timeline: false, waitMs: 120_000, shot: '', against: '' };
const FILE_NAME = 'g.json';

function graphFile(): string {
  const dir = join(tmpdir(), 'chokepoint-bench-app');
  // One folder per size, the file always named FILE_NAME: the app names the graph by it.
  const sized = join(dir, `${O.nodes}-${O.flows}-1`);
  mkdirSync(sized, { recursive: true });
  const file = join(sized, FILE_NAME);
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(generateGraph({ nodes: O.nodes, flows: O.flows, seed: 1 })));
  return file;
}

interface OpenFigures {
  firstPicture: number;
  figures: number;
  drawnNodes: number;
  longest: number;
  over100: number;
  over50: number;
  /** Every long task (> 50 ms): start after the file was chosen, and duration. */
  tasks: { start: number; duration: number }[];
  /** With --trace: every main-thread task over 50 ms in the same span, from a Chromium trace. */
  traced?: { longest: number; over100: number; tasks: MainThreadTask[] };
}

/**
 * For --timeline, installed before the app starts: every message of the app's workers, as it reaches the page (before
 * the app's own handler), with its type (and a part's path, a progress's phase).
 */
function recordWorkerMessages(): void {
  const log: [number, string][] = [];
  (window as unknown as { __timeline: typeof log }).__timeline = log;
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (e: MessageEvent<{ type?: string; path?: string; phase?: string }>) => {
        const d = e.data;
        log.push([performance.now(), [d?.type ?? 'message', d?.path, d?.phase].filter(Boolean).join(' ')]);
      });
    }
  };
}

/** The timeline of the last open (--timeline): one line per message (consecutive parts of one path as one line), sigma's first render, long tasks. */
async function timelineOf(page: Page): Promise<string[]> {
  const { changeAt, messages, drawn, tasks } = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { changeAt: number; drawn: { at: number; nodes: number }[]; tasks: { start: number; duration: number }[] } }).__bench;
    return { changeAt: b.changeAt, messages: (window as unknown as { __timeline: [number, string][] }).__timeline, drawn: b.drawn, tasks: b.tasks };
  });
  const events: [number, string][] = [
    ...messages.filter(([t]) => t >= changeAt),
    ...drawn.map((d): [number, string] => [d.at, `drawn (${d.nodes} nodes)`]),
    ...tasks.filter((t) => t.start >= changeAt).map((t): [number, string] => [t.start, `  long task ${Math.round(t.duration)} ms`]),
  ].sort((a, b) => a[0] - b[0]);
  const lines: string[] = [];
  let last = '';
  let count = 0;
  for (const [t, what] of events) {
    if (what === last && what.startsWith('part')) {
      count++;
      continue;
    }
    if (count > 0) lines[lines.length - 1] += ` (×${count + 1})`;
    count = 0;
    last = what;
    lines.push(`  +${String(Math.round(t - changeAt)).padStart(6)} ms  ${what}`);
  }
  if (count > 0) lines[lines.length - 1] += ` (×${count + 1})`;
  return lines;
}

/** Everything the page records for one open: installed before the file is chosen. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const b = { changeAt: 0, drawn: [] as { at: number; nodes: number }[], figuresAt: 0, savedAt: 0, tasks: [] as { start: number; duration: number }[] };
    (window as unknown as { __bench: typeof b }).__bench = b;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    // Capture on the document: runs before the app's own listener on the input.
    // The marks bound the span in a trace (--trace).
    document.addEventListener('change', (e) => {
      if ((e.target as HTMLElement).id !== 'open-input') return;
      b.changeAt = performance.now();
      performance.mark('cp-change');
    }, true);
    document.addEventListener('chokepoint:drawn', (e) => {
      b.drawn.push({ at: performance.now(), nodes: (e as CustomEvent<{ nodes: number }>).detail.nodes });
      performance.mark('cp-drawn');
    });
  });
}

async function openAndTime(page: Page, file: string, nodes: number): Promise<OpenFigures> {
  await instrument(page);
  const browser = page.context().browser()!;
  if (O.trace) await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
  await page.setInputFiles('#open-input', file);
  await page.waitForFunction((n) => (window as unknown as { __bench: { drawn: { nodes: number }[] } }).__bench.drawn.some((d) => d.nodes >= n), nodes, { timeout: O.waitMs, polling: 50 });
  await page.waitForFunction((name) => {
    const s = window.__chokepoint?.state();
    const done = s?.load.status === 'done' && s.loaded?.file === name && s.view.status === 'done' && /%$/.test(document.querySelector('#headline-figure')?.textContent ?? '');
    const b = (window as unknown as { __bench: { figuresAt: number } }).__bench;
    if (done && !b.figuresAt) {
      b.figuresAt = performance.now();
      performance.mark('cp-figures');
    }
    return done;
  }, FILE_NAME, { timeout: O.waitMs, polling: 20 });
  // The open's autosave: its tasks count (a save that fails or cannot be kept ends the wait too).
  await page.waitForFunction(() => {
    const b = (window as unknown as { __bench: { savedAt: number } }).__bench;
    const state = document.querySelector('#save-state')?.className ?? '';
    if (!/\b(saved|error|unavailable|conflict)\b/.test(state)) return false;
    if (!b.savedAt) {
      b.savedAt = performance.now();
      performance.mark('cp-saved');
    }
    return true;
  }, null, { timeout: O.waitMs, polling: 20 });
  // Long tasks are reported after they end: give the observer a moment.
  await page.waitForTimeout(300);
  let traced: OpenFigures['traced'];
  if (O.trace) {
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const tasks = mainThreadTasks(trace.traceEvents, 'cp-change', ['cp-drawn', 'cp-figures', 'cp-saved']).filter((t) => t.duration > 50);
    traced = { longest: Math.max(0, ...tasks.map((t) => t.duration)), over100: tasks.filter((t) => t.duration > 100).length, tasks };
  }
  const open = await page.evaluate((n) => {
    const b = (window as unknown as { __bench: { changeAt: number; drawn: { at: number; nodes: number }[]; figuresAt: number; savedAt: number; tasks: { start: number; duration: number }[] } }).__bench;
    const drawn = b.drawn.find((d) => d.nodes >= n)!;
    const end = Math.max(b.figuresAt, drawn.at, b.savedAt);
    const tasks = b.tasks.filter((t) => t.start + t.duration >= b.changeAt && t.start <= end);
    return {
      firstPicture: drawn.at - b.changeAt,
      figures: b.figuresAt - b.changeAt,
      drawnNodes: drawn.nodes,
      longest: Math.max(0, ...tasks.map((t) => t.duration)),
      over100: tasks.filter((t) => t.duration > 100).length,
      over50: tasks.length,
      tasks: tasks.map((t) => ({ start: t.start - b.changeAt, duration: t.duration })),
    };
  }, nodes);
  return { ...open, ...(traced ? { traced } : {}) };
}

/** Frames per second and the longest frame while `act` runs, counted with requestAnimationFrame in the page. */
async function framesDuring(page: Page, act: () => Promise<void>): Promise<{ fps: number; worst: number }> {
  // A string, not a function: tsx would wrap a named inner function in a helper the page does not have.
  await page.evaluate(`(() => {
    const f = { on: true, times: [] };
    window.__frames = f;
    const tick = (t) => {
      f.times.push(t);
      if (f.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await act();
  return page.evaluate(() => {
    const f = (window as unknown as { __frames: { on: boolean; times: number[] } }).__frames;
    f.on = false;
    const t = f.times;
    const span = (t[t.length - 1]! - t[0]!) / 1000;
    let worst = 0;
    for (let i = 1; i < t.length; i++) worst = Math.max(worst, t[i]! - t[i - 1]!);
    return { fps: (t.length - 1) / span, worst };
  });
}

async function canvasCentre(page: Page) {
  const box = (await page.locator('#graph').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, w: box.width, h: box.height };
}

/** A mouse drag back and forth across the graph for about 2 s. */
async function pan(page: Page) {
  const c = await canvasCentre(page);
  await page.mouse.move(c.x, c.y);
  await page.mouse.down();
  const start = Date.now();
  let i = 0;
  while (Date.now() - start < 2000) {
    const phase = (i++ % 40) / 40;
    const dx = Math.sin(phase * 2 * Math.PI) * c.w * 0.25;
    const dy = Math.cos(phase * 2 * Math.PI) * c.h * 0.15;
    await page.mouse.move(c.x + dx, c.y + dy);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

/** Wheel steps in, then out, for about 2 s. */
async function zoom(page: Page) {
  const c = await canvasCentre(page);
  await page.mouse.move(c.x, c.y);
  const start = Date.now();
  let i = 0;
  while (Date.now() - start < 2000) {
    await page.mouse.wheel(0, i++ % 20 < 10 ? -120 : 120);
    await page.waitForTimeout(50);
  }
}

/** The main thread's CPU profile while `act` runs: the functions with the most self time (with two callers), printed. */
async function profiled(page: Page, label: string, act: () => Promise<unknown>) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await act();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[] } };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byName = new Map<string, number>();
  for (const n of profile.nodes) {
    const us = self.get(n.id) ?? 0;
    if (!us) continue;
    const names: string[] = [];
    for (let id: number | undefined = n.id; id !== undefined && names.length < 3; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      names.push(`${f.functionName || '(anonymous)'}${f.url ? `@${f.lineNumber + 1}` : ''}`);
    }
    const name = names.join(' < ');
    byName.set(name, (byName.get(name) ?? 0) + us);
  }
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`\nmain thread during ${label}, self time (ms), function < caller < caller:`);
  for (const [name, us] of top) console.log(`  ${(us / 1000).toFixed(0).padStart(6)}  ${name}`);
  await cdp.detach();
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
/** Tasks of 50 ms or less are not listed: a longest of 0 is none over 50 ms. */
const longestMs = (x: number) => (x === 0 ? '≤ 50 ms' : ms(x));
const taskList = (tasks: { start: number; duration: number }[]) => tasks.map((t) => `+${t.start.toFixed(0)}: ${t.duration.toFixed(0)}`).join(', ');
/** With --trace, the line of every main-thread task over 50 ms. */
const tracedLine = ({ longest, over100, tasks }: NonNullable<OpenFigures['traced']>) =>
  `  every main-thread task over 50 ms (trace): longest ${longestMs(longest)}, over 100 ms ${over100}: ${taskList(tasks)}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Opens of this tree's app and REV's, interleaved (A B, then B A, …): only the open's figures. */
async function against(rev: string, file: string): Promise<void> {
  const repo = repoPath('');
  const worktree = mkdtempSync(join(tmpdir(), 'chokepoint-against-'));
  const variants: { name: string; served: Served }[] = [];
  const opens = new Map<string, OpenFigures[]>([['this tree', []], [rev, []]]);
  try {
    execFileSync('git', ['worktree', 'add', '--detach', worktree, rev], { cwd: repo, stdio: 'ignore' });
    symlinkSync(join(repo, 'node_modules'), join(worktree, 'node_modules'));
    variants.push({ name: 'this tree', served: await serveApp() });
    variants.push({ name: rev, served: await serveApp(worktree) });
    for (let run = 0; run < O.runs; run++) {
      for (const v of run % 2 ? [...variants].reverse() : variants) {
        const errors: string[] = [];
        const page = await appPage(v.served, errors);
        await openDefault(page, v.served.url);
        const open = await openAndTime(page, file, O.nodes);
        opens.get(v.name)!.push(open);
        console.log(`run ${run + 1}, ${v.name}: first picture ${ms(open.firstPicture)}, figures ${ms(open.figures)}, longest task ${longestMs(open.longest)}, load ${loadavg()[0]!.toFixed(1)}${errors.length ? `, page errors: ${errors.join(' | ')}` : ''}`);
        if (O.tasks) console.log(`  long tasks (start +ms: duration ms): ${taskList(open.tasks)}`);
        if (open.traced) console.log(tracedLine(open.traced));
        await page.close();
      }
    }
  } finally {
    for (const v of variants) await v.served.close();
    // --force: the node_modules link is not REV's. Then whatever `worktree add` left if it failed.
    try {
      execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: repo, stdio: 'ignore' });
    } catch {
      // not added
    }
    rmSync(worktree, { recursive: true, force: true });
  }
  console.log('');
  for (const [name, list] of opens) {
    const longest = list.map((o) => o.longest);
    console.log(`${name.padEnd(12)} first picture median ${ms(median(list.map((o) => o.firstPicture)))}, figures median ${ms(median(list.map((o) => o.figures)))}, ` +
      `longest task median ${ms(median(longest))} (max ${ms(Math.max(...longest))}), opens with a task over 100 ms ${longest.filter((x) => x > 100).length} of ${list.length}` +
      (O.trace ? `; in the trace: longest task median ${ms(median(list.map((o) => o.traced!.longest)))} (max ${ms(Math.max(...list.map((o) => o.traced!.longest)))}), opens with one over 100 ms ${list.filter((o) => o.traced!.over100 > 0).length} of ${list.length}` : ''));
  }
}

type Row = OpenFigures & { pan: { fps: number; worst: number }; zoom: { fps: number; worst: number }; memoryMB?: number };

/**
 * The renderer's peak resident memory in MB (the largest VmHWM of Chromium's renderer processes, /proc on Linux:
 * the page and its workers), or undefined where it cannot be read.
 */
async function rendererPeakMB(served: Served): Promise<number | undefined> {
  try {
    const cdp = await served.browser.newBrowserCDPSession();
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    await cdp.detach();
    let peak = 0;
    for (const p of processInfo) {
      if (p.type !== 'renderer') continue;
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    }
    return peak || undefined;
  } catch {
    return undefined;
  }
}

/** `O.runs` opens of `file` in fresh pages, each followed by a pan and a zoom; printed as they go when `log`. */
async function measureRuns(file: string, log: (line: string) => void): Promise<Row[]> {
  const served = await serveApp();
  const rows: Row[] = [];
  try {
    for (let run = 0; run < O.runs + (O.profile ? 1 : 0); run++) {
      const errors: string[] = [];
      const page = await appPage(served, errors);
      if (O.timeline) await page.addInitScript(recordWorkerMessages);
      await openDefault(page, served.url);
      if (O.profile && run === O.runs) {
        await profiled(page, 'one open', () => openAndTime(page, file, O.nodes));
        await page.waitForTimeout(500);
        await profiled(page, 'a pan', () => pan(page));
        await profiled(page, 'a zoom', () => zoom(page));
        await page.close();
        break;
      }
      const open = await openAndTime(page, file, O.nodes).catch((cause: unknown) => {
        throw new Error(`the graph was not drawn or its figures not shown${errors.length ? ` (page errors: ${errors.join(' | ')})` : ''}`, { cause });
      });
      await page.waitForTimeout(500);
      const panned = await framesDuring(page, () => pan(page));
      await page.waitForTimeout(300);
      const zoomed = await framesDuring(page, () => zoom(page));
      const memoryMB = await rendererPeakMB(served);
      rows.push({ ...open, pan: panned, zoom: zoomed, ...(memoryMB !== undefined ? { memoryMB } : {}) });
      log(`run ${run + 1}: first picture ${ms(open.firstPicture)} (${open.drawnNodes} nodes drawn), figures ${ms(open.figures)}, longest task ${longestMs(open.longest)}, tasks > 100 ms ${open.over100} (> 50 ms ${open.over50}), pan ${panned.fps.toFixed(1)} fps (worst frame ${ms(panned.worst)}), zoom ${zoomed.fps.toFixed(1)} fps (worst frame ${ms(zoomed.worst)}), renderer peak ${memoryMB === undefined ? '?' : `${memoryMB.toFixed(0)} MB`}, load ${loadavg()[0]!.toFixed(1)}${errors.length ? `, page errors: ${errors.join(' | ')}` : ''}`);
      if (O.tasks) log(`  long tasks (start +ms: duration ms): ${taskList(open.tasks)}`);
      if (open.traced) log(tracedLine(open.traced));
      if (O.timeline) for (const line of await timelineOf(page)) log(line);
      if (O.shot && run === O.runs - 1) {
        await page.locator('#fit').click();
        await page.waitForTimeout(600);
        await page.screenshot({ path: O.shot });
        log(`screenshot: ${O.shot}`);
      }
      await page.close();
    }
  } finally {
    await served.close();
  }
  return rows;
}

export interface AppFigures {
  firstPictureMs: number;
  figuresMs: number;
  longestTaskMs: number;
  panFps: number;
  zoomFps: number;
  /** The renderer's peak resident memory (page and workers), where it can be read. */
  memoryMB?: number;
}

/**
 * The app's figures for a generated graph of `nodes` and `flows` (seed 1), for tests/bench/run.ts: the median of
 * `runs` opens (1 by default) in headless Chromium, or why they could not be measured. The longest task is the
 * Long Tasks API's (0: none over 50 ms). Nothing is printed.
 */
export async function measureApp(opts: { nodes: number; flows: number; runs?: number; waitSeconds?: number }): Promise<AppFigures | { error: string }> {
  const before = O;
  O = { ...O, nodes: opts.nodes, flows: opts.flows, runs: opts.runs ?? 1, waitMs: 1000 * (opts.waitSeconds ?? 600), profile: false, tasks: false, trace: false, shot: '', against: '' };
  try {
    const rows = await measureRuns(graphFile(), () => {});
    if (!rows.length) return { error: 'no run' };
    const memory = rows.flatMap((r) => (r.memoryMB === undefined ? [] : [r.memoryMB]));
    return {
      firstPictureMs: median(rows.map((r) => r.firstPicture)),
      figuresMs: median(rows.map((r) => r.figures)),
      longestTaskMs: median(rows.map((r) => r.longest)),
      panFps: median(rows.map((r) => r.pan.fps)),
      zoomFps: median(rows.map((r) => r.zoom.fps)),
      ...(memory.length ? { memoryMB: median(memory) } : {}),
    };
  } catch (cause) {
    return { error: cause instanceof Error ? `${cause.message}${cause.cause instanceof Error ? `: ${cause.cause.message.split('\n')[0]}` : ''}` : String(cause) };
  } finally {
    O = before;
  }
}

/** The command line (npm run bench:app): not when this module is imported. */
async function main(args: string[]): Promise<void> {
  const option = (name: string, fallback: string) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
  };
  O = {
    nodes: Number(option('--nodes', '10000')),
    flows: Number(option('--flows', '50000')),
    runs: Number(option('--runs', '3')),
    profile: args.includes('--profile'),
    tasks: args.includes('--tasks'),
    trace: args.includes('--trace'),
    timeline: args.includes('--timeline'),
    waitMs: 1000 * Number(option('--wait', '120')),
    shot: option('--shot', ''),
    against: option('--against', ''),
  };
  const file = graphFile();
  if (O.against) return against(O.against, file);
  console.log(`Chokepoint app benchmark: ${O.nodes.toLocaleString('en-US')} nodes / ${O.flows.toLocaleString('en-US')} flows, headless Chromium, ${cpus().length} cpus, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at start`);
  const rows = await measureRuns(file, (line) => console.log(line));
  if (!rows.length) return;
  const best = (k: (r: Row) => number, low: boolean) => (low ? Math.min : Math.max)(...rows.map(k));
  const line = (label: string, k: (r: Row) => number, low: boolean, unit: (x: number) => string, target: string) =>
    console.log(`${label.padEnd(28)} best ${unit(best(k, low)).padStart(9)}   median ${unit(median(rows.map(k))).padStart(9)}   target ${target}`);
  const fps = (x: number) => `${x.toFixed(1)} fps`;
  console.log(`\n${rows.length} runs, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the end`);
  line('first picture', (r) => r.firstPicture, true, ms, '3000 ms');
  line('figures shown', (r) => r.figures, true, ms, '(none)');
  line('longest main-thread task', (r) => r.longest, true, longestMs, '100 ms');
  line('tasks over 100 ms', (r) => r.over100, true, (x) => String(x), '0');
  if (O.trace) {
    line('longest task, trace', (r) => r.traced!.longest, true, longestMs, '100 ms');
    line('tasks over 100 ms, trace', (r) => r.traced!.over100, true, (x) => String(x), '0');
  }
  line('pan', (r) => r.pan.fps, false, fps, '30 fps');
  line('zoom', (r) => r.zoom.fps, false, fps, '30 fps');
  const memory = rows.flatMap((r) => (r.memoryMB === undefined ? [] : [r.memoryMB]));
  if (memory.length) line('renderer peak memory', (r) => r.memoryMB ?? NaN, true, (x) => `${x.toFixed(0)} MB`, '(see docs/scale.md)');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
  process.exit(0);
}
