/**
 * The graph on screen: a sigma renderer over the display graph. Hover,
 * selection, search, filters, what-if and scenario marks live in one UI-state
 * object read by the node and edge reducers, never in graph data; each change
 * ends in a refresh. `mountGraphView` returns the view with a kill that can be
 * called twice.
 */
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { animateNodes } from 'sigma/utils';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { DisplayEdge, DisplayGraph, DisplayNode } from './display-graph.ts';
import { drawHover, drawLabel } from './labels.ts';
import { ADDED_COLOR, CHANGED_DOWN, CHANGED_UP, FADED, FAILED_COLOR, LOSS_COLOR, mix } from './look.ts';

export interface GraphUi {
  hovered: string | null;
  selected: string | null;
  selectedInput: string | null;
  hiddenKinds: Set<string>;
  countryFilter: string;
  inputFilter: string;
  /** Display size per node, from the chosen figure. */
  sizes: Map<string, number> | null;
  /** a(n) under the what-if failure; null when nothing fails. */
  availability: Record<string, number> | null;
  failed: Set<string>;
  /** What the scenario changed, in compare mode. */
  changedNodes: Map<string, 'added' | 'changed'> | null;
  changedEdges: Map<string, 'added' | 'up' | 'down'> | null;
  /** Search matches, highlighted while the search box has text. */
  matches: Set<string> | null;
}

export const emptyUi = (): GraphUi => ({
  hovered: null,
  selected: null,
  selectedInput: null,
  hiddenKinds: new Set(),
  countryFilter: '',
  inputFilter: '',
  sizes: null,
  availability: null,
  failed: new Set(),
  changedNodes: null,
  changedEdges: null,
  matches: null,
});

export interface GraphView {
  readonly sigma: Sigma<DisplayNode, DisplayEdge>;
  graph(): DisplayGraph;
  setGraph(g: DisplayGraph): void;
  update(change: Partial<GraphUi>, options?: { resize?: boolean }): void;
  ui(): Readonly<GraphUi>;
  /** Moves the nodes to new positions, animated. */
  moveTo(positions: Record<string, { x: number; y: number }>): void;
  /** Centres the camera on these nodes; `shiftPx` moves them left of the centre (to clear the inspector). */
  centreOn(keys: string[], shiftPx?: number): void;
  fit(): void;
  zoom(factor: number): void;
  /** Runs ForceAtlas2 in its worker for a while; calls `done` when it stops. */
  runForce(ms: number, done: () => void): void;
  stopForce(): void;
  /** A node's position on the page, for tests. */
  screenPosition(key: string): { x: number; y: number } | null;
  kill(): void;
}

