/**
 * The graph on screen: a sigma renderer over the display graph. Hover,
 * selection, search, filters, what-if and scenario marks live in one UI-state
 * object read by the node and edge reducers, never in graph data; each change
 * ends in a refresh. `mountGraphView` returns the view with a kill that can be
 * called twice.
 */
import { MultiDirectedGraph } from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import { animateNodes } from 'sigma/utils';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { attachInSlices, type Attaching } from './attach-in-slices.ts';
import { CanvasArrowProgram } from './canvas-arrow-program.ts';
import { affineOf } from './canvas-layer.ts';
import { canvasLineProgram, type Lines } from './canvas-line-program.ts';
import { canvasPointProgram, drawLeftOutPicking } from './canvas-point-program.ts';
import { nextTask } from './next-task.ts';
import { cameraMoving, quietPicking } from './picking-sigma.ts';
import { detachedFlows, minorFlows, putDetachedFlows, showMinorFlows, wantedMinorFlows, type DetachedFlows, type DisplayEdge, type DisplayGraph, type DisplayNode } from './display-graph.ts';
import { createLabelLayer, drawHover } from './labels.ts';
import { buildLevel, DETAIL_NODES, isGroupKey, LOD_NODES, levelOf, lodIndexOf, nodesIn, within, withMargin, type Rect } from './level-of-detail.ts';
import type { Box } from './label-placement.ts';
import { ADDED_COLOR, CHANGED_DOWN, CHANGED_UP, FADED, FAILED_COLOR, LOSS_COLOR, mix, namedNeighbours } from './look.ts';

export interface GraphUi {
  hovered: string | null;
  selected: string | null;
  selectedInput: string | null;
  hiddenKinds: Set<string>;
  countryFilter: string;
  inputFilter: string;
  /** Display size per node, from the chosen figure (undefined: a node the figure does not size, as a country's). */
  sizes: { get(key: string): number | undefined } | null;
  /** Colour per node when not by kind (colour-by.ts); null: the display graph's, by kind. */
  colors?: Map<string, string> | null;
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
  /** Draws another graph, with these UI changes: one pass of the reducers (on a big graph, each pass is long). */
  setGraph(g: DisplayGraph, change?: Partial<GraphUi>): void;
  update(change: Partial<GraphUi>, options?: { resize?: boolean }): void;
  /** Moves the nodes to new positions, animated. */
  moveTo(positions: Record<string, { x: number; y: number }>): void;
  /** Centres the camera on these nodes; `shiftPx` moves them left of the centre (to clear the inspector). */
  centreOn(keys: string[], shiftPx?: number): void;
  /**
   * Moves the camera so that these nodes (a selection and its neighbours) lie in the part of the canvas left of
   * `coverPx` pixels on its right (a panel's), zooming out if they need it; not in closer than the camera was or 0.8.
   */
  frameBeside(keys: string[], coverPx: number): void;
  /** The nodes a node's flows link it to, in the graph drawn. */
  neighboursOf(key: string): string[];
  fit(): void;
  zoom(factor: number): void;
  /** Runs ForceAtlas2 in its worker for a while; calls `done` when it stops. */
  runForce(ms: number, done: () => void): void;
  stopForce(): void;
  /** A node's position on the page (or a group's, in the level drawn), for tests. */
  screenPosition(key: string): { x: number; y: number } | null;
  /** The node labels the last render painted, their boxes in CSS pixels of the canvas (for tests: none overlap). */
  labelBoxes(): { key: string; box: Box }[];
  kill(): void;
}

/** How often a render made while the camera moved checks whether it has stopped (drawAtRest). */
const REST_CHECK_MS = 120;
/** Up to this many nodes, labels also keep off the nodes' discs (each render looks at every node). */
const LABEL_DISC_NODES = 1500;

export interface GraphViewEvents {
  onClickNode(key: string): void;
  onClickStage(): void;
  /**
   * After sigma's first render of a graph with all its flows in (the one mounted, then each one `setGraph` gives):
   * its node count, the flows it stands for, and the flows drawn (in sigma's graph, or beside it: flowsBeside).
   */
  onDrawn?(graph: { nodes: number; edges: number; drawnEdges: number }): void;
}

/**
 * Big graphs (docs/scale.md, In the app): above these sizes sigma hides flows and labels while the
 * camera moves, draws flows as 1-pixel lines without arrow heads, on a 2D canvas (canvas-line-program.ts),
 * and labels only larger nodes. Software WebGL (headless Chromium, machines without a GPU) pays for every
 * pixel of every flow.
 */
