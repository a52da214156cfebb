/**
 * The command line's default size limit, from what this machine can hold
 * (issue 24): a report takes about 13 times its file's size in memory (a
 * 300,000-node file of 185 MB peaks at about 2.5 GB), so files up to 1/24 of
 * the memory are read, at least DEFAULT_MAX_BYTES (256 MB: 300,000 nodes load
 * everywhere) and at most 1 GB. --max-size overrides it.
 */
import { totalmem } from 'node:os';
import { DEFAULT_MAX_BYTES } from '../io/load.ts';

const MAX_DEFAULT = 1024 ** 3;

export function machineMaxBytes(memory: number = totalmem()): number {
  return Math.max(DEFAULT_MAX_BYTES, Math.min(MAX_DEFAULT, Math.floor(memory / 24)));
}

/** Said after "the size limit" when a file is refused at the default. */
export const machineLimitWhy = (memory: number = totalmem()) => `, set from this machine's ${(memory / 1024 ** 3).toFixed(0)} GB of memory`;
