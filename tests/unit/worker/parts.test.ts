import { describe, expect, it } from 'vitest';
import { decodeRecords, encodeRecords, PartsJoiner, PREVIEW_DOCUMENT, sameAsPreview, splitMessage, withPreviewDocument } from '../../../src/worker/protocol.ts';

const view = (n: number) => {
  const nodes = Array.from({ length: n }, (_, i) => ({ key: `n${i}`, attributes: { label: `N ${i}`, kind: 'supplier', country: 'TW' } }));
  const edges = Array.from({ length: n - 1 }, (_, i) => ({ key: `e${i}`, source: `n${i}`, target: `n${i + 1}`, attributes: { input: 'x', value: i + 0.5 } }));
  const pos = Object.fromEntries(nodes.map((x, i) => [x.key, { x: i * 1.25, y: -i }]));
  return {
    scenario: 'baseline',
    document: { attributes: { title: 't' }, nodes, edges },
    changes: { addedNodes: [], removedNodes: [], changedNodes: [], addedEdges: [], removedEdges: [], changedEdges: [] },
    throughput: Object.fromEntries(nodes.map((x, i) => [x.key, i * 3])),
    shares: Float64Array.from(edges, (_e, i) => (i % 7 === 0 ? NaN : i / n)),
    ends: Int32Array.from(edges.flatMap((_e, i) => [i, i + 1])),
    layouts: { tiered: pos, geographic: { ...pos, extra: { x: 1, y: 2 } } },
  };
};

describe('messages in parts', () => {
  it('leaves small messages as they are', () => {
    const message = { id: 1, type: 'preview', view: view(5) };
    const split = splitMessage(message, 10);
    expect(split.parts).toEqual([]);
    expect(split.message).toBe(message);
  });

  it('joins a view and a document split in parts back to equal ones, without touching the original', () => {
    const original = { id: 7, type: 'preview', view: view(25) };
    const copy = structuredClone(original);
    const split = splitMessage(original, 4);
    expect(original).toEqual(copy);
    expect(split.parts.length).toBeGreaterThan(10);
    expect(split.message.view.document.nodes).toEqual([]);
    expect(split.message.view.throughput).toEqual({});
    // The shares are one typed array already: they cross whole.
    expect(split.message.view.shares).toBe(original.view.shares);
    const joiner = new PartsJoiner();
    for (const part of structuredClone(split.parts)) joiner.add(part);
    const joined = joiner.fill(structuredClone(split.message));
    expect(joined).toEqual(copy);
    expect(Object.keys(joined.view.throughput)).toEqual(Object.keys(copy.view.throughput));
    expect(joined.view.layouts.geographic.extra).toEqual({ x: 1, y: 2 });
  });

  it('sends the numbers of records keyed as the document\'s items, in their order, without their keys', () => {
    const original = { id: 8, type: 'preview', view: view(25) };
    const split = splitMessage(original, 4);
    const keysOf = (path: string) => split.parts.filter((p) => p.path === path).map((p) => (p.kind === 'records' || p.kind === 'same' ? null : p.keys));
    expect(keysOf('view.throughput')[0]).toEqual({ along: 'view.document.nodes', from: 0 });
    expect(keysOf('view.layouts.tiered')[1]).toEqual({ along: 'view.document.nodes', from: 8 });
    // One key more than the nodes: listed.
    expect(keysOf('view.layouts.geographic').every(Array.isArray)).toBe(true);

    // Keys that read as numbers come out of Object.keys in numeric order, not the document's: listed too, and joined right.
    const v = view(25);
    v.document.nodes.forEach((n, i) => (n.key = String(24 - i)));
    v.throughput = Object.fromEntries(v.document.nodes.map((n, i) => [n.key, i]));
    const numeric = splitMessage({ id: 9, type: 'preview', view: v }, 4);
    expect(numeric.parts.filter((p) => p.path === 'view.throughput').every((p) => p.kind !== 'records' && p.kind !== 'same' && Array.isArray(p.keys))).toBe(true);
    const joiner = new PartsJoiner();
    for (const part of structuredClone(numeric.parts)) joiner.add(part);
    const joined = joiner.fill(structuredClone(numeric.message));
    expect(joined.view.throughput).toEqual(v.throughput);
    expect(joined.view.throughput['24']).toBe(0);
  });

  it('sends a record the view holds twice (a file without positions: "as in the file" is the tiered layout) once, and joins the same object at both', () => {
    const v = view(25);
    const twice = { ...v, layouts: { ...v.layouts, file: v.layouts.tiered } };
    const split = splitMessage({ id: 10, type: 'preview', view: twice }, 4);
    const file = split.parts.filter((p) => p.path === 'view.layouts.file');
    expect(file).toEqual([{ id: 10, type: 'part', path: 'view.layouts.file', kind: 'same', as: 'view.layouts.tiered' }]);
    expect(split.message.view.layouts.file).toEqual({});
    const joiner = new PartsJoiner();
    for (const part of structuredClone(split.parts)) joiner.add(part);
    const joined = joiner.fill(structuredClone(split.message));
    expect(joined.view.layouts.file).toBe(joined.view.layouts.tiered);
    expect(joined.view.layouts.file).toEqual(v.layouts.tiered);
    // Equal but not the same object: sent twice.
    const copies = splitMessage({ id: 11, type: 'preview', view: { ...v, layouts: { ...v.layouts, file: { ...v.layouts.tiered } } } }, 4);
    expect(copies.parts.filter((p) => p.path === 'view.layouts.file').every((p) => p.kind === 'positions')).toBe(true);
  });

  it('splits the document of a load answer', () => {
    const v = view(12);
    const original = { id: 3, type: 'load', result: { ok: true, loaded: { document: v.document, warnings: [], report: { scenarios: [] } } } };
    const split = splitMessage(original, 5);
    expect(split.parts.map((p) => p.path)).toContain('result.loaded.document.edges');
    const joiner = new PartsJoiner();
    for (const part of split.parts) joiner.add(part);
    expect(joiner.fill(structuredClone(split.message))).toEqual(original);
  });

  it('forgets half-joined answers when cleared (a worker that crashed), and joins later ones', () => {
    const split = splitMessage({ id: 4, type: 'preview', view: view(12) }, 5);
    const joiner = new PartsJoiner();
    joiner.add(split.parts[0]!);
    expect(split.parts[0]!.path).toBe('view.document.nodes');
    joiner.clear();
    expect(joiner.fill(structuredClone(split.message)).view.document.nodes).toEqual([]);
    for (const part of split.parts) joiner.add(part);
    expect(joiner.fill(structuredClone(split.message)).view.document.nodes).toHaveLength(12);
  });
});

