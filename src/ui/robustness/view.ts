/**
 * What the app knows of robustness (robustness.md §7): the run's status and
 * result for one demand node and one set, and the chosen variant. Held by
 * the app shell (ui/app.ts) beside the app state; the panels read it.
 */
import type { RobustFigure, Robustness } from '../../robustness/engine.ts';

export type RobustStatus =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number; demand: string; set: string }
  | { status: 'done'; demand: string; set: string; result: Robustness }
  | { status: 'error'; message: string };

export interface RobustView {
  run: RobustStatus;
  /** The variant whose figures the panel shows, or null for the file as filed. */
  variant: string | null;
  /** The half-width asked for flows without a range ('' for none). */
  uncertainty: string;
  draws: number;
}

export const initialRobustView = (): RobustView => ({ run: { status: 'idle' }, variant: null, uncertainty: '', draws: 1000 });

/** The studied figure for a demand node, a set and a scenario, when the run in hand is for them. */
export function figureFor(v: RobustView, demand: string | null, set: string, scenario: string): RobustFigure | undefined {
  if (v.run.status !== 'done' || v.run.demand !== demand || v.run.set !== set) return undefined;
  return v.run.result.figures.find((f) => f.demand === demand && f.set === set && f.scenario === scenario);
}
