// The DOM-agnostic halves of graphology-gexf and graphology-graphml: parser factories that take a
// DOMParser and Document class (we pass @xmldom/xmldom's, the same in Node, workers and the page),
// and the GEXF writer.
declare module 'graphology-gexf/common/parser.js' {
  import type { AbstractGraph, GraphConstructor } from 'graphology-types';
  type Parse = (Graph: GraphConstructor, source: unknown, options?: { addMissingNodes?: boolean; allowUndeclaredAttributes?: boolean; respectInputGraphType?: boolean }) => AbstractGraph;
  const createParserFunction: (DOMParser: unknown, Document: unknown) => Parse;
  export default createParserFunction;
}
declare module 'graphology-graphml/common/parser.js' {
  import type { AbstractGraph, GraphConstructor } from 'graphology-types';
  type Parse = (Graph: GraphConstructor, source: unknown, options?: { addMissingNodes?: boolean }) => AbstractGraph;
  const createParserFunction: (DOMParser: unknown, Document: unknown) => Parse;
  export default createParserFunction;
}
declare module 'graphology-gexf/common/writer.js' {
  import type { AbstractGraph, Attributes } from 'graphology-types';
  interface Formatted {
    label?: string;
    attributes?: Record<string, string | number | boolean>;
  }
  const write: (
    graph: AbstractGraph,
    options?: { formatNode?: (key: string, attributes: Attributes) => Formatted; formatEdge?: (key: string, attributes: Attributes) => Formatted; pretty?: boolean; version?: '1.2' | '1.3' },
  ) => string;
  export default write;
}
