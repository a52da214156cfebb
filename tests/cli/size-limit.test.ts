/** The command line's default size limit, scaled with the machine's memory (src/cli/size-limit.ts). */
import { describe, expect, it } from 'vitest';
import { machineLimitWhy, machineMaxBytes } from '../../src/cli/size-limit.ts';
import { DEFAULT_MAX_BYTES } from '../../src/io/load.ts';

const GB = 1024 ** 3;

describe('the default size limit', () => {
  it('is 1/24 of the memory, at least the 256 MB that a 300,000-node file needs and at most 1 GB', () => {
    expect(DEFAULT_MAX_BYTES).toBe(256 * 1024 * 1024);
    expect(machineMaxBytes(2 * GB)).toBe(DEFAULT_MAX_BYTES);
    expect(machineMaxBytes(12 * GB)).toBe(GB / 2);
    expect(machineMaxBytes(64 * GB)).toBe(GB);
    expect(machineLimitWhy(24 * GB)).toBe(", set from this machine's 24 GB of memory");
  });
});
