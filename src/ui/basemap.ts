/**
 * The world under the Map layout: Natural Earth's country outlines (world-atlas, 1:110m, kept in the
 * build as an asset: no network), in the layout's own plane (src/layout/geographic.ts: x the longitude
 * on a Pacific-centred map, y the latitude times the layout's stretch), drawn on a 2D canvas under
 * sigma's layers. The outlines are one Path2D in graph units, made once; each render of sigma
 * paints it through the camera's affine map: a fill and a stroke, whatever the graph's size.
 */
import type Sigma from 'sigma';
import type { Attributes } from 'graphology-types';
import atlasUrl from 'world-atlas/countries-110m.json?url';
import { affineOf, fitAndClear } from './canvas-layer.ts';
import { MAP_CENTRE_LON, MAP_STRETCH } from '../layout/geographic.ts';

export const BASEMAP_LAYER = 'basemap';
const LAND = '#e8ecf0';
const BORDER = '#ffffff';

export interface Basemap {
  /** Draws the world (true) or nothing (false). */
  show(on: boolean): void;
  /** Whether the outlines are loaded and were painted by the last render. */
  painted(): boolean;
  kill(): void;
}

/** The world's outlines in the layout's plane, made once per page. */
let world: Promise<Path2D> | null = null;
function loadWorld(): Promise<Path2D> {
  world ??= (async () => {
    const [{ feature }, { geoEquirectangular, geoPath }, atlas] = await Promise.all([
      import('topojson-client'),
      import('d3-geo'),
      fetch(atlasUrl).then((r) => {
        if (!r.ok) throw new Error(`the world's outlines: HTTP ${r.status}`);
        return r.json();
      }),
    ]);
    // Equirectangular in degrees, cut on the meridian opposite the map's centre (d3 clips the polygons there).
    const projection = geoEquirectangular().rotate([-MAP_CENTRE_LON, 0]).scale(180 / Math.PI).translate([MAP_CENTRE_LON, 0]);
    const path = new Path2D();
    // d3's y grows southwards; the layout's northwards, stretched.
    const context = {
      moveTo: (x: number, y: number) => path.moveTo(x, -y * MAP_STRETCH),
      lineTo: (x: number, y: number) => path.lineTo(x, -y * MAP_STRETCH),
      closePath: () => path.closePath(),
      arc: () => {},
      beginPath: () => {},
    };
    geoPath(projection, context)(feature(atlas, atlas.objects.countries));
    return path;
  })();
  return world;
}

export function mountBasemap<N extends Attributes, E extends Attributes, G extends Attributes>(renderer: Sigma<N, E, G>): Basemap {
  const first = Object.keys(renderer.getCanvases())[0];
  const canvas = renderer.createCanvas(BASEMAP_LAYER, first ? { beforeLayer: first } : {}) as HTMLCanvasElement;
  Object.assign(canvas.style, { width: '100%', height: '100%', pointerEvents: 'none' });
  const ctx = canvas.getContext('2d');
  let on = false;
  let outline: Path2D | null = null;
  let paintedLast = false;
  let killed = false;

  const paint = () => {
    if (!ctx) return;
    const ratio = fitAndClear(canvas, ctx, renderer);
    paintedLast = false;
    if (!on || !outline) return;
    // Graph units to device pixels: sigma's camera and framing, as for a node.
    const a = affineOf((p) => renderer.graphToViewport(p));
    ctx.setTransform(ratio * a.ax, ratio * a.ay, ratio * a.bx, ratio * a.by, ratio * a.cx, ratio * a.cy);
    const unit = Math.hypot(a.ax, a.ay) || 1;
    ctx.fillStyle = LAND;
    ctx.fill(outline);
    ctx.lineWidth = 0.8 / unit;
    ctx.strokeStyle = BORDER;
    ctx.stroke(outline);
    paintedLast = true;
  };
  renderer.on('afterRender', paint);
  void loadWorld().then((p) => {
    outline = p;
    if (!killed && on) paint();
  }, (cause) => console.warn('Chokepoint: no world map:', cause));

  return {
    show(next) {
      if (next === on) return;
      on = next;
      paint();
    },
    painted: () => paintedLast,
    kill() {
      killed = true;
      renderer.off('afterRender', paint);
      if (renderer.getCanvases()[BASEMAP_LAYER]) renderer.killLayer(BASEMAP_LAYER);
    },
  };
}
