export { generateGraph, checkGenerateOptions, minFlows, MIN_NODES, type GenerateOptions } from './generate.ts';
export { createRng, type Rng } from './prng.ts';
