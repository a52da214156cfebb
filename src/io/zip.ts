/**
 * Zip archives read without trusting what they say: the central directory is
 * read first and every entry judged by its name and declared size before a
 * byte is inflated (a zip inside the zip, a name used twice, a `../` or
 * absolute name, an entry over the limit are refused with the zip's name and
 * the entry's); then each entry is inflated as a stream that stops as soon as
 * it passes its declared size or the one budget all the entries of a load
 * share, whichever comes first, and says which. An 8 KB zip that declares
 * small entries and holds gigabytes costs a few milliseconds, not minutes.
 */
import { Inflate } from 'fflate';
import type { Problem } from '../model/problem.ts';
import type { FileInput } from './formats/types.ts';

/** What inflating may still produce, over every zip of one load (and every entry of each). */
export interface InflateBudget {
  /** Bytes left. */
  left: number;
  /** The budget at the start, for the message. */
  readonly total: number;
}

export const newBudget = (bytes: number): InflateBudget => ({ left: bytes, total: bytes });

/** The compressed bytes fed to the inflater at a time: deflate expands at most ~1,032 times, so at most ~4 MB come out per step. */
const STEP = 4096;
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END = 0x06054b50;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`);
const u16 = (d: Uint8Array, i: number) => d[i]! | (d[i + 1]! << 8);
const u32 = (d: Uint8Array, i: number) => (d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24)) >>> 0;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  /** The offset of its local header. */
  local: number;
}

/** Entries a zip tool adds beside the files: folders, macOS resource forks, hidden files. */
const isClutter = (name: string) => name.endsWith('/') || /(^|\/)(__MACOSX|\.)/.test(name);
/** A name that would climb out of a folder or start at the root, were the zip unpacked. */
const isUnsafeName = (name: string) => /(^|[\\/])\.\.([\\/]|$)/.test(name) || /^([\\/]|[A-Za-z]:)/.test(name);

/** A refusal: what was expected of the zip or entry, and what was found (the message). */
class Refused extends Error {
  constructor(readonly expected: string, found: string) {
    super(found);
  }
}
const ENTRY = 'an entry that inflates to the size its zip declares, within the size limit';

function readDirectory(bytes: Uint8Array): Entry[] {
  let end = bytes.length - 22;
  while (end >= 0 && u32(bytes, end) !== END) {
    if (bytes.length - end > 22 + 65535) end = -1;
    else end--;
  }
  if (end < 0) throw new Refused('a readable zip archive', 'no zip directory (the end of the file is not a zip)');
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new Refused('a readable zip archive', 'a ZIP64 archive (a graph file needs no zip over 4 GB)');
  const entries: Entry[] = [];
  const names = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_HEADER) throw new Refused('a readable zip archive', `a broken zip directory (entry ${i + 1} of ${count})`);
    const nameLength = u16(bytes, at + 28);
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > bytes.length) throw new Refused('a readable zip archive', `a broken zip directory (entry ${i + 1} of ${count})`);
    entries.push({
      method: u16(bytes, at + 10),
      compressed: u32(bytes, at + 20),
      declared: u32(bytes, at + 24),
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      local: u32(bytes, at + 42),
    });
    at = next;
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header. */
function dataOf(bytes: Uint8Array, entry: Entry): Uint8Array {
  const at = entry.local;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_HEADER) throw new Refused('a readable zip entry', 'a broken local header');
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressed > bytes.length) throw new Refused('a readable zip entry', `${formatBytes(entry.compressed)} of compressed data, more than the file holds`);
  return bytes.subarray(start, start + entry.compressed);
}

/** Inflates one entry, stopping past its declared size or the budget; a zip inside is refused at its first bytes. */
function inflateEntry(data: Uint8Array, entry: Entry, budget: InflateBudget, maxBytes: number): Uint8Array {
  const limit = Math.min(entry.declared, budget.left);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const take = (chunk: Uint8Array) => {
    if (size === 0 && chunk.length >= 4 && ZIP_MAGIC.every((b, i) => chunk[i] === b)) throw new Refused('no zip inside a zip', 'a zip (refused at its first bytes, before it is unpacked)');
    size += chunk.length;
    if (size > limit) {
      throw new Refused(
        ENTRY,
        entry.declared <= budget.left
          ? `more than the ${formatBytes(entry.declared)} its directory declares (inflating stopped there)`
          : `more than the ${formatBytes(budget.total)} all the entries together may hold (the size limit${maxBytes === budget.total ? '; raise it with --max-size' : ''}; inflating stopped there)`,
      );
    }
    chunks.push(chunk);
  };
  if (entry.method === 0) take(data);
  else if (entry.method === 8) {
    const inflater = new Inflate((chunk) => {
      if (chunk.length) take(chunk);
    });
    for (let i = 0; i < data.length; i += STEP) inflater.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } else throw new Refused('a stored or deflated entry', `compression method ${entry.method} (only stored and deflated entries are read)`);
  if (size !== entry.declared) throw new Refused(ENTRY, `${formatBytes(size)}, where its directory declares ${formatBytes(entry.declared)}`);
  budget.left -= size;
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const problem = (file: string, expected: string, found: string): Problem => ({ severity: 'error', file, path: '', expected, found });

/**
 * The files of a zip, every entry checked before it is inflated and counted
 * against `budget` while it is; each refusal is a problem naming the zip and
 * the entry (`data.zip:nodes.csv`). `maxBytes` is the limit of one entry.
 */
export function unzipEntries(name: string, bytes: Uint8Array, maxBytes: number, budget: InflateBudget, problems: Problem[]): FileInput[] {
  let entries: Entry[];
  try {
    entries = readDirectory(bytes);
  } catch (cause) {
    if (!(cause instanceof Refused)) throw cause;
    problems.push(problem(name, cause.expected, cause.message));
    return [];
  }
  const where = (entry: string) => `${name}:${entry}`;
  const before = problems.length;
  const seen = new Set<string>();
  const wanted: Entry[] = [];
  for (const entry of entries) {
    // Names are compared as a zip tool unpacks them: case aside, "./" and "\" as "/".
    const same = entry.name.replace(/\\/g, '/').replace(/^(\.\/)+/, '').toLowerCase();
    if (seen.has(same)) problems.push(problem(where(entry.name), 'each name once in a zip (which of the two is meant?)', `"${entry.name}" again`));
    seen.add(same);
    if (isUnsafeName(entry.name)) problems.push(problem(where(entry.name), 'an entry name inside the zip (no "../", no leading "/" or drive)', `"${entry.name}"`));
    else if (isClutter(entry.name)) continue;
    else if (/\.zip$/i.test(entry.name)) problems.push(problem(where(entry.name), 'no zip inside a zip (refused before it is unpacked)', 'a .zip entry'));
    else if (entry.declared > maxBytes) problems.push(problem(where(entry.name), `a file of at most ${formatBytes(maxBytes)} (the size limit; raise it with --max-size)`, formatBytes(entry.declared)));
    else wanted.push(entry);
  }
  const declared = wanted.reduce((sum, e) => sum + e.declared, 0);
  if (problems.length === before && declared > budget.left) {
    problems.push(problem(name, `entries of at most ${formatBytes(budget.total)} together (the size limit; raise it with --max-size)`, `${formatBytes(declared)} declared${budget.left < budget.total ? ` beside ${formatBytes(budget.total - budget.left)} already read` : ''}`));
  }
  if (problems.length > before) return [];
  if (!wanted.length) {
    const held = entries.length ? `only ${entries.slice(0, 6).map((e) => `"${e.name}"`).join(', ')}${entries.length > 6 ? ` and ${entries.length - 6} more` : ''}` : 'an empty zip';
    problems.push(problem(name, 'a zip holding a graph file (a .json, .gexf, .graphml, or nodes.csv and flows.csv)', held));
    return [];
  }
  const out: FileInput[] = [];
  for (const entry of wanted) {
    try {
      out.push({ name: where(entry.name), bytes: inflateEntry(dataOf(bytes, entry), entry, budget, maxBytes) });
    } catch (cause) {
      if (cause instanceof Refused) problems.push(problem(where(entry.name), cause.expected, cause.message));
      else problems.push(problem(where(entry.name), 'a readable zip entry', `broken deflate data (${cause instanceof Error ? cause.message : String(cause)})`));
      return [];
    }
  }
  return out;
}
