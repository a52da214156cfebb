/** Concentration levels (metrics.md §5): the HHI bands, with named presets. */
export interface LevelPreset {
  id: string;
  label: string;
  /** HHI from which a market is moderately concentrated (inclusive). */
  moderate: number;
  /** HHI above which a market is highly concentrated (exclusive). */
  high: number;
}

export const LEVEL_PRESETS = {
  'us-2023': { id: 'us-2023', label: 'US Merger Guidelines 2023 (high above 1800; moderate band from the 1992 guidelines, 1000)', moderate: 1000, high: 1800 },
  'us-2010': { id: 'us-2010', label: 'US Horizontal Merger Guidelines 2010 (moderate 1500 to 2500, high above 2500)', moderate: 1500, high: 2500 },
  'eu-dependency': { id: 'eu-dependency', label: 'EU dependency screening (high above 4000)', moderate: 4000, high: 4000 },
} as const satisfies Record<string, LevelPreset>;
export type LevelPresetId = keyof typeof LEVEL_PRESETS;
export const DEFAULT_LEVELS: LevelPreset = LEVEL_PRESETS['us-2023'];

export const LEVELS = ['unconcentrated', 'moderate', 'high'] as const;
export type Level = (typeof LEVELS)[number];

export function levelOf(hhi: number, preset: LevelPreset = DEFAULT_LEVELS): Level {
  if (hhi > preset.high) return 'high';
  if (hhi >= preset.moderate && preset.moderate < preset.high) return 'moderate';
  return 'unconcentrated';
}

/** `us-2010`, or custom `1200,2000` (moderate from, high above). */
export function parseLevels(spec: string): LevelPreset | undefined {
  if (Object.hasOwn(LEVEL_PRESETS, spec)) return LEVEL_PRESETS[spec as LevelPresetId];
  const m = /^\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*$/.exec(spec);
  if (!m) return undefined;
  const moderate = Number(m[1]);
  const high = Number(m[2]);
  if (!(moderate <= high && high <= 10000)) return undefined;
  return { id: 'custom', label: `custom (moderate from ${moderate}, high above ${high})`, moderate, high };
}
