/**
 * The seeded generator of the draws (robustness.md §5): xoshiro128** (Blackman
 * and Vigna, 2018), its 128-bit state filled from the seed by splitmix32.
 * Only 32-bit integer arithmetic (Math.imul, shifts) and one exact division,
 * so a seed gives the same numbers, to the bit, in every engine and on every
 * machine. Never Math.random.
 *
 * Not the generator's mulberry32 (src/generate/prng.ts): one 32-bit state
 * cycles after 2^32 numbers, within reach of 1,000 draws of a few million
 * flows, and gives 32-bit uniforms; a draw here takes 53 bits from a 128-bit state.
 */

export interface Prng {
  /** A double in [0, 1) with 53 random bits. */
  next(): number;
}

/** splitmix32: spreads a 32-bit seed over the state words. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));

/** xoshiro128** seeded with `seed` (an integer; taken modulo 2^32). */
export function createPrng(seed: number): Prng {
  const mix = splitmix32(seed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  if ((a | b | c | d) === 0) a = 1; // the one state xoshiro cannot leave
  const next32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return {
    next() {
      const hi = next32() >>> 5; // 27 bits
      const lo = next32() >>> 6; // 26 bits
      return (hi * 67108864 + lo) / 9007199254740992;
    },
  };
}

/**
 * A draw from the triangular distribution on [low, high] with its mode at
 * `mode`, by the inverse of its distribution function at u in [0, 1).
 */
export function triangular(u: number, low: number, mode: number, high: number): number {
  if (!(high > low)) return mode;
  const width = high - low;
  const left = mode - low;
  if (u * width < left) return low + Math.sqrt(u * width * left);
  return high - Math.sqrt((1 - u) * width * (high - mode));
}
