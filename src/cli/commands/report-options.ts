/** Options shared by the commands that compute figures. */
import { LEVEL_PRESETS, parseLevels } from '../../metrics/levels.ts';
import { SPOF_AUTO_LIMIT, SPOF_EXACT_NODES } from '../../metrics/spof.ts';
import type { ReportOptions } from '../../report/model.ts';
import { UsageError } from '../io.ts';
import type { OptionValues } from './command.ts';

export const FIGURE_OPTIONS = {
  scenario: { type: 'string', multiple: true },
  levels: { type: 'string' },
  focus: { type: 'string', multiple: true },
  demand: { type: 'string', multiple: true },
  'spof-top': { type: 'string' },
  'spof-threshold': { type: 'string' },
  'spof-exact': { type: 'boolean' },
} as const;

export const FIGURE_OPTIONS_HELP = `  --scenario ID      only baseline and this scenario (repeatable)
  --levels PRESET    HHI bands: ${Object.keys(LEVEL_PRESETS).join(', ')} (default us-2023),
                     or "MODERATE,HIGH" such as 1500,2500
  --focus KEY        a reliance figure for the headline, "TW" or "foundry:TW" (repeatable)
  --demand KEY       a demand node for the headline (repeatable)
  --spof-top K       list only the K largest single-point-of-failure impacts per demand node
  --spof-threshold T list only impacts of at least T (0 to 1), e.g. 0.001
  --spof-exact       every impact, however large the graph (the default only up to
                     ${SPOF_EXACT_NODES.toLocaleString('en-US')} upstream nodes; beyond, the ${SPOF_AUTO_LIMIT.top} largest: docs/scale.md)`;

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
  const top = values['spof-top'];
  const threshold = values['spof-threshold'];
  if (values['spof-exact'] && (top !== undefined || threshold !== undefined)) throw new UsageError('--spof-exact: expected alone, found with --spof-top or --spof-threshold');
  if (values['spof-exact']) options.spof = {};
  if (typeof top === 'string') {
    if (!/^[1-9]\d*$/.test(top)) throw new UsageError(`--spof-top: expected a whole number of at least 1, found "${top}"`);
    options.spof = { ...options.spof, top: Number(top) };
  }
  if (typeof threshold === 'string') {
    const t = Number(threshold);
    if (threshold.trim() === '' || !(t > 0 && t <= 1)) throw new UsageError(`--spof-threshold: expected a number above 0 and at most 1, found "${threshold}"`);
    options.spof = { ...options.spof, threshold: t };
  }
  return options;
}
