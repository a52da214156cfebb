/**
 * What a generated supply chain is made of: its tiers, the inputs each tier
 * makes and needs, and the countries its nodes sit in.
 */
import type { NodeKind } from '../model/schema.ts';

export interface Tier {
  id: string;
  kind: NodeKind;
  /** Share of the non-demand nodes in this tier. */
  weight: number;
  /** The inputs this tier's nodes make (one each). */
  makes: readonly string[];
  /** Tiers it buys from, each with how many of that tier's inputs a node needs. */
  needs: readonly { tier: string; inputs: number }[];
  /**
   * Inputs a node buys, with this probability, from a tier listed with or
   * after its own: materials makers supplying each other, which makes cycles.
   */
  loops?: readonly { tier: string; p: number }[];
  word: string;
}

/** Upstream first: a tier buys only from tiers listed before it, except for its `loops`. */
export const TIERS: readonly Tier[] = [
  { id: 'raw', kind: 'other', weight: 0.08, word: 'mine', makes: ['quartz', 'rare-earths', 'neon', 'copper', 'cobalt', 'fluorspar', 'tungsten', 'gallium'], needs: [], loops: [{ tier: 'chemical', p: 0.05 }] },
  { id: 'chemical', kind: 'chemical', weight: 0.12, word: 'chemicals', makes: ['photoresist', 'etch-gas', 'wet-chemicals', 'precursors', 'cmp-slurry', 'specialty-gas'], needs: [{ tier: 'raw', inputs: 2 }], loops: [{ tier: 'chemical', p: 0.1 }] },
  { id: 'wafer', kind: 'wafer', weight: 0.05, word: 'wafer plant', makes: ['wafers', 'substrates'], needs: [{ tier: 'raw', inputs: 1 }, { tier: 'chemical', inputs: 1 }] },
  { id: 'equipment', kind: 'equipment', weight: 0.05, word: 'tools', makes: ['lithography', 'deposition', 'etch-tools', 'metrology'], needs: [{ tier: 'raw', inputs: 2 }] },
  { id: 'fab', kind: 'foundry', weight: 0.15, word: 'fab', makes: ['logic-fab', 'memory-fab', 'packaging'], needs: [{ tier: 'wafer', inputs: 1 }, { tier: 'chemical', inputs: 2 }, { tier: 'equipment', inputs: 1 }] },
  { id: 'component', kind: 'supplier', weight: 0.3, word: 'components', makes: ['chips', 'memory', 'power-devices'], needs: [{ tier: 'fab', inputs: 2 }] },
  { id: 'system', kind: 'supplier', weight: 0.25, word: 'systems', makes: ['devices', 'servers', 'modules'], needs: [{ tier: 'component', inputs: 2 }, { tier: 'fab', inputs: 1 }] },
];

export const DEMAND_TIER = { id: 'demand', needs: [{ tier: 'system', inputs: 3 }] } as const;

/** 40 ISO 3166-1 codes, the first ones the likeliest home of a node. */
export const COUNTRIES = [
  'TW', 'CN', 'JP', 'KR', 'US', 'DE', 'NL', 'SG', 'MY', 'VN',
  'FR', 'GB', 'IT', 'IE', 'IL', 'IN', 'TH', 'PH', 'ID', 'MX',
  'CA', 'AU', 'BR', 'CH', 'SE', 'FI', 'AT', 'BE', 'PL', 'CZ',
  'HU', 'ES', 'CL', 'PE', 'ZA', 'SA', 'AE', 'TR', 'NO', 'DK',
] as const;

/** The demand nodes: ten buyer markets. */
export const MARKETS = ['US', 'CN', 'JP', 'DE', 'KR', 'IN', 'GB', 'FR', 'BR', 'TW'] as const;
