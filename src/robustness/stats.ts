/** Summaries of a figure's draws (robustness.md §5). */

export interface DrawSummary {
  mean: number;
  p05: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

/** The p-th percentile (p in [0, 1]) of sorted values: linear interpolation between closest ranks, as numpy's default. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const f = h - lo;
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return f === 0 ? a : a + f * (b - a);
}

export function summarize(values: Float64Array): DrawSummary {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return {
    mean: sum / values.length,
    p05: percentile(sorted, 0.05),
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/** The sign threshold of §5: a change within 0.0005 (0.05 percentage points) has no direction. */
export const SIGN_THRESHOLD = 0.0005;
export const signOf = (x: number): -1 | 0 | 1 => (Math.abs(x) <= SIGN_THRESHOLD ? 0 : x > 0 ? 1 : -1);
/** A delta is robust when at least this share of draws agree with the sign of its point value. */
export const ROBUST_AGREE = 0.95;

/** The share of draws whose sign is the point's. */
export function agreement(values: Float64Array, point: number): number {
  const want = signOf(point);
  let same = 0;
  for (let i = 0; i < values.length; i++) if (signOf(values[i]!) === want) same++;
  return same / values.length;
}
