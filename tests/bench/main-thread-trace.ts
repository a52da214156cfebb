/**
 * Every task of the page's main thread between two user-timing marks, from a Chromium trace (categories
 * `toplevel` and `blink.user_timing`). The Long Tasks API does not report them all: where WebGL is software,
 * the frame's commit reads the canvases back from the rasterizer in a task of its own (`ProxyMain::BeginMainFrame`),
 * and such a task with no script in it is missing from `longtask` entries (docs/scale.md, In the app).
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
}

export interface MainThreadTask {
  /** ms after the start mark */
  start: number;
  /** ms */
  duration: number;
}

const TASK = 'ThreadControllerImpl::RunTask';

/**
 * The tasks (of any length) on the thread that made the `from` mark, which end after it and start before the
 * latest of the `to` marks. Throws if a mark is missing: the trace was not taken with user timing.
 */
export function mainThreadTasks(events: readonly TraceEvent[], from: string, to: readonly string[]): MainThreadTask[] {
  const mark = (name: string) => events.find((e) => e.name === name && e.cat?.includes('blink.user_timing'));
  const start = mark(from);
  if (!start) throw new Error(`the trace has no "${from}" mark`);
  const ends = to.map((name) => {
    const e = mark(name);
    if (!e) throw new Error(`the trace has no "${name}" mark`);
    return e.ts;
  });
  const end = Math.max(...ends);
  return events
    .filter((e) => e.name === TASK && e.ph === 'X' && e.pid === start.pid && e.tid === start.tid && e.ts + (e.dur ?? 0) >= start.ts && e.ts <= end)
    .map((e) => ({ start: (e.ts - start.ts) / 1000, duration: (e.dur ?? 0) / 1000 }));
}