export const HIDE_ON_MOVE_EDGES = 2000;
export const THIN_EDGES = 10_000;
export const QUIET_LABELS_NODES = 2000;
/** The programs of big graphs' nodes and flows: points, and 1-pixel lines without arrow heads (not WebGL). */
const BIG_NODE_TYPE = 'point';
const BIG_EDGE_TYPE = 'thin';
/** Above HIDE_ON_MOVE_EDGES flows, arrows are drawn on a 2D canvas (canvas-arrow-program.ts), not with WebGL. */
const MID_EDGE_TYPE = 'wideArrow';
/** Above this many flows left out by its build, a new graph is handed to sigma in slices (attach-in-slices.ts). */
const SLICED_ATTACH_EDGES = 2000;
/** A big graph's level is made again once the camera has not moved for this long (level-of-detail.ts). */
const LEVEL_REST_MS = 150;
const STAGE_PADDING = 40;
export function scaleSettings(g: { order: number; size: number }): Partial<Settings> {
  return {
    hideEdgesOnMove: g.size > HIDE_ON_MOVE_EDGES,
    hideLabelsOnMove: g.order > QUIET_LABELS_NODES,
    defaultEdgeType: g.size > THIN_EDGES ? BIG_EDGE_TYPE : g.size > HIDE_ON_MOVE_EDGES ? MID_EDGE_TYPE : 'arrow',
    defaultNodeType: g.order > QUIET_LABELS_NODES ? BIG_NODE_TYPE : 'circle',
    labelRenderedSizeThreshold: g.order > QUIET_LABELS_NODES ? 11 : 7,
    // A big graph's levels show nodes themselves once the view holds few enough (level-of-detail.ts): in close enough.
    minCameraRatio: g.order > LOD_NODES ? MIN_CAMERA_RATIO * Math.min(1, LOD_NODES / g.order) : MIN_CAMERA_RATIO,
  };
}
const MIN_CAMERA_RATIO = 0.05;

/** Big graphs: a hover highlights the node and its neighbours without fading the rest (a partial redraw). */
export const lightHover = (g: { order: number; size: number }) => g.order > QUIET_LABELS_NODES || g.size > THIN_EDGES;

/** Whether the edge reducer gives the same for both UI states (it reads only these fields). */
export function sameForEdges(a: GraphUi, b: GraphUi): boolean {
  const sameSet = (x: Set<string>, y: Set<string>) => x === y || (x.size === y.size && [...x].every((k) => y.has(k)));
  const sameMap = (x: Map<string, string> | null, y: Map<string, string> | null) =>
    x === y || (x !== null && y !== null && x.size === y.size && [...x].every(([k, v]) => y.get(k) === v));
  return (a.hovered ?? a.selected) === (b.hovered ?? b.selected) && a.hovered === b.hovered && a.selectedInput === b.selectedInput &&
    a.countryFilter === b.countryFilter && a.inputFilter === b.inputFilter && a.availability === b.availability &&
    sameSet(a.hiddenKinds, b.hiddenKinds) && sameMap(a.changedEdges, b.changedEdges);
}

/** What an update redraws: every flow too, or the nodes only; and whether sigma indexes its graph again. */
interface Refresh {
  edgesToo: boolean;
  skipIndexation: boolean;
}

/**
 * A graph's size for `scaleSettings` and `lightHover`: its nodes, and every flow it stands for (minor ones kept beside it
 * too), before any minor flow is put in it.
 */
const scaleOf = (g: DisplayGraph) => {
  // A big graph's level (level-of-detail.ts) is drawn as the graph it stands for.
  const lod = lodIndexOf(g);
  if (lod) return { order: lod.keys.length, size: lod.sources.length };
  return levelOf(g)?.stands ?? { order: g.order, size: g.size + (detachedFlows(g)?.keys.length ?? 0) + (minorFlows(g)?.size ?? 0) };
};

