import { describe, expect, it } from 'vitest';
import { mainThreadTasks, type TraceEvent } from '../../bench/main-thread-trace.ts';

const task = (ts: number, dur: number, tid = 1, pid = 7): TraceEvent => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', ts, dur, pid, tid, cat: 'toplevel' });
const mark = (name: string, ts: number, tid = 1, pid = 7): TraceEvent => ({ name, ph: 'R', ts, pid, tid, cat: 'blink.user_timing' });

describe('main-thread tasks from a trace', () => {
  it('lists the tasks of the thread that made the first mark, from it to the latest end mark, in ms after it', () => {
    const events = [
      task(500, 400), // ends before the start mark
      task(900, 200), // runs across it
      mark('cp-change', 1000),
      task(1_500, 120_000),
      task(2_000, 90_000, 2), // another thread
      task(2_000, 90_000, 1, 8), // another process
      { ...task(3_000, 10_000), name: 'Other' },
      mark('cp-drawn', 200_000),
      task(240_000, 1_000),
      mark('cp-figures', 250_000),
      task(250_001, 5_000), // after the end
    ];
    expect(mainThreadTasks(events, 'cp-change', ['cp-drawn', 'cp-figures'])).toEqual([
      { start: -0.1, duration: 0.2 },
      { start: 0.5, duration: 120 },
      { start: 239, duration: 1 },
    ]);
  });

  it('says which mark is missing', () => {
    expect(() => mainThreadTasks([mark('cp-change', 0)], 'cp-change', ['cp-figures'])).toThrow('no "cp-figures" mark');
    expect(() => mainThreadTasks([], 'cp-change', [])).toThrow('no "cp-change" mark');
  });
});
