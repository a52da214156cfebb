/**
 * A small seeded PRNG (mulberry32): the same seed gives the same graph on
 * every machine and Node version, which Math.random cannot promise.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An index in [0, n) with small indices far likelier: floor(n·u^skew), so P(index < k) = (k/n)^(1/skew), a density ∝ rank^-(1 - 1/skew) (rank^-0.6 at skew 2.5). */
  zipf(n: number, skew?: number): number;
  /** A Pareto draw >= 1 with tail index alpha (smaller: heavier tail). */
  pareto(alpha: number): number;
  pick<T>(items: readonly T[]): T;
}

export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    // u^skew concentrates draws near 0: P(index < k) = (k/n)^(1/skew).
    zipf: (n, skew = 2.5) => Math.min(n - 1, Math.floor(n * next() ** skew)),
    pareto: (alpha) => (1 - next()) ** (-1 / alpha),
    pick: (items) => items[int(items.length)]!,
  };
}
