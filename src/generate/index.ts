export { generateGraph, checkGenerateOptions, minFlows, MIN_NODES, MAX_NODES, MAX_FLOWS, type GenerateOptions } from './generate.ts';
export { createRng, type Rng } from './prng.ts';
