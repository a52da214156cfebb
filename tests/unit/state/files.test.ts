import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/model/problem.ts';
import * as F from '../../../src/state/files.ts';
import { addRecent, MAX_RECENT, orphans, parseRecent, type RecentEntry } from '../../../src/state/files-recent.ts';
import { graphUrlOf } from '../../../src/state/files-url.ts';
import type { OpenReply } from '../../../src/worker/protocol.ts';

const problem = (i: number): Problem => ({ severity: 'error', path: `nodes[${i}].attributes.kind`, expected: 'a kind', found: 'fab', file: 'x.json', line: i + 1 });
const entry = (name: string, when = '2026-01-01T00:00:00Z'): RecentEntry => ({ files: [name], when, size: 10, stored: null });
const loadedReply = (extra: Partial<{ warnings: Problem[]; unavailable: { metric: string; why: string }[]; scenariosAdded: boolean }> = {}): OpenReply => ({
  status: 'loaded',
  scenariosAdded: extra.scenariosAdded ?? false,
  loaded: { document: {} as never, report: {} as never, warnings: extra.warnings ?? [], unavailable: extra.unavailable ?? [] },
});

describe('files state', () => {
  it('caps problems as the import pipeline does: 200 shown, then how many more', () => {
    const s = F.openFailed(F.started(F.initialFilesState(), 'Opening x.json'), 'x.json', Array.from({ length: 238 }, (_, i) => problem(i)));
    expect(s.busy).toBeNull();
    expect(s.problems?.shown).toHaveLength(200);
    expect(s.problems?.more).toBe(38);
    expect(s.problems?.title).toBe('Could not open x.json: 238 problems. The graph on screen is unchanged.');
    expect(F.dismissProblems(s).problems).toBeNull();
  });

  it('a failed open keeps the recent list and drops a pending mapping', () => {
    const start = { ...F.initialFilesState([entry('a.json')]), mapping: { file: 'n.csv', format: 'csv', columns: { nodes: [], edges: [] }, guess: {}, fields: { nodes: [], edges: [] } } };
    const s = F.openAnswered(start, 'b.json', { status: 'failed', problems: [problem(0)] });
    expect(s.recent).toBe(start.recent);
    expect(s.mapping).toBeNull();
    expect(s.problems?.shown).toEqual([problem(0)]);
  });

  it('the mapping step holds the columns, guesses and fields', () => {
    const reply: OpenReply = { status: 'mapping', format: 'csv', columns: { nodes: ['Id', 'Name'], edges: ['From', 'To'] }, guess: { nodes: { key: 'Id' } }, fields: { nodes: ['key', 'label'], edges: ['source'] } };
    const s = F.openAnswered(F.initialFilesState(), 'n.csv + f.csv', reply);
    expect(s.mapping).toEqual({ file: 'n.csv + f.csv', format: 'csv', columns: reply.columns, guess: reply.guess, fields: reply.fields });
    expect(F.mappingCancelled(s).mapping).toBeNull();
  });

  it('a load remembers the file, lists warnings and says which figures are unavailable', () => {
    const warning: Problem = { ...problem(1), severity: 'warning' };
    const s = F.openAnswered(F.initialFilesState(), 'g.gexf', loadedReply({ warnings: [warning], unavailable: [{ metric: 'reliance by country', why: 'the file has no countries' }] }), entry('g.gexf'));
    expect(s.recent.map((e) => e.files)).toEqual([['g.gexf']]);
    expect(s.problems?.title).toBe('Opened g.gexf with 1 warning');
    expect(s.notice).toEqual({ tone: 'warning', text: 'g.gexf opened for exploration; some figures are unavailable:', items: ['reliance by country: the file has no countries'] });
    expect(F.openAnswered(F.initialFilesState(), 's.json', loadedReply({ scenariosAdded: true })).notice?.text).toBe('Scenarios from s.json added to the graph.');
  });

  it('an export lists what the format leaves out', () => {
    expect(F.exported(F.initialFilesState(), 'g.zip', ['3 scenarios']).notice).toEqual({ tone: 'warning', text: 'Saved g.zip. This format does not carry:', items: ['3 scenarios'] });
    expect(F.exported(F.initialFilesState(), 'g.json', []).notice?.items).toEqual([]);
  });

  it('progress only changes a running task', () => {
    expect(F.progressed(F.initialFilesState(), 'parsing').busy).toBeNull();
    expect(F.progressed(F.started(F.initialFilesState(), 'Opening'), 'parsing').busy).toEqual({ task: 'Opening', phase: 'parsing' });
  });

  it('download names come from the file, safe characters only', () => {
    expect(F.baseNameFor('graphs/japan-us-taiwan.json')).toBe('japan-us-taiwan');
    expect(F.baseNameFor('nodes.csv + flows.csv')).toBe('nodes');
    expect(F.baseNameFor('<img src=x>.json')).toBe('img-src-x-');
    expect(F.baseNameFor('../../.json')).toBe('graph');
    expect(F.baseNameFor(undefined)).toBe('graph');
  });
});

describe('recent files', () => {
  it('newest first, the same files moved up, bounded', () => {
    let list: RecentEntry[] = [];
    for (let i = 0; i < 12; i++) list = addRecent(list, entry(`f${i}.json`));
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]!.files).toEqual(['f11.json']);
    list = addRecent(list, entry('f8.json', '2026-02-01T00:00:00Z'));
    expect(list.map((e) => e.files[0])).toEqual(['f8.json', 'f11.json', 'f10.json', 'f9.json', 'f7.json', 'f6.json', 'f5.json', 'f4.json']);
  });

  it('reads storage text defensively', () => {
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent('not json')).toEqual([]);
    expect(parseRecent('{"files":["a"]}')).toEqual([]);
    const good = entry('a.json');
    expect(parseRecent(JSON.stringify([good, { files: [] }, { ...good, size: -1 }, 3, null, { ...good, stored: 'id1' }]))).toEqual([good, { ...good, stored: 'id1' }]);
  });

  it('finds stored content no entry refers to', () => {
    expect(orphans([{ ...entry('a'), stored: 'k1' }, entry('b')], ['k1', 'k2'])).toEqual(['k2']);
  });
});

describe('?graph=', () => {
  const base = 'https://app.example/chokepoint/index.html';
  it('resolves a file beside the app', () => {
    expect(graphUrlOf('?graph=graphs/neon-ukraine-2022.gexf', base)).toEqual({ ok: true, url: 'https://app.example/chokepoint/graphs/neon-ukraine-2022.gexf', name: 'neon-ukraine-2022.gexf' });
    expect(graphUrlOf('', base)).toBeNull();
    expect(graphUrlOf('?graph=', base)).toBeNull();
    // A % that starts no escape is kept as written, not thrown (decodeURIComponent would).
    expect(graphUrlOf(`?graph=${encodeURIComponent('graphs/100%x.json')}`, base)).toEqual({ ok: true, url: 'https://app.example/chokepoint/graphs/100%x.json', name: '100%x.json' });
    expect(graphUrlOf('?graph=graphs/a%2520b.json', base)).toMatchObject({ ok: true, name: 'a b.json' });
  });
  it('refuses another origin, whatever the spelling', () => {
    for (const p of ['https://evil.example/x.json', '//evil.example/x.json', 'http://app.example/x.json', 'javascript:alert(1)', 'data:application/json,{}']) {
      const r = graphUrlOf(`?graph=${encodeURIComponent(p)}`, base);
      expect(r?.ok, p).toBe(false);
    }
  });
});
