/** Options shared by the commands that compute figures. */
import { LEVEL_PRESETS, parseLevels } from '../../metrics/levels.ts';
import type { ReportOptions } from '../../report/model.ts';
import { UsageError } from '../io.ts';
import type { OptionValues } from './command.ts';

export const FIGURE_OPTIONS = {
  scenario: { type: 'string', multiple: true },
  levels: { type: 'string' },
  focus: { type: 'string', multiple: true },
  demand: { type: 'string', multiple: true },
} as const;

export const FIGURE_OPTIONS_HELP = `  --scenario ID      only baseline and this scenario (repeatable)
  --levels PRESET    HHI bands: ${Object.keys(LEVEL_PRESETS).join(', ')} (default us-2023),
                     or "MODERATE,HIGH" such as 1500,2500
  --focus KEY        a reliance figure for the headline, "TW" or "foundry:TW" (repeatable)
  --demand KEY       a demand node for the headline (repeatable)`;

export function reportOptions(values: OptionValues): ReportOptions {
  const options: ReportOptions = {};
  if (values.scenario) options.scenarios = values.scenario as string[];
  if (typeof values.levels === 'string') {
    const levels = parseLevels(values.levels);
    if (!levels) throw new UsageError(`--levels: expected ${Object.keys(LEVEL_PRESETS).join(', ')} or "MODERATE,HIGH", found "${values.levels}"`);
    options.levels = levels;
  }
  if (values.focus || values.demand) {
    options.focus = {};
    if (values.focus) {
      for (const k of values.focus as string[]) {
        if (!/^(?:[a-z]+:)?[A-Z]{2}$/.test(k)) throw new UsageError(`--focus: expected "TW" or "foundry:TW", found "${k}"`);
      }
      options.focus.reliance = values.focus as string[];
    }
    if (values.demand) options.focus.demand = values.demand as string[];
  }
  return options;
}