export function mountGraphView(container: HTMLElement, initial: DisplayGraph, events: GraphViewEvents): GraphView {
  /** The display graph given; sigma holds it, or, above LOD_NODES nodes, a level of it (`graph`: level-of-detail.ts). */
  let full = initial;
  let lod = lodIndexOf(full);
  let graph = lod ? buildLevel(lod, full, null) : initial;
  let scale = scaleOf(graph);
  /** The minor flows (display-graph.ts, MinorFlows) now in sigma's graph. */
  const shown = new Set<string>();
  let ui = emptyUi();
  let neighbours = new Set<string>();
  /** The neighbours whose labels a focus shows whatever their size (namedNeighbours). */
  let named: ReadonlySet<string> = new Set<string>();
  let fa2: FA2Layout | null = null;
  let fa2Timer: ReturnType<typeof setTimeout> | null = null;
  let killed = false;
  /** The flows of the graph drawn going to sigma in slices, until they are all in. */
  let attaching: Attaching | null = null;
  /** Runs `run` in a task of its own after `wait`, once for all the calls made meanwhile; not once the view is killed. */
  const coalesced = (run: () => void, wait: () => Promise<void> = nextTask) => {
    let pending = false;
    return () => {
      if (pending) return;
      pending = true;
      void wait().then(() => {
        pending = false;
        if (!killed) run();
      });
    };
  };

  const visible = (key: string, a: DisplayNode) => {
    if (ui.hiddenKinds.has(a.kind)) return false;
    if (ui.countryFilter && a.country !== ui.countryFilter && !(a.kind === 'country' && a.country === ui.countryFilter)) return false;
    return true;
  };

  // `a` is sigma's own copy of the attributes, as for flows: changed in place (this runs for every node).
  const nodeReducer = (key: string, a: DisplayNode): Partial<NodeDisplayData> => {
    const out = a as Omit<DisplayNode, 'label'> & Partial<NodeDisplayData> & { label: string | null };
    const { label, color } = a;
    if (!visible(key, a)) {
      out.hidden = true;
      return out;
    }
    const size = ui.sizes?.get(key);
    if (size !== undefined) out.size = size;
    const own = ui.colors?.get(key);
    if (own !== undefined) out.color = own;
    if (a.kind === 'country') out.forceLabel = true;
    if (a.kind === 'demand') {
      out.size = Math.max(out.size ?? 0, 7);
      out.forceLabel = true;
    }
    if (ui.availability && a.kind !== 'country') {
      const av = ui.availability[key] ?? 1;
      const color = out.color ?? a.color;
      if (ui.failed.has(key)) {
        out.color = FAILED_COLOR;
        out.label = `✕ ${label}`;
        out.forceLabel = true;
        out.zIndex = 2;
      } else if (av < 1 - 1e-9) {
        out.color = mix('#f3c2b8', LOSS_COLOR, 1 - av);
        out.zIndex = 1;
      } else out.color = mix(color, '#ffffff', 0.7);
    }
    const mark = ui.changedNodes?.get(key);
    if (mark) {
      out.highlighted = true;
      out.forceLabel = true;
      out.label = `${mark === 'added' ? '＋' : '●'} ${label}`;
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
        out.forceLabel = named.has(key);
        out.zIndex = 2;
      } else if (ui.hovered && !lightHover(scale)) {
        out.color = FADED;
        out.label = null;
        out.zIndex = 0;
      }
    }
    return out;
  };

  /**
   * How a flow looks now, written on `out` (left as it is where the flow looks as its attributes say): sigma's
   * flows and the ones drawn beside its graph (besideLines). Its ends are looked up in the graph only when needed,
   * and not given (null).
   */
  const styleFlow = (key: string, a: DisplayEdge, source: string | null, target: string | null, out: Partial<EdgeDisplayData>): void => {
    const focus = ui.hovered ?? ui.selected;
    const focused = focus !== null && graph.hasNode(focus);
    const filtered = ui.hiddenKinds.size > 0 || ui.countryFilter !== '';
    // Nothing that depends on the flow's ends: the common case, and the cheap one.
    if (!focused && !filtered && !ui.availability && !ui.inputFilter && !ui.selectedInput && !ui.changedEdges) {
      if (a.minor) out.hidden = true;
      return;
    }
    const [s, t] = source !== null && target !== null ? [source, target] : graph.extremities(key);
    const hidden = (a.minor && s !== focus && t !== focus && !ui.changedEdges?.has(key)) ||
      (filtered && (!visible(s, graph.getNodeAttributes(s)) || !visible(t, graph.getNodeAttributes(t)))) ||
      (ui.inputFilter && !a.sitsIn && a.input !== ui.inputFilter);
    if (hidden) {
      out.hidden = true;
      return;
    }
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
    if (focused) {
      if (s === focus || t === focus) {
        out.color = s === focus ? '#2f6fb0' : '#c8553d';
        out.zIndex = 3;
      } else if (ui.hovered && !lightHover(scale)) out.hidden = true;
    }
  };
  // `a` is sigma's own copy of the attributes: changed in place, no second copy (this runs for every flow).
  const edgeReducer = (key: string, a: DisplayEdge): Partial<EdgeDisplayData> => {
    styleFlow(key, a, null, null, a as Partial<EdgeDisplayData>);
    return a;
  };

  /**
   * A graph drawn with thin lines keeps the flows its build left out beside it, never in sigma's graph: sigma
   * indexes every flow it holds again at each change of the graph or of sizes (its `process`, 15 to 70 ms for
   * 10,000 nodes and 10,000 flows), and putting them in took two tasks of their own (docs/scale.md, In the app).
   * The flows' program strokes them with sigma's own (the minor flows of a focused node, which sigma holds).
   */
  const flowsBeside = (): DetachedFlows | null => (scale.size > THIN_EDGES ? detachedFlows(graph) : null);
  /** A new big graph's strokes (its flows beside sigma's graph, its discs) wait for the task after sigma took it (attach). */
  let strokesHeld = false;
  const lines: Lines = { count: 0, ends: new Float32Array(0), colors: [], levels: new Uint8Array(0) };
  const look: Partial<EdgeDisplayData> = {};
  const besideLines = (renderer: Pick<Sigma, 'graphToViewport'>): Lines | null => {
    const flows = flowsBeside();
    if (!flows || strokesHeld) return null;
    const n = flows.keys.length;
    if (lines.ends.length < 4 * n) {
      lines.ends = new Float32Array(4 * n);
      lines.levels = new Uint8Array(n);
      lines.colors = new Array<string>(n).fill('');
    }
    lines.count = n;
    // Graph to viewport is affine (sigma's normalization, then the camera).
    const { ax, bx, cx, ay, by, cy } = affineOf((p) => renderer.graphToViewport(p));
    const colors = lines.colors as string[];
    for (let i = 0; i < n; i++) {
      const s = flows.sources[i]!, t = flows.targets[i]!, a = flows.attributes[i]!;
      look.hidden = false;
      look.color = a.color;
      look.zIndex = 0;
      styleFlow(flows.keys[i] ?? '', a, s, t, look);
      if (look.hidden) {
        lines.levels[i] = 0;
        continue;
      }
      lines.levels[i] = look.zIndex! > 0 ? 2 : 1;
      colors[i] = look.color!;
      const p = graph.getNodeAttributes(s), q = graph.getNodeAttributes(t);
      lines.ends[4 * i] = ax * p.x + bx * p.y + cx;
      lines.ends[4 * i + 1] = ay * p.x + by * p.y + cy;
      lines.ends[4 * i + 2] = ax * q.x + bx * q.y + cx;
      lines.ends[4 * i + 3] = ay * q.x + by * q.y + cy;
    }
    return lines;
  };

  // Few flows left out by the build go in before sigma takes the graph; many go in slices once it has, or stay
  // beside it (attach).
  if (!flowsBeside() && (detachedFlows(graph)?.keys.length ?? 0) <= SLICED_ATTACH_EDGES) putDetachedFlows(graph);
  // Labels are placed without overlap at the end of each render (labels.ts, label-placement.ts).
  const labelLayer = createLabelLayer();
  const sigma = new Sigma<DisplayNode, DisplayEdge>(graph, container, {
    nodeReducer,
    edgeReducer,
    renderEdgeLabels: false,
    labelDensity: 0.6,
    labelGridCellSize: 90,
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 12,
    labelColor: { color: '#2b3138' },
    zIndex: true,
    edgeProgramClasses: { arrow: EdgeArrowProgram, line: EdgeRectangleProgram, thin: canvasLineProgram<DisplayNode, DisplayEdge>(besideLines), [MID_EDGE_TYPE]: CanvasArrowProgram },
    nodeProgramClasses: { circle: NodeCircleProgram, point: canvasPointProgram<DisplayNode, DisplayEdge>(() => strokesHeld) },
    ...scaleSettings(scale),
    maxCameraRatio: 4,
    stagePadding: STAGE_PADDING,
    defaultDrawNodeLabel: labelLayer.draw as never,
    defaultDrawNodeHover: drawHover as never,
  });
  // On big graphs a drag does not hover (below), so it need not pick either.
  quietPicking(sigma, () => lightHover(scale), () => drawLeftOutPicking(sigma));

  /**
   * Big graphs' nodes are all points, and their flows thin lines or wide arrows, drawn on 2D canvases of their own:
   * sigma's WebGL layers for them stay empty, and are hidden so that no frame reads them back (picking is offscreen).
   */
  const showWebglLayers = () => {
    const { defaultNodeType, defaultEdgeType } = scaleSettings(scale);
    const canvases = sigma.getCanvases();
    canvases.nodes!.style.display = defaultNodeType === BIG_NODE_TYPE ? 'none' : '';
    canvases.edges!.style.display = defaultEdgeType === 'arrow' ? '' : 'none';
  };
  showWebglLayers();

  /** The box framed (graph coordinates). */
  let box: Rect = { x0: 0, y0: 0, x1: 1, y1: 1 };
  /** Room on the right of the rightmost nodes for their labels: the bounding box is widened, so sigma frames it. */
  const frame = () => {
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    // The whole graph's box, not its level's: the camera stays put as levels come and go.
    full.forEachNode((_k, a) => {
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
    // The longest label among the rightmost nodes (buyers' are never cut), as a share of the canvas it may take.
    let longest = 0;
    full.forEachNode((_k, a) => {
      if (a.x >= maxX - 0.02 * w) longest = Math.max(longest, a.label.length);
    });
    const share = Math.min(0.45, (longest * 7 + 16) / Math.max(200, container.offsetWidth - 80));
    const room = Math.max(0.3, share / (1 - share));
    box = { x0: minX - padX, x1: maxX + room * w + padX, y0: minY - padY, y1: maxY + padY };
    sigma.setCustomBBox({ x: [box.x0, box.x1], y: [box.y0, box.y1] });
  };
  frame();

  /**
   * Puts in sigma's graph the minor flows wanted now (the focused node's own, the ones the scenario marks), if not
   * in yet; true if any came: sigma must then index its graph again before it can draw them (a node's first hover).
   */
  const syncMinor = (): boolean => {
    const minor = minorFlows(graph);
    return minor !== null && showMinorFlows(graph, shown, wantedMinorFlows(minor, ui.hovered ?? ui.selected, ui.changedEdges?.keys() ?? null));
  };

  /** The wanted minor flows into sigma's graph, and the focus's neighbours; true if flows came (syncMinor). */
  const refocus = (): boolean => {
    const indexed = syncMinor();
    const focus = ui.hovered ?? ui.selected;
    neighbours = focus && graph.hasNode(focus) ? new Set(graph.neighbors(focus)) : new Set();
    const beside = flowsBeside();
    if (focus && beside) {
      for (let i = 0; i < beside.keys.length; i++) {
        if (beside.sources[i] === focus) neighbours.add(beside.targets[i]!);
        else if (beside.targets[i] === focus) neighbours.add(beside.sources[i]!);
      }
    }
    named = namedNeighbours(neighbours, (k) => ui.sizes?.get(k) ?? graph.getNodeAttribute(k, 'size'));
    return indexed;
  };
  /**
   * A hover's redraw. On big graphs (`lightHover`) it fades nothing, so only the nodes and flows around
   * the node left and the node entered are redrawn: sigma's full refresh runs both reducers on every
   * node and flow, too long a task for each move of the mouse. That redraw, and the node's minor flows put in
   * sigma's graph, wait for a task of their own, not the mouse event's (which Chromium runs at the start of a
   * frame: docs/scale.md, In the app). Hovers meanwhile are merged into it.
   */
  let hoverLeft: { focus: string | null } | null = null;
  const redrawHover = coalesced(() => {
    // The focus before the first hover not yet drawn, and its neighbours. None: a new graph came since.
    if (!hoverLeft) return;
    const before = hoverLeft.focus;
    hoverLeft = null;
    const beforeNeighbours = neighbours;
    const indexed = refocus();
    const after = ui.hovered ?? ui.selected;
    const nodes = new Set([...beforeNeighbours, ...neighbours]);
    const edges = new Set<string>();
    for (const k of [before, after]) {
      if (!k || !graph.hasNode(k)) continue;
      nodes.add(k);
      graph.forEachEdge(k, (e) => void edges.add(e));
    }
    // Flows came: sigma indexes its graph again.
    sigma.refresh({ partialGraph: { nodes: [...nodes], edges: [...edges] }, skipIndexation: !indexed });
  });
  const hover = (node: string | null) => {
    const before = ui.hovered ?? ui.selected;
    ui = { ...ui, hovered: node };
    container.style.cursor = node ? 'pointer' : '';
    if (!lightHover(scale)) {
      refocus();
      return void sigma.refresh({ skipIndexation: true });
    }
    hoverLeft ??= { focus: before };
    redrawHover();
  };
  // A button held down: the camera is being dragged over nodes, not hovering them.
  const dragging = (e: { event: { original: MouseEvent | TouchEvent } }) => 'buttons' in e.event.original && e.event.original.buttons !== 0;
  sigma.on('enterNode', (e) => {
    if (!dragging(e) || !lightHover(scale)) hover(e.node);
  });
  sigma.on('leaveNode', () => {
    if (ui.hovered !== null) hover(null);
  });
  // The labels sigma asked for, placed clear of each other and, on graphs up to LABEL_DISC_NODES, of the nodes' discs.
  sigma.on('afterRender', () => labelLayer.flush(() => {
    const g = sigma.getGraph();
    if (g.order > LABEL_DISC_NODES) return [];
    const discs: { key: string; x: number; y: number; r: number }[] = [];
    g.forEachNode((key) => {
      const d = sigma.getNodeDisplayData(key);
      if (!d || d.hidden) return;
      const p = sigma.framedGraphToViewport(d);
      discs.push({ key, x: p.x, y: p.y, r: sigma.scaleSize(d.size) });
    });
    return discs;
  }, sigma.getDimensions()));
  // The first render of each new graph is reported once (tests and the app benchmark time "drawn" by it).
  let undrawn = true;
  /** The graph whose first render was reported: a new level of it is not a new graph. */
  let announced: DisplayGraph | null = null;
  sigma.on('afterRender', () => {
    if (!undrawn) return;
    undrawn = false;
    if (announced === full) return;
    announced = full;
    events.onDrawn?.({ nodes: full.order, edges: scale.size, drawnEdges: sigma.getGraph().size + (flowsBeside()?.keys.length ?? 0) });
  });
  // Sigma leaves the flows out of a render while the camera moves (hideEdgesOnMove) and draws them at the next one. A
  // move that ends with no render after it (a wheel's or drag's end inside a fit's animation, on a busy machine) left
  // them wiped until the next move: once nothing moves, one more render.
  const moving = () => cameraMoving(sigma);
  let restCheck: ReturnType<typeof setTimeout> | undefined;
  const drawAtRest = () => {
    restCheck = undefined;
    if (killed) return;
    if (moving()) restCheck = setTimeout(drawAtRest, REST_CHECK_MS);
    else sigma.scheduleRender();
  };
  sigma.on('afterRender', () => {
    // Big graphs' nodes leave their picking buffer undrawn while the camera moves (canvas-point-program.ts).
    const leftOut = sigma.getSetting('hideEdgesOnMove') || sigma.getSetting('defaultNodeType') === BIG_NODE_TYPE;
    if (restCheck !== undefined || !leftOut || !moving()) return;
    restCheck = setTimeout(drawAtRest, REST_CHECK_MS);
  });
  sigma.on('clickNode', ({ node }) => {
    // A group is zoomed into (its nodes come as the view holds few enough), not selected.
    if (isGroupKey(node)) {
      const d = sigma.getNodeDisplayData(node);
      const camera = sigma.getCamera();
      if (d) void camera.animate({ x: d.x, y: d.y, ratio: camera.ratio / 4 }, { duration: 300 });
      return;
    }
    events.onClickNode(node);
  });
  sigma.on('clickStage', () => events.onClickStage());

  // The canvas changes size when the panels around it do (the legend grows in what-if mode): draw again at the new size.
  // Data unchanged: no reducer runs (an empty partial refresh), only sigma's indexing at the new size, in the next
  // frame; on a big graph in a task of its own, as its other draws (hover, above).
  // Observers also fire for changes sigma does not see (a fraction of a pixel): only a new whole-pixel size is drawn again.
  let seen = { width: -1, height: -1 };
  const redrawResized = coalesced(() => sigma.refresh({ partialGraph: { nodes: [], edges: [] } }));
  const resized = new ResizeObserver(() => {
    const size = { width: container.offsetWidth, height: container.offsetHeight };
    if (killed || (size.width === seen.width && size.height === seen.height)) return;
    seen = size;
    if (lightHover(scale)) redrawResized();
    else sigma.refresh({ partialGraph: { nodes: [], edges: [] }, schedule: true });
  });
  resized.observe(container);

  /** The level shown, on the container for tests and styles: groups or nodes, and how many nodes it shows itself. */
  const markLevel = () => {
    const level = levelOf(graph);
    container.dataset.level = level?.level ?? '';
    container.dataset.levelNodes = level ? String(level.shownNodes) : '';
  };
  /** The view's rectangle in graph coordinates. */
  const viewRect = (): Rect => {
    const { width, height } = sigma.getDimensions();
    const a = sigma.viewportToGraph({ x: 0, y: 0 }), b = sigma.viewportToGraph({ x: width, y: height });
    return { x0: Math.min(a.x, b.x), y0: Math.min(a.y, b.y), x1: Math.max(a.x, b.x), y1: Math.max(a.y, b.y) };
  };
  /**
   * Graph units per CSS pixel at the camera's zoom (groups are spread apart by it: level-of-detail.ts, spreadGroups),
   * from the box framed: sigma's own conversions use the box of its last render, not yet the new graph's.
   */
  const unitsPerPixel = () => {
    const { width, height } = sigma.getDimensions();
    const room = Math.max(1, Math.min(width, height) - 2 * STAGE_PADDING);
    return (Math.max(box.x1 - box.x0, box.y1 - box.y0) / room) * sigma.getCamera().ratio;
  };
  /** The nodes a level must show themselves: the ones hovered and selected. */
  const focusKeys = () => [ui.hovered, ui.selected].filter((k): k is string => k !== null && !isGroupKey(k) && full.hasNode(k));
  /** The level for the view now: the one shown if it still fits (nodes in view, focus in), else a new one. */
  const levelFor = (): DisplayGraph | null => {
    if (!lod) return null;
    const rect = viewRect();
    const level = levelOf(graph);
    const focusIn = focusKeys().every((k) => graph.hasNode(k));
    if (level && focusIn) {
      if (level.level === 'nodes' && level.rect && within(rect, level.rect)) return null;
      if (level.level === 'groups' && nodesIn(lod, withMargin(rect)) > DETAIL_NODES) return null;
    }
    return buildLevel(lod, full, withMargin(rect), focusKeys(), { unitsPerPixel: unitsPerPixel() });
  };
  /** Sigma takes another level of the same graph. */
  const showLevel = (next: DisplayGraph) => {
    attaching?.stop();
    attaching = null;
    graph = next;
    shown.clear();
    hoverLeft = null;
    refocus();
    attach(next);
    markLevel();
  };
  /** Once the camera rests (a level is built and indexed in one task: not at each frame of a move). */
  let levelTimer: ReturnType<typeof setTimeout> | null = null;
  const scheduleLevel = () => {
    if (!lod) return;
    if (levelTimer) clearTimeout(levelTimer);
    levelTimer = setTimeout(() => {
      levelTimer = null;
      if (killed) return;
      const next = levelFor();
      if (next) showLevel(next);
    }, LEVEL_REST_MS);
  };
  sigma.getCamera().on('updated', scheduleLevel);
  markLevel();

  /**
   * Hands sigma the graph `graph` now is: the flows its build left out stay beside it (flowsBeside), or go in, in
   * slices when there are many (attach-in-slices.ts), else at once.
   */
  const attach = (g: DisplayGraph) => {
    const flows = detachedFlows(g);
    // A hold for the graph before ends with it.
    strokesHeld = false;
    if (flowsBeside()) {
      // Sigma's first pass over the nodes makes one task, the first strokes of the discs and flows the next (7 to
      // 18 and 19 to 22 ms of a task of 55 to 80: docs/scale.md, In the app); the graph is drawn once they are.
      strokesHeld = true;
      undrawn = false;
      sigma.setGraph(g);
      void nextTask().then(() => {
        if (killed || graph !== g) return;
        strokesHeld = false;
        undrawn = true;
        sigma.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
      });
      return;
    }
    if (!flows || flows.keys.length <= SLICED_ATTACH_EDGES) {
      putDetachedFlows(g);
      undrawn = true;
      return void sigma.setGraph(g);
    }
    // Its first picture is the one with every flow in.
    undrawn = false;
    const slices: Attaching = attachInSlices(sigma, g, flows, {
      whole: () => {
        if (attaching !== slices) return;
        attaching = null;
        undrawn = true;
      },
    });
    attaching = slices;
  };
  // Many flows left out of the first graph, not beside it: sigma took it without them.
  if (detachedFlows(graph) && !flowsBeside()) attach(graph);

  const refreshFor = ({ edgesToo, skipIndexation }: Refresh) => {
    if (edgesToo) sigma.refresh({ skipIndexation });
    else sigma.refresh({ partialGraph: { nodes: graph.nodes(), edges: [] }, skipIndexation });
  };
  /**
   * On a big graph an update's refresh waits until the frame after it is painted (the panels the same change
   * redrew: 50 to 70 ms of layout and paint when the figures come), then runs the reducers and draws in a task of
   * its own, not in a frame's (docs/scale.md, In the app). Updates meanwhile are merged into it; the reducers read
   * the UI state of then.
   */
  let deferred: Refresh | null = null;
  const afterPaint = coalesced(() => {
    const refresh = deferred;
    deferred = null;
    if (!refresh) return;
    const indexed = refocus();
    refreshFor({ ...refresh, skipIndexation: refresh.skipIndexation && !indexed });
  }, () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())).then(nextTask));

  /** A node's place in sigma's framed coordinates: drawn, or (outside the level shown) from the whole graph. */
  const placeOf = (k: string): Pick<NodeDisplayData, 'x' | 'y' | 'hidden'> | undefined => {
    if (graph.hasNode(k)) return sigma.getNodeDisplayData(k);
    if (!full.hasNode(k)) return undefined;
    const a = full.getNodeAttributes(k);
    return { ...sigma.viewportToFramedGraph(sigma.graphToViewport({ x: a.x, y: a.y })), hidden: false };
  };

  const stopForce = () => {
    if (fa2Timer) clearTimeout(fa2Timer);
    fa2Timer = null;
    fa2?.kill();
    fa2 = null;
  };

  return {
    sigma,
    graph: () => full,
    setGraph(g, change = {}) {
      stopForce();
      // The graph before is dropped, with the flows it had yet to take.
      attaching?.stop();
      attaching = null;
      // Before the graph, so that its first render uses them (setGraph renders at once), and only when
      // they change: sigma re-indexes the graph it holds at once (the reducers read `graph`, still that one).
      const next = scaleOf(g);
      const settings = Object.entries(scaleSettings(next)) as [keyof Settings, never][];
      if (settings.some(([k, v]) => sigma.getSetting(k) !== v)) sigma.setSettings(Object.fromEntries(settings));
      full = g;
      lod = lodIndexOf(g);
      scale = next;
      ui = { ...ui, ...change };
      // The whole graph's box first (levels are spread and placed by it).
      frame();
      // Groups first: sigma converts the view to graph coordinates with the new graph's box only once it has drawn
      // it, and the level for the view comes once the camera rests (scheduleLevel, at the end).
      graph = lod ? buildLevel(lod, full, null, focusKeys(), { unitsPerPixel: unitsPerPixel() }) : g;
      showWebglLayers();
      shown.clear();
      // A refresh still waiting is for the graph before: the new one is drawn with the UI state of now.
      deferred = null;
      hoverLeft = null;
      // Into the new graph before sigma holds it: indexed with the rest.
      refocus();
      attach(graph);
      markLevel();
      scheduleLevel();
    },
    update(change, options) {
      const before = ui;
      ui = { ...ui, ...change };
      // Most changes (sizes, search matches, scenario marks on nodes) leave every flow as it was: only the nodes go through the reducer.
      const edgesToo = !sameForEdges(before, ui);
      // A node selected outside the level comes into it (levelFor).
      if (lod && (ui.selected !== before.selected)) scheduleLevel();
      if (!lightHover(scale)) {
        const indexed = refocus();
        return void refreshFor({ edgesToo, skipIndexation: !options?.resize && !indexed });
      }
      // Minor flows wanted now go in with the deferred refresh: put in at once, sigma would index its graph at
      // the next frame, before the paint, and again with the refresh.
      deferred = { edgesToo: edgesToo || (deferred?.edgesToo ?? false), skipIndexation: !options?.resize && (deferred?.skipIndexation ?? true) };
      afterPaint();
    },
    moveTo(positions) {
      stopForce();
      if (lod) {
        // A level's nodes are copies: the whole graph moves at once, and the level is made again.
        const index = lod;
        full.updateEachNodeAttributes((k, a) => {
          const p = positions[k];
          if (p) {
            a.x = p.x;
            a.y = p.y;
          }
          return a;
        }, { attributes: ['x', 'y'] });
        index.keys.forEach((k, i) => {
          const p = positions[k];
          if (p) {
            index.xs[i] = p.x;
            index.ys[i] = p.y;
          }
        });
        frame();
        showLevel(buildLevel(index, full, null, focusKeys(), { unitsPerPixel: unitsPerPixel() }));
        scheduleLevel();
        return;
      }
      const targets: Record<string, { x: number; y: number }> = {};
      graph.forEachNode((k) => {
        const p = positions[k];
        if (p) targets[k] = p;
      });
      animateNodes(graph, targets, { duration: 400 }, frame);
    },
    centreOn(keys, shiftPx = 0) {
      const shown = keys.map(placeOf).filter((d) => d !== undefined);
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
    frameBeside(keys, coverPx) {
      const shown = keys.map(placeOf).filter((d): d is Pick<NodeDisplayData, 'x' | 'y' | 'hidden'> => d !== undefined && !d.hidden);
      if (shown.length === 0) return;
      let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
      for (const d of shown) {
        minX = Math.min(minX, d.x);
        maxX = Math.max(maxX, d.x);
        minY = Math.min(minY, d.y);
        maxY = Math.max(maxY, d.y);
      }
      const { width, height } = sigma.getDimensions();
      const camera = sigma.getCamera();
      // Framed units per CSS pixel at ratio 1 (they scale with the ratio).
      const a = sigma.viewportToFramedGraph({ x: 0, y: 0 }), b = sigma.viewportToFramedGraph({ x: 100, y: 100 });
      const perPx = Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y)) / 100 / camera.ratio;
      // Room for the labels right of the nodes and the nodes' own size.
      const freeW = Math.max(120, width - coverPx - 200), freeH = Math.max(120, height - 100);
      const needed = Math.max((maxX - minX) / (perPx * freeW), (maxY - minY) / (perPx * freeH));
      const ratio = Math.min(4, Math.max(needed, Math.min(camera.ratio, 0.8)));
      // The nodes' middle goes to the middle of the free part, left of the panel: the camera's centre is coverPx/2 right of it.
      const x = (minX + maxX) / 2 + (coverPx / 2 + 40) * perPx * ratio;
      const y = (minY + maxY) / 2;
      void camera.animate({ x, y, ratio }, { duration: 350 });
    },
    neighboursOf: (key) => (graph.hasNode(key) ? graph.neighbors(key) : []),
    fit: () => void sigma.getCamera().animatedReset({ duration: 300 }),
    zoom: (factor) => void (factor > 1 ? sigma.getCamera().animatedUnzoom({ duration: 200, factor }) : sigma.getCamera().animatedZoom({ duration: 200, factor: 1 / factor })),
    runForce(ms, done) {
      stopForce();
      // Not on a big graph's levels: its places stay the layout's (docs/app.md, Big graphs).
      if (lod) return void setTimeout(done, 0);
      attaching?.complete();
      // ForceAtlas2 pulls along every flow, minor ones too: it runs on a copy with all of them, whose positions go to the graph drawn.
      const layout = new MultiDirectedGraph<{ x: number; y: number; size: number }>();
      graph.forEachNode((k, a) => layout.addNode(k, { x: a.x, y: a.y, size: a.size }));
      graph.forEachEdge((_e, _a, s, t) => void layout.addDirectedEdge(s, t));
      const beside = flowsBeside();
      for (let i = 0; i < (beside?.keys.length ?? 0); i++) layout.addDirectedEdge(beside!.sources[i]!, beside!.targets[i]!);
      for (const f of minorFlows(graph)?.values() ?? []) if (!graph.hasEdge(f.key)) layout.addDirectedEdge(f.source, f.target);
      layout.on('eachNodeAttributesUpdated', () => {
        graph.updateEachNodeAttributes((k, a) => {
          const p = layout.getNodeAttributes(k);
          a.x = p.x;
          a.y = p.y;
          return a;
        }, { attributes: ['x', 'y'] });
      });
      const settings = { ...forceAtlas2.inferSettings(layout), barnesHutOptimize: layout.order > 500, adjustSizes: false };
      fa2 = new FA2Layout(layout, { settings, getEdgeWeight: () => 1 });
      fa2.start();
      fa2Timer = setTimeout(() => {
        stopForce();
        frame();
        done();
      }, ms);
    },
    stopForce,
    screenPosition(key) {
      // A group of a level (level-of-detail.ts) is in the level only.
      const g = full.hasNode(key) ? full : graph.hasNode(key) ? graph : null;
      if (!g) return null;
      const a = g.getNodeAttributes(key);
      const p = sigma.graphToViewport({ x: a.x, y: a.y });
      const r = container.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    labelBoxes: () => labelLayer.placed().map((p) => ({ key: p.key, box: p.box })),
    kill() {
      if (killed) return;
      killed = true;
      resized.disconnect();
      if (levelTimer) clearTimeout(levelTimer);
      clearTimeout(restCheck);
      stopForce();
      sigma.kill();
      attaching?.stop();
    },
  };
}
