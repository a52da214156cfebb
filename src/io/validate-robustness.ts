/**
 * The checks of robustness.md §1 that the schema cannot make: a range holds
 * its value (an edge's `value`, an operation's `value` or `amount.value`);
 * variant ids are unique and not "baseline"; every variant applies to the
 * graph, and every scenario applies on every variant. Every problem is
 * reported with its path; nothing stops at the first.
 */
import type { SupplyGraph } from '../model/graph.ts';
import type { Scenario } from '../model/schema.ts';
import { applyScenario, failingScenarios } from '../scenarios/apply.ts';
import type { PathArray } from '../model/zod-problems.ts';

type Obj = Record<string, unknown>;
type Add = (path: PathArray, expected: string, found: string) => void;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A range [low, high] that does not hold `value` (the schema checks the bounds themselves). */
function checkHolds(range: unknown, value: unknown, path: PathArray, what: string, add: Add): void {
  if (!Array.isArray(range) || range.length !== 2 || !isNum(value)) return;
  const [low, high] = range as unknown[];
  if (!isNum(low) || !isNum(high) || low > high || low < 0) return;
  if (value < low || value > high) add(path, `a range [low, high] that holds ${what} ${value} (low <= ${value} <= high)`, `[${low}, ${high}]`);
}

/** Ranges of edges, and of the addFlow/setFlow operations of scenarios and variants, on the raw document. */
export function checkRanges(raw: Obj, add: Add): void {
  arr(raw.edges).forEach((e, i) => {
    if (!isObj(e) || !isObj(e.attributes)) return;
    checkHolds(e.attributes.range, e.attributes.value, ['edges', i, 'attributes', 'range'], 'its value', add);
  });
  const attrs = isObj(raw.attributes) ? raw.attributes : {};
  for (const list of ['scenarios', 'variants'] as const) {
    arr(attrs[list]).forEach((s, i) => {
      if (!isObj(s)) return;
      arr(s.ops).forEach((op, j) => {
        if (!isObj(op) || op.range === undefined) return;
        const path: PathArray = ['attributes', list, i, 'ops', j, 'range'];
        if (op.value !== undefined) checkHolds(op.range, op.value, path, 'its value', add);
        else if (isObj(op.amount)) checkHolds(op.range, op.amount.value, path, 'its amount', add);
      });
    });
  }
}

/** Variant ids: used once, never "baseline". */
export function checkVariantIds(raw: Obj, add: Add): void {
  const attrs = isObj(raw.attributes) ? raw.attributes : {};
  const seen = new Map<string, number>();
  arr(attrs.variants).forEach((v, i) => {
    if (!isObj(v) || typeof v.id !== 'string') return;
    const path: PathArray = ['attributes', 'variants', i, 'id'];
    if (v.id === 'baseline') add(path, 'an id other than "baseline" (the file\'s own reading)', '"baseline"');
    else if (seen.has(v.id)) add(path, 'a variant id used once', `"${v.id}" again (also attributes.variants[${seen.get(v.id)}])`);
    else seen.set(v.id, i);
  });
}

/** Every variant applied to a copy, and every scenario applied on each variant that applies. */
export function checkVariantsApply(graph: SupplyGraph, variants: readonly Scenario[], scenarios: readonly Scenario[], add: Add): void {
  variants.forEach((variant, v) => {
    const applied = applyScenario(graph, variant);
    if (!applied.ok) {
      const e = applied.error;
      add(['attributes', 'variants', v, 'ops', e.index], `variant "${e.scenario}", operation ${e.index} (${e.op}) to apply: ${e.expected}`, e.found);
      return;
    }
    for (const { at, error } of failingScenarios(applied.graph, scenarios)) {
      add(
        ['attributes', 'scenarios', at, 'ops', error.index],
        `scenario "${error.scenario}", operation ${error.index} (${error.op}) to apply on variant "${variant.id}": ${error.expected}`,
        error.found,
      );
    }
  });
}
