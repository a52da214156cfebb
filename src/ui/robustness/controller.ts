/**
 * The app's robustness: starts the draws in their own worker when a graph
 * with ranges or variants comes, or when the buyer or the set in view
 * changes, or when asked (Run, a half-width); keeps their status and result
 * (view.ts) and renders the panel. Cancel and destroy terminate the worker.
 */
import type { GraphDocument } from '../../model/schema.ts';
import type { RobustFigure, Swing } from '../../robustness/engine.ts';
import { currentReport, type AppState } from '../../state/app-state.ts';
import { startRobustness, type RobustnessRun } from '../../worker/robustness-client.ts';
import { renderRobustness } from './panel.ts';
import { figureFor, initialRobustView, type RobustView } from './view.ts';

/** The file says something of its own uncertainty: a range, a basis with a half-width, or variants. */
export function hasOwnUncertainty(doc: GraphDocument): boolean {
  let known = uncertaintyMemo.get(doc);
  if (known === undefined) uncertaintyMemo.set(doc, (known = scanUncertainty(doc)));
  return known;
}
/** hasOwnUncertainty per document: the panels ask at each drawing, and 1,500,000 flows took 50 ms (docs/scale.md). */
const uncertaintyMemo = new WeakMap<GraphDocument, boolean>();
function scanUncertainty(doc: GraphDocument): boolean {
  const a = doc.attributes;
  if ((a.variants ?? []).length > 0) return true;
  if (doc.edges.some((e) => e.attributes.range || (e.attributes.basis && a.uncertainty?.[e.attributes.basis] !== undefined))) return true;
  return (a.scenarios ?? []).some((s) => s.ops.some((op) => (op.op === 'addFlow' || op.op === 'setFlow') && op.range));
}

export interface RobustnessController {
  /** Starts a run if the graph, the buyer or the set changed since the last (when the file or the user asks for draws). */
  sync(s: AppState): void;
  panel(s: AppState): HTMLElement | null;
  /** The studied figure of the headline in a scenario, when the run in hand is for the buyer and set in view. */
  figure(s: AppState, scenario: string): RobustFigure | undefined;
  destroy(): void;
}

export function mountRobustness(deps: { render(): void; selectFlow(swing: Swing): void }): RobustnessController {
  let v: RobustView = initialRobustView();
  let running: RobustnessRun | null = null;
  let lastKey = '';
  let lastDoc: GraphDocument | null = null;
  let docs = 0;
  let latest: AppState | null = null;

  const cancel = () => {
    running?.cancel();
    running = null;
  };
  /** `render` false when called while the panels are being drawn (they read the new status as they go on). */
  const start = (s: AppState, render = true) => {
    cancel();
    if (!s.loaded || !s.demand) return;
    const demand = s.demand;
    const set = s.focus;
    const u = v.uncertainty.trim() === '' ? undefined : Number(v.uncertainty);
    if (u !== undefined && !(u >= 0 && Number.isFinite(u))) {
      v = { ...v, run: { status: 'error', message: `A half-width is a number 0 or above (0.3 for ±30%), not “${v.uncertainty}”.` } };
      deps.render();
      return;
    }
    v = { ...v, run: { status: 'running', done: 0, total: v.draws, demand, set } };
    const run = startRobustness(JSON.stringify(s.loaded.document), { demand: [demand], sets: [set], draws: v.draws, ...(u !== undefined ? { uncertainty: u } : {}) }, (done, total) => {
      if (running !== run) return;
      v = { ...v, run: { status: 'running', done, total, demand, set } };
      deps.render();
    });
    running = run;
    run.result.then(
      (result) => {
        if (running !== run || !result) return;
        running = null;
        v = { ...v, run: { status: 'done', demand, set, result } };
        deps.render();
      },
      (error: unknown) => {
        if (running !== run) return;
        running = null;
        v = { ...v, run: { status: 'error', message: error instanceof Error ? error.message : String(error) } };
        deps.render();
      },
    );
    if (render) deps.render();
  };

  return {
    sync(s) {
      latest = s;
      if (!s.loaded || s.preview) return;
      const doc = s.loaded.document;
      if (doc !== lastDoc) {
        lastDoc = doc;
        docs++;
        cancel();
        v = { ...initialRobustView(), uncertainty: v.uncertainty };
      }
      const key = `${docs}|${s.demand}|${s.focus}`;
      if (key === lastKey) return;
      lastKey = key;
      // Drawn again for another buyer or set where the file asks for it, or the user did (a half-width, a run before).
      if (hasOwnUncertainty(doc) || v.uncertainty.trim() !== '' || v.run.status === 'done') start(s, false);
      else if (v.run.status !== 'idle') {
        cancel();
        v = { ...v, run: { status: 'idle' } };
      }
    },
    panel(s) {
      if (!s.loaded || !s.demand) return null;
      const report = currentReport(s);
      return renderRobustness(v, { demand: s.demand, set: s.focus, scenario: s.scenario, scenarioLabel: report?.label ?? s.scenario }, hasOwnUncertainty(s.loaded.document), {
        run: () => latest && start(latest),
        cancel: () => {
          cancel();
          v = { ...v, run: { status: 'idle' } };
          deps.render();
        },
        setVariant: (id) => {
          v = { ...v, variant: id };
          deps.render();
        },
        setUncertainty: (text) => {
          v = { ...v, uncertainty: text };
          if (latest) start(latest);
        },
        selectFlow: deps.selectFlow,
      });
    },
    figure: (s, scenario) => figureFor(v, s.demand, s.focus, scenario),
    destroy: cancel,
  };
}
