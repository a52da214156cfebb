/** Messages of the robustness worker (robustness-worker.ts). */
import type { Robustness, RobustnessOptions } from '../robustness/engine.ts';

export interface RobustnessRequest {
  /** The graph file as JSON text (the document in the app). */
  text: string;
  options: RobustnessOptions;
}
export type RobustnessMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: Robustness }
  | { type: 'error'; message: string };
