/**
 * The rows of reliance-lanes.ts's sweeps (a loss per lane per node) and the
 * kernel that computes a node's row from its suppliers' rows: most of the
 * failure figures' time on big graphs. It runs in WebAssembly SIMD (lanes.wat)
 * where the engine has it (Node 20, and browsers since 2021), else in
 * JavaScript; both give the same figures to the bit, which a test checks.
 * WebAssembly makes reliance at 10,000 nodes five times faster once both are
 * compiled (docs/scale.md), and it needs no warm-up: the JavaScript is slow until V8 has compiled it, on a report's
 * first run and in each new thread.
 */
import { LANES_WASM_BASE64 } from './lanes-wasm.ts';
import type { SupplyIndex } from './supply-index.ts';

export type LaneEngine = 'wasm' | 'js';

export interface LaneRows {
  readonly engine: LaneEngine;
  /**
   * Node v's lanes at v * stride, then one spare row at `spare` (a cycle's
   * trial values). Not cleared: the caller clears it before each sweep, and
   * must keep every lane past a node's width at 0.
   */
  readonly loss: Float64Array;
  readonly stride: number;
  readonly spare: number;
  /** How many leading lanes of each node's row may be above 0; 0 when none is. Not cleared, as `loss`. */
  readonly width: Uint16Array;
  /**
   * Adds node v's loss from its suppliers in lanes [0, w) to the row at `at`
   * (zeros there), capped at 1; false when no input carries a loss. `w` is at
   * least every supplier's width. The first input is summed straight into
   * place, each further one apart, keeping the larger lane by lane.
   */
  fromSuppliers(v: number, w: number, at: number): boolean;
}

/**
 * Rows for `lanes` lanes per node. The stride is even, so WebAssembly reads
 * rows in whole pairs. The buffers are reused from one call to the next (51
 * MB at 100,000 nodes; a new one per call made V8 collect the whole heap), so
 * a caller must be done with one LaneRows before it asks for the next.
 */
export function laneRows(ix: SupplyIndex, lanes: number, engine: LaneEngine = preferredLaneEngine()): LaneRows {
  const stride = (lanes + 1) & ~1;
  return (engine === 'wasm' && wasmRows(ix, stride)) || jsRows(ix, stride);
}

/** WebAssembly where its module compiles here (it needs SIMD; a page's CSP may forbid it), else JavaScript. */
export const preferredLaneEngine = (): LaneEngine => (wasm() ? 'wasm' : 'js');

// ---- JavaScript

let kept: Float64Array | undefined;
function jsRows(ix: SupplyIndex, stride: number): LaneRows {
  const length = (ix.size + 1) * stride;
  if (!kept || kept.length < length) kept = new Float64Array(length);
  const loss = kept.subarray(0, length);
  const { groupStart, memberStart, memberSource, memberShare } = ix;
  const K: Kernel = { groupStart, memberStart, memberSource, memberShare, width: new Uint16Array(ix.size), loss, acc: new Float64Array(stride), stride };
  return { engine: 'js', loss, stride, spare: ix.size * stride, width: K.width, fromSuppliers: (v, w, at) => fromSuppliers(K, v, w, at) };
}

interface Kernel extends Pick<SupplyIndex, 'groupStart' | 'memberStart' | 'memberSource' | 'memberShare'> {
  width: Uint16Array;
  loss: Float64Array;
  acc: Float64Array;
  stride: number;
}

