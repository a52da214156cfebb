/**
 * The app entry: mounts the app on the default graph (imported as an asset,
 * so graphs/japan-us-taiwan.json stays the single source). `window.__chokepoint`
 * gives tests read-only access to the state and node positions (docs/app.md).
 */
import './ui/zod-csp.ts';
import defaultGraphUrl from '../graphs/japan-us-taiwan.json?url';
import type { AppState } from './state/app-state.ts';
import { mountApp, type AppHandle } from './ui/app.ts';
import './ui/styles.css';

declare global {
  interface Window {
    __chokepoint?: { state: () => Readonly<AppState>; ready: Promise<void>; screenPosition: AppHandle['screenPosition']; mapStatus?: AppHandle['mapStatus']; labelBoxes?: AppHandle['labelBoxes'] };
  }
}

const root = document.getElementById('app');
if (root) {
  const app = mountApp(root, { url: defaultGraphUrl, file: 'japan-us-taiwan.json' });
  window.__chokepoint = { state: () => app.store.get(), ready: app.ready, screenPosition: app.screenPosition, mapStatus: app.mapStatus, labelBoxes: app.labelBoxes };
  if (import.meta.hot) import.meta.hot.dispose(() => app.destroy());
}