export function mountGraphView(container: HTMLElement, initial: DisplayGraph, events: { onClickNode(key: string): void; onClickStage(): void }): GraphView {
  let graph = initial;
  let ui = emptyUi();
  let neighbours = new Set<string>();
  let fa2: FA2Layout | null = null;
  let fa2Timer: ReturnType<typeof setTimeout> | null = null;
  let killed = false;

  const visible = (key: string, a: DisplayNode) => {
    if (ui.hiddenKinds.has(a.kind)) return false;
    if (ui.countryFilter && a.country !== ui.countryFilter && !(a.kind === 'country' && a.country === ui.countryFilter)) return false;
    return true;
  };

  const nodeReducer = (key: string, a: DisplayNode): Partial<NodeDisplayData> => {
    const out: Partial<NodeDisplayData> & { label: string | null } = { ...a, label: a.label };
    if (!visible(key, a)) return { ...out, hidden: true };
    const size = ui.sizes?.get(key);
    if (size !== undefined) out.size = size;
    if (a.kind === 'country') out.forceLabel = true;
    if (a.kind === 'demand') {
      out.size = Math.max(out.size ?? 0, 7);
      out.forceLabel = true;
    }
    if (ui.availability && a.kind !== 'country') {
      const av = ui.availability[key] ?? 1;
      if (ui.failed.has(key)) {
        out.color = FAILED_COLOR;
        out.label = `✕ ${a.label}`;
        out.forceLabel = true;
        out.zIndex = 2;
      } else if (av < 1 - 1e-9) {
        out.color = mix('#f3c2b8', LOSS_COLOR, 1 - av);
        out.zIndex = 1;
      } else out.color = mix(a.color, '#ffffff', 0.7);
    }
    const mark = ui.changedNodes?.get(key);
    if (mark) {
      out.highlighted = true;
      out.forceLabel = true;
      out.label = `${mark === 'added' ? '＋' : '●'} ${a.label}`;
    }
    if (ui.matches) {
      if (ui.matches.has(key)) {
        out.highlighted = true;
        out.forceLabel = true;
      } else out.color = FADED;
    }
    const focus = ui.hovered ?? ui.selected;
    if (focus && graph.hasNode(focus)) {
      if (key === focus) {
        out.highlighted = true;
        out.forceLabel = true;
        out.zIndex = 3;
      } else if (neighbours.has(key)) {
        out.forceLabel = true;
        out.zIndex = 2;
      } else if (ui.hovered) {
        out.color = FADED;
        out.label = null;
        out.zIndex = 0;
      }
    }
    return out;
  };

  const edgeReducer = (key: string, a: DisplayEdge): Partial<EdgeDisplayData> => {
    const out: Partial<EdgeDisplayData> = { ...a };
    const [s, t] = graph.extremities(key);
    if (!visible(s, graph.getNodeAttributes(s)) || !visible(t, graph.getNodeAttributes(t))) return { ...out, hidden: true };
    if (ui.inputFilter && !a.sitsIn && a.input !== ui.inputFilter) return { ...out, hidden: true };
    if (ui.selectedInput && !a.sitsIn) out.color = a.input === ui.selectedInput ? '#5c6bc0' : '#eef0f3';
    if (ui.availability) {
      const lost = 1 - (ui.availability[s] ?? 1);
      if (lost > 1e-9) out.color = mix('#f1c6bd', LOSS_COLOR, lost);
      else out.color = '#eceef1';
    }
    const mark = ui.changedEdges?.get(key);
    if (mark) {
      out.color = mark === 'down' ? CHANGED_DOWN : mark === 'added' ? ADDED_COLOR : CHANGED_UP;
      out.zIndex = 2;
      out.size = Math.max(a.size, 1.5);
    }
    const focus = ui.hovered ?? ui.selected;
    if (focus && graph.hasNode(focus)) {
      if (s === focus || t === focus) {
        out.color = s === focus ? '#2f6fb0' : '#c8553d';
        out.zIndex = 3;
      } else if (ui.hovered) out.hidden = true;
    }
    return out;
  };

  const sigma = new Sigma<DisplayNode, DisplayEdge>(graph, container, {
    nodeReducer,
    edgeReducer,
    defaultEdgeType: 'arrow',
    renderEdgeLabels: false,
    labelDensity: 0.6,
    labelGridCellSize: 90,
    labelRenderedSizeThreshold: 7,
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 12,
    labelColor: { color: '#2b3138' },
    zIndex: true,
    hideEdgesOnMove: graph.size > 2000,
    minCameraRatio: 0.05,
    maxCameraRatio: 4,
    stagePadding: 40,
    defaultDrawNodeLabel: drawLabel as never,
    defaultDrawNodeHover: drawHover as never,
  });

  /** Room on the right of the rightmost nodes for their labels: the bounding box is widened, so sigma frames it. */
  const frame = () => {
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    graph.forEachNode((_k, a) => {
      minX = Math.min(minX, a.x);
      maxX = Math.max(maxX, a.x);
      minY = Math.min(minY, a.y);
      maxY = Math.max(maxY, a.y);
    });
    if (!Number.isFinite(minX)) return;
    const w = Math.max(maxX - minX, 1e-6);
    // A graph being built may have one node, or all in one column or row: give the box some room.
    const padX = maxX - minX < 1e-6 ? 1 : 0;
    const padY = maxY - minY < 1e-6 ? 1 : 0;
    sigma.setCustomBBox({ x: [minX - padX, maxX + 0.3 * w + padX], y: [minY - padY, maxY + padY] });
  };
  frame();

  const setNeighbours = () => {
    const focus = ui.hovered ?? ui.selected;
    neighbours = focus && graph.hasNode(focus) ? new Set(graph.neighbors(focus)) : new Set();
  };
  sigma.on('enterNode', ({ node }) => {
    ui = { ...ui, hovered: node };
    setNeighbours();
    container.style.cursor = 'pointer';
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on('leaveNode', () => {
    ui = { ...ui, hovered: null };
    setNeighbours();
    container.style.cursor = '';
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on('clickNode', ({ node }) => events.onClickNode(node));
  sigma.on('clickStage', () => events.onClickStage());

  // The canvas changes size when the panels around it do (the legend grows in what-if mode): draw again at the new size.
  const resized = new ResizeObserver(() => {
    if (!killed) sigma.refresh({ skipIndexation: true, schedule: true });
  });
  resized.observe(container);

  const stopForce = () => {
    if (fa2Timer) clearTimeout(fa2Timer);
    fa2Timer = null;
    fa2?.kill();
    fa2 = null;
  };

  return {
    sigma,
    graph: () => graph,
    setGraph(g) {
      stopForce();
      graph = g;
      sigma.setGraph(g);
      frame();
      setNeighbours();
      sigma.refresh();
    },
    update(change, options) {
      ui = { ...ui, ...change };
      setNeighbours();
      sigma.refresh(options?.resize ? undefined : { skipIndexation: true });
    },
    ui: () => ui,
    moveTo(positions) {
      stopForce();
      const targets: Record<string, { x: number; y: number }> = {};
      graph.forEachNode((k) => {
        const p = positions[k];
        if (p) targets[k] = p;
      });
      animateNodes(graph, targets, { duration: 400 }, frame);
    },
    centreOn(keys, shiftPx = 0) {
      const shown = keys.map((k) => (graph.hasNode(k) ? sigma.getNodeDisplayData(k) : undefined)).filter((d) => d !== undefined);
      if (shown.length === 0) return;
      const x = shown.reduce((s, d) => s + d.x, 0) / shown.length;
      const y = shown.reduce((s, d) => s + d.y, 0) / shown.length;
      const camera = sigma.getCamera();
      const ratio = Math.min(camera.ratio, 0.8);
      const a = sigma.viewportToFramedGraph({ x: 0, y: 0 });
      const b = sigma.viewportToFramedGraph({ x: shiftPx, y: 0 });
      const dx = ((b.x - a.x) * ratio) / camera.ratio;
      void camera.animate({ x: x + dx, y, ratio }, { duration: 350 });
    },
    fit: () => void sigma.getCamera().animatedReset({ duration: 300 }),
    zoom: (factor) => void (factor > 1 ? sigma.getCamera().animatedUnzoom({ duration: 200, factor }) : sigma.getCamera().animatedZoom({ duration: 200, factor: 1 / factor })),
    runForce(ms, done) {
      stopForce();
      const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, adjustSizes: false };
      fa2 = new FA2Layout(graph, { settings, getEdgeWeight: () => 1 });
      fa2.start();
      fa2Timer = setTimeout(() => {
        stopForce();
        frame();
        done();
      }, ms);
    },
    stopForce,
    screenPosition(key) {
      if (!graph.hasNode(key)) return null;
      const a = graph.getNodeAttributes(key);
      const p = sigma.graphToViewport({ x: a.x, y: a.y });
      const r = container.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    kill() {
      if (killed) return;
      killed = true;
      resized.disconnect();
      stopForce();
      sigma.kill();
    },
  };
}
