/**
 * Keeps the URL and the view in step (src/state/view-url.ts): once the first graph's figures are on screen the
 * URL's view is applied (a shared link), then every change of the view is written back: a new entry in the
 * history for a change of buyer, set, scenario, layout or selection (Back and Forward move through views), the
 * camera replacing the current entry when it comes to rest. Back and Forward apply the entry's view.
 */
import type { Camera as SigmaCamera } from 'sigma';

/** What this needs of sigma: its camera. */
type Sigma = { getCamera(): SigmaCamera };
import type { Store } from '../state/store.ts';
import { applyViewParams, isStep, readViewUrl, writeViewUrl, viewParamsOf, type Camera, type ViewParams } from '../state/view-url.ts';
import type { AppState } from '../state/app-state.ts';

/** Camera moves end in one history update after this long at rest. */
const CAMERA_REST_MS = 400;
/** A link's camera waits this long at most for the app to take it (takeCamera) after a change of layout. */
const CAMERA_WAIT_MS = 5000;

export interface ViewUrlSync {
  /**
   * A link's camera waiting for the layout it named to be in place: the app takes it where it would fit the graph
   * after a change of layout (app.ts), so that the fit's animation does not undo it.
   */
  takeCamera(): Camera | null;
  destroy(): void;
}

const ready = (s: AppState) => s.view.status === 'done' && !!s.loaded && !s.preview;
const same = (a: ViewParams, b: ViewParams) => {
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
};

export function mountViewUrl(store: Store, renderer: () => Sigma | null): ViewUrlSync {
  let started = false;
  let written: ViewParams = {};
  let destroyed = false;
  let cameraTimer: ReturnType<typeof setTimeout> | undefined;
  let watchedCamera: Sigma | null = null;
  let pendingCamera: Camera | null = null;

  const cameraOf = (): Camera | null => {
    const c = renderer()?.getCamera().getState();
    return c ? { x: c.x, y: c.y, ratio: c.ratio } : null;
  };
  const write = (params: ViewParams, step: boolean) => {
    const url = `${location.pathname}${writeViewUrl(location.search, params, cameraOf())}${location.hash}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (step) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };
  /**
   * The address is written in a task of its own, each change in its order (a step each stays a step): written in the
   * update that brings a big graph's figures, it was 50 to 90 ms of that task (the browser was then busy).
   */
  const queued: { params: ViewParams; step: boolean }[] = [];
  const flush = () => {
    for (const { params, step } of queued.splice(0)) write(params, step);
  };
  const queueWrite = (params: ViewParams, step: boolean) => {
    if (queued.push({ params, step }) === 1) setTimeout(() => !destroyed && flush(), 0);
  };
  const onCamera = () => {
    clearTimeout(cameraTimer);
    cameraTimer = setTimeout(() => started && !destroyed && write(written, false), CAMERA_REST_MS);
  };
  const watchCamera = () => {
    const r = renderer();
    if (!r || r === watchedCamera) return;
    watchedCamera?.getCamera().off('updated', onCamera);
    watchedCamera = r;
    r.getCamera().on('updated', onCamera);
  };
  /** Applies a URL's view to the state, and its camera once the graph has moved there. */
  const applyUrl = () => {
    const { params, camera } = readViewUrl(location.search);
    const before = store.get();
    store.update((s) => applyViewParams(s, params));
    written = viewParamsOf(store.get());
    if (!camera) return;
    if (store.get().layout !== before.layout) {
      // The app moves the nodes, then fits them: it takes the camera then (takeCamera), or it is set after a while.
      pendingCamera = camera;
      setTimeout(() => {
        if (destroyed || pendingCamera !== camera) return;
        pendingCamera = null;
        renderer()?.getCamera().setState(camera);
      }, CAMERA_WAIT_MS);
    } else setTimeout(() => !destroyed && renderer()?.getCamera().setState(camera), 50);
  };

  const unsubscribe = store.subscribe((s) => {
    if (destroyed || !ready(s)) return;
    watchCamera();
    if (!started) {
      started = true;
      // A link's view; the first entry keeps the URL as it came.
      applyUrl();
      return;
    }
    const params = viewParamsOf(s);
    if (same(params, written)) return;
    const step = isStep(written, params);
    written = params;
    queueWrite(params, step);
  });
  const onPop = () => {
    if (!started || destroyed) return;
    // Not written yet, and no longer the view: the step back names it.
    queued.length = 0;
    applyUrl();
  };
  window.addEventListener('popstate', onPop);
  return {
    takeCamera() {
      const c = pendingCamera;
      pendingCamera = null;
      return c;
    },
    destroy() {
      destroyed = true;
      clearTimeout(cameraTimer);
      unsubscribe();
      watchedCamera?.getCamera().off('updated', onCamera);
      window.removeEventListener('popstate', onPop);
    },
  };
}
