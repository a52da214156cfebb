/**
 * The checks of a file's shocks (metrics.md §8) that the schema cannot make:
 * ids used once, cited sources, and every hit matching some node of the graph
 * as loaded; and every problem inside a shock named by the shock's id and
 * the hit's index, so that a long list of shocks can be mended from the message.
 */
import type { SupplyGraph } from '../model/graph.ts';
import type { Problem } from '../model/problem.ts';
import type { Shock } from '../model/schema.ts';
import type { PathArray } from '../model/zod-problems.ts';
import { describeSelector } from '../scenarios/select.ts';
import { hitNodes } from '../scenarios/shock-hits.ts';

type Add = (path: PathArray, expected: string, found: string) => void;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Duplicate ids and cited sources, on the raw file (`cites` checks a list of source ids at a path). */
export function checkShockRefs(attrs: Obj, add: Add, cites: (ids: unknown, path: PathArray) => void): void {
  const ids = new Map<string, number>();
  arr(attrs.shocks).forEach((s, i) => {
    if (!isObj(s)) return;
    const path: PathArray = ['attributes', 'shocks', i];
    if (typeof s.id === 'string') {
      if (ids.has(s.id)) add([...path, 'id'], 'a shock id used once', `"${s.id}" again (also attributes.shocks[${ids.get(s.id)}])`);
      else ids.set(s.id, i);
    }
    cites(s.sources, [...path, 'sources']);
  });
}

/** A hit that matches no node of the graph as loaded is an error (in a scenario's graph it is only skipped). */
export function checkShockHits(graph: SupplyGraph, shocks: readonly Shock[], add: Add): void {
  shocks.forEach((shock, i) =>
    shock.hits.forEach((hit, j) => {
      if (hitNodes(graph, hit).length === 0) {
        add(['attributes', 'shocks', i, 'hits', j, 'where'], `shock "${shock.id}", hit ${j}: a selector that matches some node of the graph`, `${describeSelector(hit.where)}, which matches no node`);
      }
    }),
  );
}

/** Prefixes what a problem inside attributes.shocks[i] expected with `shock "id"` (and `hit j`), where the raw file gives the id. */
export function nameShockProblems(raw: Obj, problems: readonly Problem[], paths: ReadonlyMap<Problem, PathArray>): void {
  const shocks = isObj(raw.attributes) ? arr(raw.attributes.shocks) : [];
  for (const p of problems) {
    const path = paths.get(p);
    if (!path || path[0] !== 'attributes' || path[1] !== 'shocks' || typeof path[2] !== 'number' || p.expected.startsWith('shock ')) continue;
    const shock = shocks[path[2]];
    const id = isObj(shock) && typeof shock.id === 'string' ? `shock "${shock.id}"` : `shock ${path[2]}`;
    const hit = path[3] === 'hits' && typeof path[4] === 'number' ? `, hit ${path[4]}` : '';
    p.expected = `${id}${hit}: ${p.expected}`;
  }
}
