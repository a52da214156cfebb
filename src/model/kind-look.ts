/**
 * One vocabulary and one palette for node kinds, used by the app (graph,
 * legend, inspector, forms, PNG), the reports (graph picture, legends) and
 * their tests: what a kind is called and which colour draws it, defined once.
 */
import type { NodeKind } from './schema.ts';

/** Colours of the kinds, on the app's graph and in every report. */
export const KIND_COLORS: Record<NodeKind, string> = {
  demand: '#c8553d',
  supplier: '#2f6fb0',
  foundry: '#7353ba',
  wafer: '#3f8f5a',
  chemical: '#d19a2a',
  equipment: '#6c757d',
  other: '#9aa3ab',
};

/** Names of the kinds, right for any graph (what a graph's "supplier" nodes make shows in the app legend's tooltip). */
export const KIND_NAMES: Record<NodeKind, string> = {
  chemical: 'Chemical makers',
  equipment: 'Equipment makers',
  other: 'Other suppliers',
  wafer: 'Wafer makers',
  foundry: 'Foundries and fabs',
  supplier: 'Suppliers',
  demand: 'Buyers',
};
