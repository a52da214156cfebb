/**
 * Issue 20, item 14: one problem must not hide another. A file whose nodes
 * and edges build a graph has its scenarios, shocks and variants applied even
 * when another part of it (a focus, a scenario field, the title) is wrong.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { loadFiles } from '../../../src/io/load.ts';
import { validateDocument } from '../../../src/io/validate.ts';
import { formatProblem } from '../../../src/model/problem.ts';
import { makeDoc } from '../../helpers/load.ts';

const NODES: Parameters<typeof makeDoc>[0] = [
  ['buyer', 'demand', 'JP'],
  ['fab', 'foundry', 'TW'],
  ['gas', 'chemical', 'UA'],
];
const EDGES: Parameters<typeof makeDoc>[1] = [
  ['fab', 'buyer', 'chips', 3],
  ['gas', 'fab', 'neon', 1],
];
const removeGhost = { id: 'cut', label: 'Cut', ops: [{ op: 'removeNode', key: 'ghost' }] };
const problemsOf = (doc: unknown) => validateDocument(doc).problems.map(formatProblem);
const refusal = (r: ReturnType<typeof loadFiles>) => (r.ok ? [] : r.problems.map(formatProblem));
const expectOne = (problems: string[], re: RegExp) => expect(problems.filter((p) => re.test(p)), `${re} in\n${problems.join('\n')}`).toHaveLength(1);

describe('the problem list: one problem does not hide another', () => {
  it('a bad focus does not hide a scenario operation naming a missing node', () => {
    const problems = problemsOf(makeDoc(NODES, EDGES, { scenarios: [removeGhost], focus: { demand: [7] } }));
    expectOne(problems, /^attributes\.focus\.demand\[0\]/);
    expectOne(problems, /^attributes\.scenarios\[0\]\.ops\[0\]: .*scenario "cut", operation 0 \(removeNode\).*ghost/);
  });

  it('a focus naming a missing node, and a scenario broken elsewhere, leave the other scenarios checked at their own index', () => {
    const broken = { id: 'bad', label: 7, ops: [] };
    const problems = problemsOf(makeDoc(NODES, EDGES, { scenarios: [broken, removeGhost], focus: { demand: ['nobody'] } }));
    expectOne(problems, /^attributes\.focus\.demand\[0\]: .*"nobody"/);
    expectOne(problems, /^attributes\.scenarios\[0\]\.label/);
    expectOne(problems, /^attributes\.scenarios\[1\]\.ops\[0\]: .*scenario "cut".*ghost/);
  });

  it('a bad title does not hide a shock that matches nothing, nor a variant that does not apply', () => {
    const doc = makeDoc(NODES, EDGES, {
      title: '',
      shocks: [{ id: 'x', label: 'X', hits: 'none' }, { id: 'nowhere', label: 'Nowhere', hits: [{ where: { country: 'BR' }, capacity: 0 }] }],
      variants: [{ id: 'v', label: 'V', ops: [{ op: 'removeNode', key: 'phantom' }] }],
    });
    const problems = problemsOf(doc);
    expectOne(problems, /^attributes\.title/);
    expectOne(problems, /^attributes\.shocks\[0\]\.hits/);
    expectOne(problems, /^attributes\.shocks\[1\]\.hits\[0\]\.where: .*shock "nowhere".*matches no node/);
    expectOne(problems, /^attributes\.variants\[0\]\.ops\[0\]: .*variant "v".*phantom/);
  });

  it('an amount in a currency whose rates are unreadable fails as having no rate, beside the rates problem', () => {
    const scenario = { id: 'eur', label: 'EUR', ops: [{ op: 'setFlow', source: 'fab', target: 'buyer', input: 'chips', amount: { value: 1, currency: 'EUR' } }] };
    const problems = problemsOf(makeDoc(NODES, EDGES, { fx: { EUR: -1 }, scenarios: [scenario] }));
    expectOne(problems, /^attributes\.fx/);
    expectOne(problems, /^attributes\.scenarios\[0\]\.ops\[0\]: .*exchange rate for EUR/);
  });

  it('a missing node does not hide a self-loop: both listed, and no graph is built', () => {
    const v = validateDocument(makeDoc(NODES, [...EDGES, ['fab', 'ghost', 'chips', 1], ['gas', 'gas', 'neon', 1]], { scenarios: [removeGhost] }));
    const problems = v.problems.map(formatProblem);
    expectOne(problems, /^edges\[2\]\.target: .*"ghost", which no node has/);
    expectOne(problems, /^edges\[3\]\.target: .*cannot supply itself/);
    expect(v.graph).toBeUndefined();
  });

  it('a valid file still gives its document and graph, and a scenario error alone is listed once', () => {
    expect(validateDocument(makeDoc(NODES, EDGES)).graph?.order).toBe(NODES.length);
    const problems = problemsOf(makeDoc(NODES, EDGES, { scenarios: [removeGhost] }));
    expect(problems).toHaveLength(1);
  });
});

describe('the problem list of a CSV pair: each bad value once', () => {
  const nodes = 'key,label,kind,country\nf,F,foundry,TW\ng,G,foundry,KR\nd,D,demand,JP\n';
  const flows = 'source,target,input,value\nf,d,chips,NaN\ng,d,chips,"1,000"\n';
  const check = (problems: string[], prefix: string) => {
    expect(problems, problems.join('\n')).toHaveLength(2);
    expectOne(problems, new RegExp(`^${prefix}flows\\.csv:2:4 edges\\[0\\]\\.attributes\\.value: .*"NaN"`));
    expectOne(problems, new RegExp(`^${prefix}flows\\.csv:3:4 edges\\[1\\]\\.attributes\\.value: .*"1,000"`));
  };
  it('NaN and "1,000" in a pair', () => {
    check(refusal(loadFiles([{ name: 'nodes.csv', text: nodes }, { name: 'flows.csv', text: flows }])), '');
  });
  it('NaN and "1,000" in a zip', () => {
    const bytes = zipSync({ 'nodes.csv': strToU8(nodes), 'flows.csv': strToU8(flows) });
    check(refusal(loadFiles([{ name: 'g.zip', bytes }])), 'g\\.zip:');
  });
});

describe('a guessed field that does not fit is warned of where its values are', () => {
  it('a flows.csv "Weight" with NaN: the warning names flows.csv and the row, not nodes.csv', () => {
    const nodes = 'key,label,kind,country\nf,F,foundry,TW\nd,D,demand,JP\n';
    const loaded = loadFiles([{ name: 'nodes.csv', text: nodes }, { name: 'flows.csv', text: 'Source,Target,Weight\nf,d,NaN\n' }]);
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const warnings = loaded.warnings.map(formatProblem).filter((w) => w.includes('not read as value'));
    expect(warnings, loaded.warnings.map(formatProblem).join('\n')).toHaveLength(1);
    expect(warnings[0]).toMatch(/^flows\.csv:2: warning: /);
  });
});
