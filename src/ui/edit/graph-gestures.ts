/**
 * Editing on the graph itself, while the editor is open: drag a node to put
 * it somewhere (in the Tiers and As-in-the-file layouts the place is kept, as the
 * node's x and y, and drawn As in the file),
 * and Shift+drag from a supplier to a customer to start a new flow between
 * them. Sigma's own panning is held back only while a node is being dragged.
 */
import { countryOfNodeKey } from '../display-graph.ts';
import type { GraphView } from '../graph-view.ts';

export interface GestureHost {
  /** Gestures only work while the editor is open. */
  enabled(): boolean;
  /** Whether a dragged node's place is kept (Tiers, As in the file) or only shown. */
  keepsPlaces(): boolean;
  moveNode(key: string, x: number, y: number): void;
  connect(source: string, target: string): void;
}

const isCountry = (key: string) => countryOfNodeKey(key) !== null;

export function attachGestures(view: GraphView, host: GestureHost): () => void {
  const sigma = view.sigma;
  let drag: { node: string; connect: boolean; moved: boolean; x: number; y: number } | null = null;

  const onDown = ({ node, event }: { node: string; event: { original: MouseEvent | TouchEvent } }) => {
    if (!host.enabled() || isCountry(node)) return;
    const connect = 'shiftKey' in event.original && event.original.shiftKey;
    const a = view.graph().getNodeAttributes(node);
    drag = { node, connect, moved: false, x: a.x, y: a.y };
  };
  const onMove = ({ event }: { event: { x: number; y: number; preventSigmaDefault(): void; original: MouseEvent | TouchEvent } }) => {
    if (!drag) return;
    event.preventSigmaDefault();
    event.original.preventDefault();
    if (drag.connect) return;
    const p = sigma.viewportToGraph(event);
    view.graph().mergeNodeAttributes(drag.node, { x: p.x, y: p.y });
    drag.moved = true;
    drag.x = p.x;
    drag.y = p.y;
  };
  const onUpNode = ({ node }: { node: string }) => {
    const d = drag;
    drag = null;
    if (!d) return;
    if (d.connect && node !== d.node && !isCountry(node)) host.connect(d.node, node);
    else if (!d.connect && d.moved && host.keepsPlaces()) host.moveNode(d.node, d.x, d.y);
  };
  const onUpStage = () => {
    const d = drag;
    drag = null;
    if (d && !d.connect && d.moved && host.keepsPlaces()) host.moveNode(d.node, d.x, d.y);
  };
  sigma.on('downNode', onDown);
  sigma.on('moveBody', onMove);
  sigma.on('upNode', onUpNode);
  sigma.on('upStage', onUpStage);
  return () => {
    sigma.off('downNode', onDown);
    sigma.off('moveBody', onMove);
    sigma.off('upNode', onUpNode);
    sigma.off('upStage', onUpStage);
  };
}
