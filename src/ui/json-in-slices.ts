/**
 * JSON.stringify's text of a plain object, its long lists written a slice at a time in the browser's idle
 * moments: the autosave of a 100,000-node document was one main-thread task of 0.8 s, and written in a
 * stream of tasks it slowed a pan made meanwhile (docs/scale.md, In the app).
 */
import { nextTask } from './next-task.ts';

/** Resolves when the main thread may take a slice: within an idle period while it lasts, else at the next (at most a second away). */
function idleSlices(): () => Promise<void> {
  if (typeof requestIdleCallback !== 'function') return nextTask;
  let deadline: IdleDeadline | null = null;
  return () =>
    deadline && deadline.timeRemaining() > 2
      ? Promise.resolve()
      : new Promise<void>((resolve) =>
          requestIdleCallback(
            (d) => {
              deadline = d;
              resolve();
            },
            { timeout: 1000 },
          ),
        );
}

/** The same text as `JSON.stringify(value)` for plain data (no `toJSON`, no cycles), written `sliceItems` items at a time when the main thread is idle. */
export async function stringifyInSlices(value: Record<string, unknown>, sliceItems = 2000): Promise<string> {
  const slice = idleSlices();
  const members: string[] = [];
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (!Array.isArray(v) || v.length <= sliceItems) {
      const text = JSON.stringify(v);
      // As JSON.stringify does: a member whose value has no JSON (undefined, a function) is left out.
      if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
      continue;
    }
    const slices: string[] = [];
    for (let i = 0; i < v.length; i += sliceItems) {
      await slice();
      slices.push(JSON.stringify(v.slice(i, i + sliceItems)).slice(1, -1));
    }
    members.push(`${JSON.stringify(key)}:[${slices.join(',')}]`);
  }
  return `{${members.join(',')}}`;
}
