/**
 * Sigma finds the node under the pointer by reading one pixel back from its picking buffer (WebGL `readPixels`) on
 * every pointer move and every wheel step, and draws that buffer again at every render. With software WebGL (headless
 * Chromium, machines without a GPU) each read makes the page wait until the frame being drawn is done: 280 ms of a 2 s
 * pan's main thread at 10,000 nodes (docs/scale.md, In the app). `quietPicking` has one sigma skip the read where
 * its answer is not used:
 *
 * - a wheel step, when nothing listens for `wheelNode`: the step zooms wherever the pointer is;
 * - while `quietDrags()` says so (the view passes its light-hover rule: on big graphs a drag does not hover,
 *   graph-view.ts), a move with a button held, and any move while the camera moves (`cameraMoving`): the node under
 *   the pointer is taken to be the one already hovered, so the view neither enters nor leaves a node until it rests.
 *   The big graphs' node program (canvas-point-program.ts) leaves its picking buffer undrawn meanwhile, and the view
 *   renders once more at rest.
 *
 * Presses, releases and clicks always read, `beforeRead` first (the view has the picking buffer drawn if the last
 * render left it out: a click while the view still zooms finds the node under it): dragging a node and
 * Shift+dragging a new flow (edit/graph-gestures.ts) start and end on them.
 */
import type Sigma from 'sigma';
import type { Coordinates } from 'sigma/types';
import type { Attributes } from 'graphology-types';

/** Sigma's own test of a moving camera (its render hides flows and labels on it): animated, dragged or wheeled. */
export function cameraMoving<N extends Attributes, E extends Attributes, G extends Attributes>(sigma: Sigma<N, E, G>): boolean {
  const captor = sigma.getMouseCaptor();
  return sigma.getCamera().isAnimated() || captor.isMoving || captor.draggedEvents > 0 || captor.currentWheelDirection !== 0;
}

/** Whether sigma need not read the pixel under a pointer event (see above). */
export function skipsPick(original: Event | undefined, { quietDrags, moving, wheelHeard }: { quietDrags: boolean; moving: boolean; wheelHeard: boolean }): boolean {
  if (!original) return false;
  if (original.type === 'wheel') return !wheelHeard;
  if (!quietDrags) return false;
  if (original.type === 'mousemove' || original.type === 'pointermove') return moving || (original as MouseEvent).buttons !== 0;
  return original.type === 'touchmove';
}

/** Sigma's own picking, private in its types: `quietPicking` replaces it on one instance. */
interface Picking {
  getNodeAtPosition(position: Coordinates & { original?: Event }): string | null;
  hoveredNode: string | null;
}

export function quietPicking<N extends Attributes, E extends Attributes, G extends Attributes>(sigma: Sigma<N, E, G>, quietDrags: () => boolean, beforeRead: () => void = () => {}): void {
  const s = sigma as unknown as Picking;
  const pick = s.getNodeAtPosition.bind(sigma);
  s.getNodeAtPosition = (position) => {
    const original = position.original;
    const quiet = quietDrags();
    if (!skipsPick(original, { quietDrags: quiet, moving: quiet && cameraMoving(sigma), wheelHeard: sigma.listenerCount('wheelNode') > 0 })) {
      beforeRead();
      return pick(position);
    }
    return original?.type === 'wheel' ? null : s.hoveredNode;
  };
}
