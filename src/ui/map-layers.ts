/**
 * The Map layout's layers over the graph view: the world underneath (basemap.ts) and, zoomed out, the flows
 * summed country to country (country-flows.ts). `sync` follows the app's state: shown in the Map layout only,
 * the sums made once per view of the engine.
 */
import type { AppState } from '../state/app-state.ts';
import type { GraphView as EngineView } from '../worker/protocol.ts';
import { mountBasemap, type Basemap } from './basemap.ts';
import { aggregateCountryFlows, mountCountryFlows, type CountryFlowsLayer } from './country-flows.ts';
import type { GraphView } from './graph-view.ts';

export interface MapLayers {
  sync(s: AppState): void;
  /** For tests: whether the world and the country-to-country flows were painted by the last render. */
  status(): { world: boolean; countryFlows: boolean };
  kill(): void;
}

export function mountMapLayers(view: GraphView): MapLayers {
  const basemap: Basemap = mountBasemap(view.sigma);
  const flows: CountryFlowsLayer = mountCountryFlows(view.sigma);
  let hovered = false;
  let selected = false;
  let forView: EngineView | null = null;
  let onMap = false;
  view.sigma.on('enterNode', () => {
    hovered = true;
    flows.setFocus(true);
  });
  view.sigma.on('leaveNode', () => {
    hovered = false;
    flows.setFocus(selected);
  });
  return {
    sync(s) {
      const ev = s.view.status === 'done' ? s.view.value : null;
      const map = s.layout === 'geographic' && !!ev;
      basemap.show(map);
      selected = s.selection?.type === 'node' || s.selection?.type === 'input';
      flows.setFocus(hovered || selected);
      if (map === onMap && ev === forView) return;
      onMap = map;
      forView = ev;
      if (!map || !ev) return flows.set(null, null);
      const members = new Map<string, string[]>();
      for (const n of ev.document.nodes) {
        const list = members.get(n.attributes.country);
        if (list) list.push(n.key);
        else members.set(n.attributes.country, [n.key]);
      }
      flows.set(aggregateCountryFlows(ev.document.nodes, ev.document.edges), members);
    },
    status: () => ({ world: basemap.painted(), countryFlows: flows.active() }),
    kill() {
      flows.kill();
      basemap.kill();
    },
  };
}
