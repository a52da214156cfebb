/**
 * A file's bytes read with a cap, whatever the file is (issue 20, item 7): a
 * regular file over the limit is refused from its size before a byte is read;
 * anything else (a device such as /dev/zero, a named pipe, /dev/stdin) is read
 * in chunks that stop one byte past the limit, and a named pipe is opened
 * without blocking, so that one nobody writes to ends at once instead of
 * hanging, and one that stays silent ends after `quietMs`.
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';

export type Capped = { ok: true; bytes: Uint8Array } | { ok: false; over: number } | { ok: false; silent: number };

const CHUNK = 1 << 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The bytes of `path` up to `max`; `over` when there are more (the size, or `max + 1` for a stream), `silent` when a pipe sent nothing for `quietMs`. */
export async function readCapped(path: string, max: number, quietMs = 10_000): Promise<Capped> {
  const info = await stat(path);
  if (info.isFile() && info.size > max) return { ok: false, over: info.size };
  const fifo = info.isFIFO();
  const handle = await open(path, constants.O_RDONLY | (fifo ? constants.O_NONBLOCK : 0));
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let quietSince = Date.now();
    for (;;) {
      const room = Math.min(CHUNK, max + 1 - total);
      const buffer = new Uint8Array(room);
      let read: number;
      try {
        ({ bytesRead: read } = await handle.read(buffer, 0, room, null));
      } catch (cause) {
        // A pipe with a writer that has not written yet.
        if ((cause as NodeJS.ErrnoException).code !== 'EAGAIN') throw cause;
        if (Date.now() - quietSince > quietMs) return { ok: false, silent: quietMs };
        await sleep(20);
        continue;
      }
      if (read === 0) break;
      quietSince = Date.now();
      chunks.push(buffer.subarray(0, read));
      total += read;
      if (total > max) return { ok: false, over: total };
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    return { ok: true, bytes };
  } finally {
    await handle.close();
  }
}
