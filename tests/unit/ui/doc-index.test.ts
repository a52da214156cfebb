import { describe, expect, it } from 'vitest';
import { edgeOf, nodeOf } from '../../../src/ui/doc-index.ts';
import { makeDoc } from '../../helpers/load.ts';
import type { GraphDocument } from '../../../src/model/schema.ts';

describe('doc-index', () => {
  it('finds nodes and flows by key, a keyless flow by ~position, and follows a new document', () => {
    const doc = makeDoc([['a', 'foundry', 'TW'], ['b', 'demand', 'JP']], [['a', 'b', 'chips', 1], ['a', 'b', 'wafers', 2]]) as GraphDocument;
    doc.edges[0]!.key = 'e0';
    expect(nodeOf(doc, 'b')).toBe(doc.nodes[1]);
    expect(nodeOf(doc, 'zz')).toBeUndefined();
    expect(edgeOf(doc, 'e0')).toBe(doc.edges[0]);
    expect(edgeOf(doc, '~1')).toBe(doc.edges[1]);
    expect(edgeOf(doc, '~0')).toBeUndefined();
    // Another document (an edit gives a new one) has its own index.
    const next = { ...doc, nodes: doc.nodes.slice(0, 1) };
    expect(nodeOf(next, 'b')).toBeUndefined();
    expect(nodeOf(doc, 'b')).toBe(doc.nodes[1]);
  });
});
