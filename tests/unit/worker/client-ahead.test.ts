/** The page's engine client with a worker played by the test: a big preview's document and figures sent ahead of it. */
import { describe, expect, it } from 'vitest';
import { createEngineClient } from '../../../src/worker/client.ts';
import { splitMessage, type ViewAhead } from '../../../src/worker/protocol.ts';

function fakeWorker() {
  const posted: { id: number; type: string }[] = [];
  const worker = {
    onmessage: null as ((event: { data: unknown }) => void) | null,
    onerror: null as unknown,
    postMessage: (message: { id: number; type: string }) => posted.push(message),
    terminate: () => {},
  };
  const send = (data: unknown) => worker.onmessage!({ data: structuredClone(data) });
  return { worker, posted, send };
}

const documentOf = (n: number) => ({
  attributes: { title: 't' },
  nodes: Array.from({ length: n }, (_, i) => ({ key: `n${i}`, attributes: { label: `N ${i}`, kind: 'supplier', country: 'TW' } })),
  edges: Array.from({ length: n - 1 }, (_, i) => ({ key: `e${i}`, source: `n${i}`, target: `n${i + 1}`, attributes: { input: 'x', value: i } })),
});

describe('a preview sent ahead of its layouts', () => {
  it('hands the page the joined nodes and flows with their figures, the very lists its preview then holds', async () => {
    const { worker, posted, send } = fakeWorker();
    const client = createEngineClient(worker as unknown as Worker);
    const aheads: ViewAhead[] = [];
    const previews: { document: { nodes: unknown[] } }[] = [];
    const answer = client.request({ type: 'open', files: [], file: 'g.json' }, undefined, (view) => previews.push(view as never), (ahead) => aheads.push(ahead));
    const id = posted[0]!.id;
    const document = documentOf(9000);
    const ends = Int32Array.from({ length: 2 * 8999 }, (_, i) => (i >> 1) + (i & 1));
    const shares = Float64Array.from({ length: 8999 }, (_, i) => i / 9000);
    const ahead = splitMessage({ id, view: { document } });
    for (const part of ahead.parts) send(part);
    send({ id, type: 'ahead', ends, shares });
    expect(aheads).toHaveLength(1);
    expect(aheads[0]!.document.nodes).toEqual(document.nodes);
    expect(aheads[0]!.document.edges).toEqual(document.edges);
    expect([...aheads[0]!.ends]).toEqual([...ends]);
    expect([...aheads[0]!.shares]).toEqual([...shares]);
    // As the worker sends it: the figures moved ahead are named, not carried again.
    const preview = splitMessage({ id, type: 'preview', view: { scenario: 'baseline', document, ends: new Int32Array(0), shares: new Float64Array(0) }, figuresAhead: true }, undefined, ahead.lists);
    for (const part of preview.parts) send(part);
    send(preview.message);
    expect(previews).toHaveLength(1);
    expect(previews[0]!.document.nodes).toBe(aheads[0]!.document.nodes);
    expect((previews[0] as unknown as ViewAhead).ends).toBe(aheads[0]!.ends);
    expect((previews[0] as unknown as ViewAhead).shares).toBe(aheads[0]!.shares);
    send({ id, type: 'error', message: 'stop here' });
    expect(await answer).toEqual({ type: 'error', message: 'stop here' });
  });

  it('leaves a preview that carries its own figures as it is', () => {
    const { worker, posted, send } = fakeWorker();
    const client = createEngineClient(worker as unknown as Worker);
    const previews: ViewAhead[] = [];
    void client.request({ type: 'open', files: [], file: 'g.json' }, undefined, (view) => previews.push(view));
    const id = posted[0]!.id;
    send({ id, type: 'ahead', ends: Int32Array.of(9, 9), shares: Float64Array.of(0.9) });
    send({ id, type: 'preview', view: { scenario: 'baseline', document: documentOf(3), ends: Int32Array.of(0, 1), shares: Float64Array.of(0.5) } });
    expect([...previews[0]!.ends]).toEqual([0, 1]);
    expect([...previews[0]!.shares]).toEqual([0.5]);
  });

  it('is not handed on for a document small enough to come whole in its preview', () => {
    const { worker, posted, send } = fakeWorker();
    const client = createEngineClient(worker as unknown as Worker);
    const aheads: ViewAhead[] = [];
    void client.request({ type: 'open', files: [], file: 'g.json' }, undefined, undefined, (ahead) => aheads.push(ahead));
    send({ id: posted[0]!.id, type: 'ahead', ends: new Int32Array(0), shares: new Float64Array(0) });
    expect(aheads).toEqual([]);
  });
});
