/** The options of robustness.md §5 that `robustness` and `report` share. */
import { DEFAULT_DRAWS, DEFAULT_SEED, DEFAULT_SWINGS, MAX_DRAWS } from '../../robustness/engine.ts';
import type { ReportRobustnessOptions } from '../../report/robustness.ts';
import { UsageError } from '../io.ts';
import type { OptionValues } from './command.ts';

export const ROBUSTNESS_OPTIONS = {
  set: { type: 'string', multiple: true },
  draws: { type: 'string' },
  seed: { type: 'string' },
  swings: { type: 'string' },
  uncertainty: { type: 'string' },
} as const;

export const ROBUSTNESS_OPTIONS_HELP = `  --set K:C|C        a reliance set to study, "foundry:TW" or "TW" (repeatable;
                     default the graph's focus, else the strongest in baseline)
  --draws N          draws from the flows' ranges (default ${DEFAULT_DRAWS})
  --seed S           the draws' seed, a whole number (default ${DEFAULT_SEED}): the same
                     seed gives the same figures on every machine
  --swings K         the K largest one-flow swings per figure (default ${DEFAULT_SWINGS}; 0: none)
  --uncertainty R    relative half-width for flows with no range whose basis the
                     graph's "uncertainty" leaves out (e.g. 0.3 for ±30%)`;

const whole = (name: string, text: string | undefined, min: number, max: number): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}, found "${text}"`);
  return Number(text);
};

export function robustnessOptions(values: OptionValues): ReportRobustnessOptions & { sets?: string[] } {
  const out: ReportRobustnessOptions & { sets?: string[] } = {};
  const draws = whole('draws', values.draws as string | undefined, 1, MAX_DRAWS);
  const seed = whole('seed', values.seed as string | undefined, 0, 0xffffffff);
  const swings = whole('swings', values.swings as string | undefined, 0, 1_000_000);
  if (draws !== undefined) out.draws = draws;
  if (seed !== undefined) out.seed = seed;
  if (swings !== undefined) out.swings = swings;
  const u = values.uncertainty as string | undefined;
  if (u !== undefined) {
    const r = Number(u);
    if (u.trim() === '' || !(r >= 0) || !Number.isFinite(r)) throw new UsageError(`--uncertainty: expected a number 0 or above such as 0.3, found "${u}"`);
    out.uncertainty = r;
  }
  if (values.set) {
    for (const k of values.set as string[]) {
      if (!/^(?:[a-z]+:)?[A-Z]{2}$/.test(k)) throw new UsageError(`--set: expected "TW" or "foundry:TW", found "${k}"`);
    }
    out.sets = values.set as string[];
  }
  return out;
}