function fromSuppliers(K: Kernel, v: number, w: number, at: number): boolean {
  const { groupStart, memberStart, memberSource, memberShare, width, loss, acc, stride } = K;
  let any = false;
  const g0 = groupStart[v]!;
  const g1 = groupStart[v + 1]!;
  for (let g = g0; g < g1; g++) {
    const direct = g === g0;
    let seen = false;
    const m1 = memberStart[g + 1]!;
    for (let m = memberStart[g]!; m < m1; m++) {
      const s = memberSource[m]!;
      const ws = width[s]!;
      if (ws === 0) continue;
      const share = memberShare[m]!;
      const from = s * stride;
      if (direct) {
        for (let k = 0; k < ws; k++) loss[at + k]! += share * loss[from + k]!;
      } else if (!seen) {
        // The first supplier of a further input sets its sums (no separate clearing pass).
        for (let k = 0; k < ws; k++) acc[k] = share * loss[from + k]!;
        for (let k = ws; k < w; k++) acc[k] = 0;
      } else {
        for (let k = 0; k < ws; k++) acc[k]! += share * loss[from + k]!;
      }
      seen = true;
    }
    if (!seen) continue;
    any = true;
    if (!direct) for (let k = 0; k < w; k++) if (acc[k]! > loss[at + k]!) loss[at + k] = acc[k]!;
  }
  if (any) for (let k = at; k < at + w; k++) if (loss[k]! > 1) loss[k] = 1;
  return any;
}

// ---- WebAssembly

interface LanesExports {
  setup(groupStart: number, memberStart: number, memberSource: number, memberShare: number, width: number, loss: number, acc: number, strideBytes: number): void;
  fromSuppliers(v: number, w: number, dst: number): number;
}
interface Wasm {
  memory: WebAssembly.Memory;
  exports: LanesExports;
  /** The index whose arrays are in memory (held weakly: the module must not keep a graph alive). */
  placed?: WeakRef<SupplyIndex>;
}

let instance: Wasm | null | undefined;
/** The module, instantiated once per thread; null where it cannot be. */
function wasm(): Wasm | null {
  if (instance !== undefined) return instance;
  try {
    const bytes = Uint8Array.from(atob(LANES_WASM_BASE64), (c) => c.charCodeAt(0));
    const memory = new WebAssembly.Memory({ initial: 1 });
    const module = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    instance = { memory, exports: module.exports as unknown as LanesExports };
  } catch {
    instance = null;
  }
  return instance;
}

const align16 = (bytes: number) => (bytes + 15) & ~15;

/** Grows the memory to at least `bytes`; false when it cannot. */
function reserve(w: Wasm, bytes: number): boolean {
  const lack = bytes - w.memory.buffer.byteLength;
  if (lack <= 0) return true;
  try {
    w.memory.grow(Math.ceil(lack / 65536));
    return true;
  } catch {
    return false;
  }
}

/** Rows in the module's memory, with the index copied there once per index; undefined where the module or the memory is not to be had. */
function wasmRows(ix: SupplyIndex, stride: number): LaneRows | undefined {
  const w = wasm();
  if (!w) return undefined;
  const { size, groupStart, memberStart, memberSource, memberShare } = ix;
  const at = { groupStart: 0, memberStart: 0, memberSource: 0, memberShare: 0, width: 0 };
  let end = 0;
  for (const [name, bytes] of [
    ['groupStart', groupStart.byteLength],
    ['memberStart', memberStart.byteLength],
    ['memberSource', memberSource.byteLength],
    ['memberShare', memberShare.byteLength],
    ['width', size * 2],
  ] as const) {
    at[name] = end;
    end = align16(end + bytes);
  }
  const lossAt = end;
  const accAt = align16(lossAt + (size + 1) * stride * 8);
  if (!reserve(w, accAt + stride * 8)) return undefined;
  const buffer = w.memory.buffer;
  if (w.placed?.deref() !== ix) {
    new Uint32Array(buffer, at.groupStart, groupStart.length).set(groupStart);
    new Uint32Array(buffer, at.memberStart, memberStart.length).set(memberStart);
    new Uint32Array(buffer, at.memberSource, memberSource.length).set(memberSource);
    new Float64Array(buffer, at.memberShare, memberShare.length).set(memberShare);
    w.placed = new WeakRef(ix);
  }
  w.exports.setup(at.groupStart, at.memberStart, at.memberSource, at.memberShare, at.width, lossAt, accAt, stride * 8);
  const { fromSuppliers: kernel } = w.exports;
  return {
    engine: 'wasm',
    loss: new Float64Array(buffer, lossAt, (size + 1) * stride),
    stride,
    spare: size * stride,
    width: new Uint16Array(buffer, at.width, size),
    fromSuppliers: (v, open, row) => kernel(v, open, lossAt + row * 8) !== 0,
  };
}
