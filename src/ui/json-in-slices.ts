/**
 * JSON.stringify's text of a plain object, its long lists written a slice per task: the autosave of a
 * 100,000-node document was one main-thread task of 0.8 s (docs/scale.md, In the app).
 */
import { nextTask } from './next-task.ts';

/** The same text as `JSON.stringify(value)` for plain data (no `toJSON`, no cycles), with the main thread given back between slices of `sliceItems` items. */
export async function stringifyInSlices(value: Record<string, unknown>, sliceItems = 2000): Promise<string> {
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
      await nextTask();
      slices.push(JSON.stringify(v.slice(i, i + sliceItems)).slice(1, -1));
    }
    members.push(`${JSON.stringify(key)}:[${slices.join(',')}]`);
  }
  return `{${members.join(',')}}`;
}
