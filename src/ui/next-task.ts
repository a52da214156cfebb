/** Resolves in a task of its own, after what is queued (a message, not a timer: no 4 ms clamp). */
export const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/** The browser's next idle moment, at most `timeout` ms away; the next task where there is no requestIdleCallback. */
export const idle = (timeout: number): Promise<void> =>
  typeof requestIdleCallback === 'function' ? new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout })) : nextTask();

/** Runs a job of steps to its end at once. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs a job of steps to its end in slices of about `sliceMs`, each in a task of its own (the main thread given back between them). */
export async function inSlices<T>(steps: Generator<void, T>, sliceMs: number): Promise<T> {
  let start = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - start > sliceMs) {
      await nextTask();
      start = performance.now();
    }
  }
}

/**
 * Runs a job of steps to its end in slices of about `sliceMs`, each in an idle moment of the browser (at most
 * `timeout` ms away): a scan of a big document warmed while the figures are computed, without a long task.
 */
export async function inIdleSlices<T>(steps: Generator<void, T>, sliceMs = 8, timeout = 2000): Promise<T> {
  for (;;) {
    await idle(timeout);
    const start = performance.now();
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      if (performance.now() - start > sliceMs) break;
    }
  }
}

/** How many items a scan goes through between two of its steps. */
export const SCAN_STEP = 2000;

/** A scan kept per object (a document, its nodes): its answer once made, a step at a time or at once. */
export interface KeptScan<A, V> {
  /** The scan a step at a time (warm-document.ts warms it while a big graph's figures are computed); the kept answer at once. */
  steps(of: A): Generator<void, V>;
  /** The answer: the kept one, else scanned at once. */
  now(of: A): V;
}

/** `scan` kept per `keyOf(of)`, for as long as that object is (the panels ask at each drawing). */
export function keptScan<A, V>(keyOf: (of: A) => object, scan: (of: A) => Generator<void, V>): KeptScan<A, V> {
  const kept = new WeakMap<object, V>();
  function* steps(of: A): Generator<void, V> {
    const key = keyOf(of);
    if (kept.has(key)) return kept.get(key)!;
    const value = yield* scan(of);
    kept.set(key, value);
    return value;
  }
  return { steps, now: (of) => drain(steps(of)) };
}
