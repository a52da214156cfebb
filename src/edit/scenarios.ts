/**
 * The scenario editor's changes as pure functions of the graph attributes.
 * Each returns the attributes to hand to a `setGraphAttributes` command, which
 * checks them (ids, sources, and that every scenario still applies).
 */
import type { GraphAttributes, Operation, Scenario } from '../model/schema.ts';
import { freeId, slug } from './free-id.ts';

const scenariosIn = (attrs: GraphAttributes): Scenario[] => attrs.scenarios ?? [];
const withScenarios = (attrs: GraphAttributes, scenarios: Scenario[]): GraphAttributes => ({ ...attrs, scenarios });
const replaceAt = <T>(list: T[], i: number, item: T) => list.map((x, j) => (j === i ? item : x));

function indexOf(attrs: GraphAttributes, id: string): number {
  const i = scenariosIn(attrs).findIndex((s) => s.id === id);
  if (i === -1) throw new RangeError(`no scenario "${id}"`);
  return i;
}

/** An id from a label, not yet taken: "Japan buys chips" -> "japan-buys-chips", then "-2", "-3"… */
export function freeScenarioId(attrs: GraphAttributes, label: string): string {
  return freeId(slug(label, 'scenario', 48), new Set(['baseline', ...scenariosIn(attrs).map((s) => s.id)]));
}

export function addScenario(attrs: GraphAttributes, label: string): { attributes: GraphAttributes; id: string } {
  const id = freeScenarioId(attrs, label);
  return { id, attributes: withScenarios(attrs, [...scenariosIn(attrs), { id, label, ops: [] }]) };
}

export function updateScenario(attrs: GraphAttributes, id: string, change: Partial<Omit<Scenario, 'ops'>>): GraphAttributes {
  const i = indexOf(attrs, id);
  return withScenarios(attrs, replaceAt(scenariosIn(attrs), i, { ...scenariosIn(attrs)[i]!, ...change }));
}

export function duplicateScenario(attrs: GraphAttributes, id: string): { attributes: GraphAttributes; id: string } {
  const i = indexOf(attrs, id);
  const original = scenariosIn(attrs)[i]!;
  const label = `${original.label} (copy)`;
  const copy = { ...structuredClone(original), id: freeScenarioId(attrs, label), label };
  const list = [...scenariosIn(attrs)];
  list.splice(i + 1, 0, copy);
  return { id: copy.id, attributes: withScenarios(attrs, list) };
}

export function deleteScenario(attrs: GraphAttributes, id: string): GraphAttributes {
  const i = indexOf(attrs, id);
  return withScenarios(attrs, scenariosIn(attrs).filter((_, j) => j !== i));
}

function changeOps(attrs: GraphAttributes, id: string, change: (ops: Operation[]) => Operation[]): GraphAttributes {
  const i = indexOf(attrs, id);
  const s = scenariosIn(attrs)[i]!;
  return withScenarios(attrs, replaceAt(scenariosIn(attrs), i, { ...s, ops: change([...s.ops]) }));
}

/** Inserts at `at` (default: the end). */
export const insertOperation = (attrs: GraphAttributes, id: string, op: Operation, at?: number) =>
  changeOps(attrs, id, (ops) => {
    ops.splice(at ?? ops.length, 0, op);
    return ops;
  });
export const replaceOperation = (attrs: GraphAttributes, id: string, index: number, op: Operation) => changeOps(attrs, id, (ops) => replaceAt(ops, index, op));
export const removeOperation = (attrs: GraphAttributes, id: string, index: number) => changeOps(attrs, id, (ops) => ops.filter((_, j) => j !== index));
export const moveOperation = (attrs: GraphAttributes, id: string, from: number, to: number) =>
  changeOps(attrs, id, (ops) => {
    const [op] = ops.splice(from, 1);
    if (op) ops.splice(Math.max(0, Math.min(to, ops.length)), 0, op);
    return ops;
  });
