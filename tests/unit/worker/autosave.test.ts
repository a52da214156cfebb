import { describe, expect, it } from 'vitest';
import { writeSave } from '../../../src/worker/autosave.ts';

describe("the worker's autosave", () => {
  it('answers that nothing can be kept where there is no IndexedDB, with the texts written first', async () => {
    let asked = 0;
    const answer = await writeSave({ file: 'g.json', work: 'w' }, () => (asked++, { text: '{}', original: '{}' }));
    expect(asked).toBe(1);
    expect(answer).toEqual({ ok: false, message: 'this browser keeps no local storage', conflict: false, unavailable: true });
  });

  it('answers with the reason when there is no graph to save', async () => {
    const answer = await writeSave({ file: 'g.json', work: 'w' }, () => {
      throw new Error('no graph is loaded yet');
    });
    expect(answer).toEqual({ ok: false, message: 'no graph is loaded yet', conflict: false, unavailable: false });
  });
});
