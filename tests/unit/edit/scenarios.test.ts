import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../src/edit/commands.ts';
import { addScenario, deleteScenario, duplicateScenario, freeScenarioId, insertOperation, moveOperation, removeOperation, updateScenario } from '../../../src/edit/scenarios.ts';
import type { Operation } from '../../../src/model/schema.ts';
import { buildReport } from '../../../src/report/model.ts';
import { graphOf, makeDoc } from '../../helpers/load.ts';

const base = () => graphOf(makeDoc([['jp', 'demand', 'JP'], ['nv', 'supplier', 'US'], ['tsmc', 'foundry', 'TW'], ['ss', 'foundry', 'KR']], [['nv', 'jp', 'chips', 10], ['tsmc', 'nv', 'logic-fab', 9], ['ss', 'nv', 'logic-fab', 1]]));
const OPS: Operation[] = [
  { op: 'scaleFlows', where: { source: { country: 'TW' } }, factor: 0 },
  { op: 'setFlow', source: 'ss', target: 'nv', input: 'logic-fab', value: 5 },
];

describe('the scenario editor', () => {
  it('makes ids from labels that never clash, and never "baseline"', () => {
    const g = base();
    expect(freeScenarioId(g.getAttributes(), 'Japan buys 1 trillion yen!')).toBe('japan-buys-1-trillion-yen');
    expect(freeScenarioId(g.getAttributes(), 'Baseline')).toBe('baseline-2');
    // Compatibility characters decompose before case folding: № is "No", é is "e".
    expect(freeScenarioId(g.getAttributes(), 'Plan № 2 for Nippon Café')).toBe('plan-no-2-for-nippon-cafe');
    const { attributes, id } = addScenario(g.getAttributes(), 'Cut Taiwan');
    expect(id).toBe('cut-taiwan');
    expect(addScenario(attributes, 'Cut Taiwan').id).toBe('cut-taiwan-2');
  });

  it('builds a scenario op by op, and its deltas follow', () => {
    const g = base();
    let { attributes, id } = addScenario(g.getAttributes(), 'Cut Taiwan');
    for (const op of OPS) attributes = insertOperation(attributes, id, op);
    expect(applyCommand(g, { type: 'setGraphAttributes', attributes }).ok).toBe(true);
    const [baseline, scenario] = buildReport(g).scenarios;
    // Baseline: TW makes 90% of nv's logic: jp relies on TW for 90%.
    expect(baseline!.reliance[0]!.byCountry.TW).toBeCloseTo(0.9, 12);
    // TW flows scaled to 0, Samsung's set to 5: TW is gone from the supply.
    expect(scenario!.reliance[0]!.byCountry.TW).toBe(0);
    expect(scenario!.reliance[0]!.byCountry.KR).toBe(1);
  });

  it('reorders, removes, renames, duplicates and deletes', () => {
    let { attributes, id } = addScenario(base().getAttributes(), 'S');
    for (const op of OPS) attributes = insertOperation(attributes, id, op);
    attributes = moveOperation(attributes, id, 1, 0);
    expect(attributes.scenarios![0]!.ops.map((o) => o.op)).toEqual(['setFlow', 'scaleFlows']);
    attributes = removeOperation(attributes, id, 0);
    expect(attributes.scenarios![0]!.ops.map((o) => o.op)).toEqual(['scaleFlows']);
    attributes = updateScenario(attributes, id, { label: 'Renamed', description: 'why' });
    expect(attributes.scenarios![0]).toMatchObject({ id: 's', label: 'Renamed', description: 'why' });
    const dup = duplicateScenario(attributes, id);
    expect(dup.attributes.scenarios!.map((s) => s.id)).toEqual(['s', 'renamed-copy']);
    expect(deleteScenario(dup.attributes, 's').scenarios!.map((s) => s.id)).toEqual(['renamed-copy']);
  });

  it('lets the command refuse an operation that cannot apply, naming it', () => {
    const g = base();
    let { attributes, id } = addScenario(g.getAttributes(), 'S');
    attributes = insertOperation(attributes, id, { op: 'removeFlow', source: 'jp', target: 'nv', input: 'chips' });
    const r = applyCommand(g, { type: 'setGraphAttributes', attributes });
    expect(!r.ok && r.problems.map((p) => [p.path, p.found])).toEqual([['attributes.scenarios[0].ops[0]', 'no such flow']]);
  });
});
