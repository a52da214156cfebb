import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/worker/engine.ts';
import type { EngineResult, GraphView } from '../../../src/worker/protocol.ts';
import { repoPath } from '../../helpers/load.ts';

const text = readFileSync(repoPath('graphs/japan-us-taiwan.json'), 'utf8');
const bytes = new TextEncoder().encode(text);

/** The document the page holds after an answer (the preview's, when the answer stands for it). */
function shownDocument(result: EngineResult, preview: GraphView | null): unknown {
  if (result.type === 'open' && result.result.status === 'loaded') return result.result.loaded.document ?? preview?.document;
  if (result.type === 'edited' && result.result.ok) return result.result.loaded.document;
  if (result.type === 'load' && result.result.ok) return result.result.loaded.document;
  throw new Error(`no document in ${JSON.stringify(result).slice(0, 200)}`);
}

function opened() {
  const engine = new Engine();
  let preview: GraphView | null = null;
  const answer = engine.handle({ type: 'open', id: 1, files: [{ name: 'g.json', bytes }], file: 'g.json' }, () => {}, (v) => (preview = v));
  return { engine, document: shownDocument(answer, preview) };
}

describe("the autosave's texts, written in the worker", () => {
  it('are the JSON of the document the page shows, with the original the same string while nothing is edited', () => {
    const { engine, document } = opened();
    const texts = engine.savedTexts();
    expect(texts.text).toBe(JSON.stringify(document));
    expect(texts.original).toBe(texts.text);
  });

  it('keep the text the work started from through edits, and meet it again after a revert', () => {
    const { engine } = opened();
    const first = engine.savedTexts().text;
    const answer = engine.handle({ type: 'edit', id: 2, command: { type: 'updateEdge', key: (JSON.parse(first) as { edges: { key: string }[] }).edges[0]!.key, attributes: { input: 'chips', value: 123_456 } }, label: 'value' });
    const edited = engine.savedTexts();
    expect(edited.text).toBe(JSON.stringify(shownDocument(answer, null)));
    expect(edited.text).toContain('123456');
    expect(edited.original).toBe(first);
    engine.handle({ type: 'revert', id: 3 });
    const reverted = engine.savedTexts();
    expect(reverted.text).toBe(first);
    expect(reverted.original).toBe(first);
  });

  it('write the original of an edit made before the first save from the document as loaded', () => {
    const engine = new Engine();
    const loaded = engine.load(text, 'g.json');
    if (!loaded.ok) throw new Error('did not load');
    const before = JSON.stringify(loaded.loaded.document);
    engine.handle({ type: 'edit', id: 2, command: { type: 'removeEdge', key: engine.view('baseline').document.edges[0]!.key! }, label: 'remove' });
    const texts = engine.savedTexts();
    expect(texts.original).toBe(before);
    expect(texts.text).not.toBe(before);
  });

  it("keep a restore's original, not the text it was saved as", () => {
    const engine = new Engine();
    const saved = JSON.stringify({ ...JSON.parse(text), attributes: { ...JSON.parse(text).attributes, title: 'Edited' } });
    const answer = engine.handle({ type: 'restore', id: 1, text: saved, original: text, file: 'g.json' });
    const texts = engine.savedTexts();
    expect(texts.text).toBe(JSON.stringify(shownDocument(answer, null)));
    expect(texts.text).toContain('"Edited"');
    expect(texts.original).toBe(text);
  });

  it('are refused while no graph is loaded', () => {
    expect(() => new Engine().savedTexts()).toThrow('no graph is loaded yet');
  });
});