describe('a preview whose document went ahead', () => {
  it('sends the document lists once, before the view, and joins the view equal to the original', () => {
    const original = { id: 12, type: 'preview', view: view(25) };
    const copy = structuredClone(original);
    const ahead = splitMessage({ id: 12, view: { document: original.view.document } }, 4);
    expect(new Set(ahead.parts.map((p) => p.path))).toEqual(new Set(['view.document.nodes', 'view.document.edges']));
    const split = splitMessage(original, 4, ahead.lists);
    // Nothing of the document again; the numbers still go along its nodes, without their keys.
    expect(split.parts.some((p) => p.path.startsWith('view.document'))).toBe(false);
    expect(split.parts.find((p) => p.path === 'view.throughput')).toMatchObject({ keys: { along: 'view.document.nodes', from: 0 } });
    expect(split.message.view.document.nodes).toEqual([]);
    const joiner = new PartsJoiner();
    for (const part of structuredClone([...ahead.parts, ...split.parts])) joiner.add(part);
    expect(joiner.fill(structuredClone(split.message))).toEqual(copy);
  });

  it('sends a list again when the view holds another one than the list sent ahead', () => {
    const original = { id: 13, type: 'preview', view: view(25) };
    const ahead = splitMessage({ id: 13, view: { document: view(25).document } }, 4);
    const split = splitMessage(original, 4, ahead.lists);
    expect(split.parts.filter((p) => p.path === 'view.document.nodes').length).toBeGreaterThan(0);
  });

  it('leaves out parts sent ahead of a message that never came, when the answer that came has no place for them', () => {
    const ahead = splitMessage({ id: 14, view: { document: view(12).document } }, 5);
    const joiner = new PartsJoiner();
    for (const part of ahead.parts) joiner.add(part);
    expect(joiner.fill({ id: 14, type: 'error', message: 'the layout failed' })).toEqual({ id: 14, type: 'error', message: 'the layout failed' });
    // And they are gone: a later answer with that id is not filled with them.
    expect(joiner.fill({ id: 14, type: 'preview', view: { document: { nodes: [] } } }).view.document.nodes).toEqual([]);
  });
});

