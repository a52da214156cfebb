/**
 * The size rule of the app's graph and the report's picture: a node's value
 * (its impact on the buyer, its throughput, …) against the largest, by the
 * square root, from 3 to 17 (sigma's units; the report scales them).
 */
export const NODE_SIZE_MIN = 3;
export const NODE_SIZE_SPAN = 14;
/** Where no value is known. */
export const NODE_SIZE_NONE = 4;

export const nodeSize = (value: number, max: number): number => (max > 0 ? NODE_SIZE_MIN + NODE_SIZE_SPAN * Math.sqrt(Math.max(0, value) / max) : NODE_SIZE_NONE);
