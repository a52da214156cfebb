/** The editor's DOM-free helpers: reading a country the user typed, new node keys, problem paths of nested edits. */
import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../src/model/schema.ts';
import { freeNodeKey } from '../../../src/ui/edit/context.ts';
import { countryCodes, readCountry } from '../../../src/ui/edit/fields.ts';
import { opRelativePath } from '../../../src/ui/edit/scenario-editor.ts';
import { sourceRelativePath } from '../../../src/ui/edit/sources-editor.ts';

const doc = {
  attributes: { format: 'chokepoint-graph', version: 1, title: 't', currency: 'USD', countries: { XK: { name: 'Kosovo' }, EU: { name: 'European Union' } } },
  nodes: [{ key: 'tokyo-electron', attributes: { label: 'Tokyo Electron', kind: 'equipment', country: 'JP' } }],
  edges: [],
} as GraphDocument;

describe('the editor’s helpers', () => {
  it('reads a country from its listed name, its code or its plain name; passes anything else on for the engine to refuse', () => {
    expect(readCountry('Taiwan (TW)', doc)).toBe('TW');
    expect(readCountry(' tw ', doc)).toBe('TW');
    expect(readCountry('japan', doc)).toBe('JP');
    expect(readCountry('European Union', doc)).toBe('EU');
    expect(readCountry('Atlantis', doc)).toBe('Atlantis');
    expect(readCountry('', doc)).toBe('');
  });

  it('lists the ISO countries the runtime names, without the unknown ZZ', () => {
    const codes = countryCodes();
    expect(codes.length).toBeGreaterThan(200);
    expect(codes).toContain('TW');
    expect(codes).not.toContain('ZZ');
  });

  it('makes a free node key from a label', () => {
    expect(freeNodeKey(doc, 'Tokyo Electron')).toBe('tokyo-electron-2');
    expect(freeNodeKey(doc, 'Fab № 1 (Kumamoto)')).toBe('fab-no-1-kumamoto');
    expect(freeNodeKey(doc, '¿?')).toBe('node');
  });

  it('makes problem paths relative to the operation or source being edited', () => {
    expect(opRelativePath('attributes.scenarios[3].ops[0].amount.currency')).toBe('amount.currency');
    expect(opRelativePath('attributes.scenarios[3].ops[2]')).toBe('');
    expect(sourceRelativePath('attributes.sources[1].title')).toBe('title');
  });
});