describe('records as flat values', () => {
  it('decodes to equal records, field and attribute order kept, odd items and names included', () => {
    const proto = JSON.parse('{"key":"p","attributes":{"__proto__":"x","label":"P"}}');
    const items: unknown[] = [
      { key: 'a', attributes: { label: 'A', kind: 'foundry', sources: ['s1', 's2'] } },
      { source: 'a', target: 'b', key: '~1', attributes: { value: 3.5, input: 'wafers', range: { low: 1, high: 4 } } },
      { attributes: {}, key: 'empty' },
      { key: 'no-attributes' },
      { key: '.dot', '.odd': 1, '-odd': 2, attributes: { '.': null, '': undefined } },
      proto,
      'a string',
      null,
      [1, 2],
      {},
    ];
    const decoded = decodeRecords(structuredClone(encodeRecords(items)));
    expect(decoded).toEqual(items);
    decoded.forEach((d, i) => {
      if (typeof d === 'object' && d !== null) expect(JSON.stringify(d)).toBe(JSON.stringify(items[i]));
    });
    const p = decoded[5] as { attributes: object };
    expect(Object.getPrototypeOf(p.attributes)).toBe(Object.prototype);
    expect(Object.keys(p.attributes)).toEqual(['__proto__', 'label']);
  });

  it('tells apart records that differ from the one before by a field, an attribute, their order or an empty attributes', () => {
    const items = [
      { key: 'a', attributes: { label: 'A' } },
      { key: 'b', attributes: { label: 'B', kind: 'x' } },
      { key: 'c', attributes: {} },
      { key: 'd', attributes: { label: 'D' } },
      { key: 'e', attributes: { lab: 1 } },
      { key: 'e2', attributes: { lbael: 1 } },
      { attributes: { label: 'F' }, key: 'f' },
      { key: 'g', attributes: [1] },
      { key: 'h' },
      { key: 'i', source: 'a', attributes: { label: 'I' } },
      { key: 'j', attributes: { label: 'J' } },
    ];
    const decoded = decodeRecords(structuredClone(encodeRecords(items)));
    expect(decoded.map((d) => JSON.stringify(d))).toEqual(items.map((d) => JSON.stringify(d)));
  });

  it('shares one shape among records with the same names', () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ source: `n${i}`, target: `n${i + 1}`, attributes: { input: 'x', value: i } }));
    const encoded = encodeRecords(items);
    expect(encoded.shapes).toHaveLength(1);
    expect(encoded.values).toHaveLength(400);
  });
});

describe('the document sent once', () => {
  it("leaves out an open answer's document when it is its preview's, and the page puts it back", () => {
    const doc = { attributes: { title: 't' }, nodes: [], edges: [] };
    const answer = { id: 5, type: 'open', result: { status: 'loaded', loaded: { document: doc, warnings: [], report: {} }, scenariosAdded: false } };
    const sent = sameAsPreview(answer, doc);
    expect(sent.result.loaded.document).toBe(PREVIEW_DOCUMENT);
    expect(answer.result.loaded.document).toBe(doc);
    const pageCopy = structuredClone(doc);
    expect(withPreviewDocument(structuredClone(sent), pageCopy).result.loaded.document).toBe(pageCopy);
    // Another document, no preview, or another answer: sent as it is.
    expect(sameAsPreview(answer, structuredClone(doc))).toBe(answer);
    expect(sameAsPreview(answer, undefined)).toBe(answer);
    const view = { id: 6, type: 'view', view: { document: doc } };
    expect(sameAsPreview(view, doc)).toBe(view);
    expect(withPreviewDocument(structuredClone(answer), pageCopy).result.loaded.document).toEqual(doc);
  });
});
