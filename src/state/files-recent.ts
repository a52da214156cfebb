/**
 * Recently opened files: names, when, size and whether their content is kept
 * (so that they can be opened again). Bounded in count and in stored bytes;
 * read back with zod, so a damaged or foreign entry in storage is dropped.
 */
import { z } from 'zod';

export const MAX_RECENT = 8;
/** Content above this (all files of one entry together) is not kept: the entry is remembered by name only. */
export const MAX_STORED_BYTES = 2 * 1024 * 1024;

export const RecentEntrySchema = z.object({
  /** The file names opened together (a CSV pair is one entry). */
  files: z.array(z.string()).min(1),
  /** ISO 8601. */
  when: z.string(),
  size: z.number().nonnegative(),
  /** The content is kept under this id; null when it is not kept. */
  stored: z.string().nullable(),
});
export type RecentEntry = z.infer<typeof RecentEntrySchema>;

export const recentName = (e: Pick<RecentEntry, 'files'>) => e.files.join(' + ');
const sameFiles = (a: RecentEntry, b: RecentEntry) => a.files.length === b.files.length && a.files.every((f, i) => f === b.files[i]);

/** Newest first; the same files opened again move to the top; at most `max`. */
export function addRecent(list: RecentEntry[], entry: RecentEntry, max = MAX_RECENT): RecentEntry[] {
  return [entry, ...list.filter((e) => !sameFiles(e, entry))].slice(0, max);
}

/** Ids of stored content no entry refers to any more (to delete). */
export function orphans(list: RecentEntry[], storedIds: string[]): string[] {
  const used = new Set(list.map((e) => e.stored).filter((x): x is string => x !== null));
  return storedIds.filter((id) => !used.has(id));
}

/** The list from storage text; anything unreadable is left out, never thrown. */
export function parseRecent(text: string | null): RecentEntry[] {
  if (!text) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((x) => {
    const r = RecentEntrySchema.safeParse(x);
    return r.success ? [r.data] : [];
  }).slice(0, MAX_RECENT);
}

