/**
 * The view in the URL, so that a link reproduces what the sender saw and Back and Forward move through views:
 * buyer, set, scenario (and compare), layout, selection and camera, beside the `?graph=` of a file that came from
 * a URL (files-url.ts; left as it is here). Nothing of the graph's content goes in: only keys and ids the file
 * already has, and numbers of the view. Each field is one entry of VIEW_FIELDS (a shock or a variant switch adds
 * its own), read from the state, written to the state, checked against the graph open.
 */
import { BASELINE, defaultLayout, LAYOUTS, SIZE_BY, selectDemand, selectScenario, type AppState, type LayoutChoice, type SizeBy } from './app-state.ts';

export interface Camera {
  x: number;
  y: number;
  ratio: number;
}
/** The view a URL carries: a field absent from the URL is absent here. */
export type ViewParams = Partial<Record<string, string>>;

export interface ViewField {
  /** The URL parameter. */
  param: string;
  /** The value of the state, or undefined when it is the default (kept out of the URL). */
  read(s: AppState): string | undefined;
  /** The state with the value; unchanged if the graph open does not have it (a link to another version of a file). */
  apply(s: AppState, value: string): AppState;
  /** A change of this field is a new entry in the history (Back returns to it); else it replaces the current one. */
  step: boolean;
}

const doc = (s: AppState) => (s.view.status === 'done' ? s.view.value.document : s.loaded?.document ?? null);
const hasNode = (s: AppState, key: string) => !!doc(s)?.nodes.some((n) => n.key === key);

export const VIEW_FIELDS: ViewField[] = [
  {
    param: 'buyer',
    step: true,
    read: (s) => s.demand ?? undefined,
    apply: selectDemand,
  },
  { param: 'set', step: true, read: (s) => s.focus, apply: (s, v) => (/^([a-z]+:)?[A-Za-z0-9_-]{1,16}$/.test(v) ? { ...s, focus: v } : s) },
  {
    param: 'scenario',
    step: true,
    read: (s) => (s.scenario === BASELINE ? undefined : s.scenario),
    apply: selectScenario,
  },
  { param: 'compare', step: true, read: (s) => (s.compare ? '1' : undefined), apply: (s, v) => ({ ...s, compare: v === '1' }) },
  {
    param: 'layout',
    step: true,
    read: (s) => (s.layout === defaultLayout(s.loaded) ? undefined : s.layout),
    apply: (s, v) => ((LAYOUTS as readonly string[]).includes(v) ? { ...s, layout: v as LayoutChoice } : s),
  },
  {
    param: 'size',
    step: true,
    read: (s) => (s.sizeBy === 'impact' ? undefined : s.sizeBy),
    apply: (s, v) => ((SIZE_BY as readonly string[]).includes(v) || /^attr:[^\s]{1,64}$/.test(v) ? { ...s, sizeBy: v as SizeBy } : s),
  },
  { param: 'colour', step: true, read: (s) => (s.colorBy === 'kind' ? undefined : s.colorBy), apply: (s, v) => (/^(kind|country|company|impact|file|attr:[^\s]{1,64})$/.test(v) ? { ...s, colorBy: v } : s) },
  {
    param: 'node',
    step: true,
    read: (s) => (s.selection?.type === 'node' ? s.selection.key : undefined),
    apply: (s, v) => (hasNode(s, v) ? { ...s, selection: { type: 'node', key: v } } : s),
  },
  {
    param: 'input',
    step: true,
    read: (s) => (s.selection?.type === 'input' ? s.selection.input : undefined),
    apply: (s, v) => (doc(s)?.edges.some((e) => e.attributes.input === v) ? { ...s, selection: { type: 'input', input: v } } : s),
  },
];

/** The view's parameters of a state. */
export function viewParamsOf(s: AppState, fields: readonly ViewField[] = VIEW_FIELDS): ViewParams {
  const out: ViewParams = {};
  for (const f of fields) {
    const v = f.read(s);
    if (v !== undefined) out[f.param] = v;
  }
  return out;
}

/** The state with a URL's view applied (fields the URL does not name go back to their default: a link is the whole view). */
export function applyViewParams(s: AppState, params: ViewParams, fields: readonly ViewField[] = VIEW_FIELDS): AppState {
  let out: AppState = { ...selectScenario(s, BASELINE), compare: false, layout: defaultLayout(s.loaded), sizeBy: 'impact', colorBy: 'kind', selection: null };
  for (const f of fields) {
    const v = params[f.param];
    if (v !== undefined) out = f.apply(out, v);
  }
  // A buyer or set the URL does not name stays as the graph opened with.
  if (params.buyer === undefined) out = { ...out, demand: s.demand };
  if (params.set === undefined) out = { ...out, focus: s.focus };
  return out;
}

/** Whether going from view `a` to `b` is a step in the history (a field that steps changed), not a mere update. */
export function isStep(a: ViewParams, b: ViewParams, fields: readonly ViewField[] = VIEW_FIELDS): boolean {
  return fields.some((f) => f.step && a[f.param] !== b[f.param]);
}

const CAMERA_PARAM = 'cam';
const VIEW_PARAMS = () => [...VIEW_FIELDS.map((f) => f.param), CAMERA_PARAM];

/** `x,y,ratio` rounded: enough to put the camera back, short in a link. */
export const cameraText = (c: Camera) => [c.x.toFixed(4), c.y.toFixed(4), c.ratio.toFixed(4)].join(',');
export function parseCamera(text: string | undefined): Camera | null {
  if (!text) return null;
  const parts = text.split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [x, y, ratio] = parts as [number, number, number];
  return ratio > 0 && ratio < 100 && Math.abs(x) < 1e3 && Math.abs(y) < 1e3 ? { x, y, ratio } : null;
}

/** The view's parameters read from a URL's query (the other parameters, `graph` first among them, are not the view's). */
export function readViewUrl(search: string): { params: ViewParams; camera: Camera | null } {
  const q = new URLSearchParams(search);
  const params: ViewParams = {};
  for (const f of VIEW_FIELDS) {
    const v = q.get(f.param);
    if (v !== null && v !== '' && v.length <= 200) params[f.param] = v;
  }
  return { params, camera: parseCamera(q.get(CAMERA_PARAM) ?? undefined) };
}

/** The query with the view's parameters replaced by these (every other parameter kept, in its place). */
export function writeViewUrl(search: string, params: ViewParams, camera: Camera | null): string {
  const q = new URLSearchParams(search);
  for (const p of VIEW_PARAMS()) q.delete(p);
  for (const f of VIEW_FIELDS) {
    const v = params[f.param];
    if (v !== undefined) q.set(f.param, v);
  }
  if (camera) q.set(CAMERA_PARAM, cameraText(camera));
  const text = q.toString();
  return text ? `?${text}` : '';
}
