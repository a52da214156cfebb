/** The shock builder's transitions (src/state/shock-builder.ts), without a browser. */
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../../src/state/app-state.ts';
import { dropHit, failPart, restorePart, setCapacity, takeShock } from '../../../src/state/shock-builder.ts';
import { shockOfWhatIf, whatIfHits } from '../../../src/worker/what-if-hits.ts';

const shocks = [{ id: 'tw', label: 'Taiwan at half', hits: [{ where: { country: 'TW' }, capacity: 0.5 }] }];
const base = { failure: { nodes: [], countries: [] }, whatIf: { status: 'idle' }, loaded: { document: { attributes: { shocks } } } } as unknown as AppState;

describe('the shock builder', () => {
  it('adds and removes a company or a kind in a country, running the what-if while something is hit', () => {
    const s = failPart(failPart(base, 'company', 'TSMC'), 'kindCountry', 'foundry:TW');
    expect(s.failure).toMatchObject({ companies: ['TSMC'], kindCountries: ['foundry:TW'] });
    expect(s.whatIf.status).toBe('running');
    expect(failPart(s, 'company', 'TSMC')).toBe(s);
    const back = restorePart(restorePart(s, 'company', 'TSMC'), 'kindCountry', 'foundry:TW');
    expect(back.whatIf.status).toBe('idle');
  });

  it('sets a capacity from 0 to 1 and refuses any other, a hit of a file\'s shock in place', () => {
    const s = setCapacity(failPart(base, 'company', 'TSMC'), 'company:TSMC', 0.3);
    expect(whatIfHits(s.failure)).toEqual([{ where: { company: 'TSMC' }, capacity: 0.3 }]);
    expect(setCapacity(s, 'company:TSMC', 1.2)).toBe(s);
    expect(setCapacity(s, 'company:TSMC', Number.NaN)).toBe(s);
    const t = setCapacity(takeShock(base, 'tw'), 'hit:0', 0.1);
    expect(t.failure.hits).toEqual([{ where: { country: 'TW' }, capacity: 0.1 }]);
    // The file's shock is not changed by the what-if.
    expect(shocks[0]!.hits[0]!.capacity).toBe(0.5);
    expect(dropHit(t, 0).whatIf.status).toBe('idle');
  });

  it('takes a file\'s shock in, and an unknown id changes nothing', () => {
    expect(takeShock(base, 'tw').failure).toEqual({ nodes: [], countries: [], hits: [{ where: { country: 'TW' }, capacity: 0.5 }], shock: 'tw' });
    expect(takeShock(base, 'nope')).toBe(base);
    expect(takeShock(takeShock(base, 'tw'), null).whatIf.status).toBe('idle');
  });

  it('turns the what-if into a shock: nodes, countries (their demand nodes left out), companies, kinds in countries, then the taken hits', () => {
    const f = { nodes: ['n1'], countries: ['JP'], companies: ['TSMC'], kindCountries: ['foundry:TW'], hits: [{ where: { key: 'x' }, capacity: 0.2 }], capacity: { 'node:n1': 0.5 } };
    const shock = shockOfWhatIf(f, 'id', 'Label');
    expect(shock.hits).toEqual([
      { where: { key: 'n1' }, capacity: 0.5 },
      { where: { country: 'JP', kind: ['supplier', 'foundry', 'wafer', 'chemical', 'equipment', 'other'] }, capacity: 0 },
      { where: { company: 'TSMC' }, capacity: 0 },
      { where: { kind: 'foundry', country: 'TW' }, capacity: 0 },
      { where: { key: 'x' }, capacity: 0.2 },
    ]);
  });
});
