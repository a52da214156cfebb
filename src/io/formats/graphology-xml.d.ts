// The DOM-free parts of graphology-gexf we use: its value casting (the GEXF reader casts as the
// library's parser did) and its writer.
declare module 'graphology-gexf/common/helpers.js' {
  /** A GEXF attribute value cast by its declared type: numbers, booleans, `list…` types as arrays, the rest as text. */
  export function parseValue(type: string, text: string): unknown;
}
declare module 'graphology-gexf/common/writer.js' {
  import type { AbstractGraph, Attributes } from 'graphology-types';
  interface Formatted {
    label?: string;
    /** Lists are written as GEXF `liststring` and the like. */
    attributes?: Record<string, string | number | boolean | string[]>;
    /** An edge's weight attribute. */
    weight?: number;
    /** color, size, x, y, z, shape, thickness: written as viz elements. */
    viz?: Record<string, unknown>;
  }
  const write: (
    graph: AbstractGraph,
    options?: { formatNode?: (key: string, attributes: Attributes) => Formatted; formatEdge?: (key: string, attributes: Attributes) => Formatted; pretty?: boolean; version?: '1.2' | '1.3' },
  ) => string;
  export default write;
}
