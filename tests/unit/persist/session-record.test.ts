import { describe, expect, it } from 'vitest';
import { asSession, hasEdits, recordOf, type SavedSession } from '../../../src/persist/session-store.ts';

const session = (text: string, original: string): SavedSession => ({ file: 'g.json', text, original, savedAt: 5, work: 'w1' });

describe('a saved session\'s record', () => {
  it('leaves out the original while it is the text, and reads back the same session', () => {
    const same = session('{"nodes":[]}', '{"nodes":[]}');
    const record = recordOf(same);
    expect('original' in record).toBe(false);
    expect(asSession(structuredClone(record))).toEqual(same);
    expect(hasEdits(asSession(record))).toBe(false);
  });

  it('keeps the original of edited work', () => {
    const edited = session('{"nodes":[1]}', '{"nodes":[]}');
    expect(recordOf(edited).original).toBe('{"nodes":[]}');
    expect(asSession(structuredClone(recordOf(edited)))).toEqual(edited);
    expect(hasEdits(asSession(recordOf(edited)))).toBe(true);
  });

  it('reads records written before, with both texts, and refuses ones that are not sessions', () => {
    expect(asSession({ file: 'g.json', text: 'a', original: 'a', savedAt: 1 })).toEqual({ file: 'g.json', text: 'a', original: 'a', savedAt: 1 });
    expect(asSession({ file: 'g.json', text: 'a', original: 3 })).toBeNull();
    expect(asSession({ file: 'g.json', original: 'a' })).toBeNull();
    expect(asSession('text')).toBeNull();
  });
});
