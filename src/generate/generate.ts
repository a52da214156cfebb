/**
 * A seeded generator of tiered supply graphs, valid by graph-format.md: raw
 * materials, chemicals, wafers and tools, fabs, component and system makers,
 * and ten buyer markets. Suppliers are drawn by a power law of their rank (prng.ts zipf) and flow values
 * with a Pareto law, so market shares are skewed as in real supply chains;
 * some chemical makers and mines buy from chemical makers, which makes cycles; about half
 * of the nodes belong to multi-site firms. Same options, same document.
 */
import type { GraphDocumentInput, NodeKind, Scenario } from '../model/schema.ts';
import { COUNTRIES, DEMAND_TIER, MARKETS, TIERS } from './catalogue.ts';
import { createRng, type Rng } from './prng.ts';

export interface GenerateOptions {
  nodes: number;
  flows: number;
  seed: number;
}

export const MIN_NODES = 110;
/**
 * The most `generate` makes (issues 20 and 24): at these caps the file is about 185 MB,
 * under the default size limit (256 MB), so Chokepoint reads what it wrote (README, Limits).
 */
export const MAX_NODES = 300_000;
export const MAX_FLOWS = 1_500_000;

/** What the options must satisfy, as a message; undefined when they do. */
export function checkGenerateOptions(o: GenerateOptions): string | undefined {
  if (!Number.isSafeInteger(o.nodes) || o.nodes < MIN_NODES) {
    return `--nodes: expected a whole number of at least ${MIN_NODES}, found ${o.nodes} (the generator makes ${MARKETS.length} buyer markets and ${TIERS.length} tiers of at least 8 makers, so that every input has several suppliers; for a small graph, edit graphs/korea-hf-photoresist-2019 or start one in the app)`;
  }
  if (o.nodes > MAX_NODES) return `--nodes: expected at most ${MAX_NODES.toLocaleString('en-US')} (the cap, so that the file stays readable under the default --max-size), found ${o.nodes}`;
  if (!Number.isSafeInteger(o.seed)) return `--seed: expected a whole number, found ${o.seed}`;
  const min = minFlows(o.nodes);
  if (!Number.isSafeInteger(o.flows) || o.flows < min) return `--flows: expected a whole number of at least ${min} for ${o.nodes} nodes (one flow per input each node needs), found ${o.flows}`;
  const max = o.nodes * 50;
  if (o.flows > max) return `--flows: expected at most ${max} (50 per node) for ${o.nodes} nodes, found ${o.flows}`;
  if (o.flows > MAX_FLOWS) return `--flows: expected at most ${MAX_FLOWS.toLocaleString('en-US')} (the cap, so that the file stays readable under the default --max-size), found ${o.flows}`;
  return undefined;
}

interface GenNode {
  key: string;
  tier: string;
  kind: NodeKind;
  makes: string;
  country: string;
  company?: string;
  label: string;
  /** Size of the node in its input's market: the larger, the larger its flows. */
  size: number;
  /** True for the largest tenth of its input's makers. */
  big: boolean;
}

interface Slot {
  target: number;
  input: string;
}

const tierSizes = (nodes: number): number[] => {
  const rest = nodes - MARKETS.length;
  const sizes = TIERS.map((t) => Math.max(8, Math.floor(rest * t.weight)));
  // What rounding left over goes to (or comes from) the largest tier.
  const largest = sizes.indexOf(Math.max(...sizes));
  sizes[largest]! += rest - sizes.reduce((s, x) => s + x, 0);
  return sizes;
};

/** One flow per needed input: the fewest flows a graph of this many nodes can have. */
export function minFlows(nodes: number): number {
  const sizes = tierSizes(Math.max(nodes, MIN_NODES));
  let slots = MARKETS.length * DEMAND_TIER.needs.reduce((s, n) => s + n.inputs, 0);
  TIERS.forEach((t, i) => (slots += sizes[i]! * t.needs.reduce((s, n) => s + n.inputs, 0)));
  return slots;
}

const SYLLABLES = ['ka', 'to', 'mi', 're', 'sa', 'no', 'vi', 'lu', 'de', 'ran', 'sho', 'tek', 'mor', 'zen', 'ul', 'ix', 'po', 'gar', 'bel', 'sun'];
function firmName(rng: Rng): string {
  const n = 2 + rng.int(2);
  let s = '';
  for (let i = 0; i < n; i++) s += rng.pick(SYLLABLES);
  return s[0]!.toUpperCase() + s.slice(1);
}

export function generateGraph(options: GenerateOptions): GraphDocumentInput {
  const problem = checkGenerateOptions(options);
  if (problem) throw new RangeError(problem);
  const rng = createRng(options.seed);
  const country = (): string => COUNTRIES[rng.zipf(COUNTRIES.length, 2)]!;

  // Nodes, tier by tier; producers[input] lists a market's makers, biggest first.
  const nodes: GenNode[] = [];
  const producers = new Map<string, number[]>();
  const tierInputs = new Map<string, readonly string[]>();
  const sizes = tierSizes(options.nodes);
  TIERS.forEach((tier, t) => {
    tierInputs.set(tier.id, tier.makes);
    const firms: { name: string; home: string }[] = [];
    const firmCount = Math.max(1, Math.round(sizes[t]! / 4));
    for (let i = 0; i < sizes[t]!; i++) {
      const makes = i < tier.makes.length ? tier.makes[i]! : rng.pick(tier.makes);
      let company: string | undefined;
      let home = country();
      if (rng.next() < 0.5) {
        const f = rng.zipf(firmCount, 1.5);
        firms[f] ??= { name: `${firmName(rng)} ${f}`, home: country() };
        company = firms[f]!.name;
        if (rng.next() < 0.6) home = firms[f]!.home;
      }
      const list = producers.get(makes) ?? [];
      producers.set(makes, list);
      const key = `${tier.id}-${i}`;
      nodes.push({
        key, tier: tier.id, kind: tier.kind, makes, country: home,
        ...(company ? { company } : {}),
        label: `${company ?? `${firmName(rng)} ${i}`} ${tier.word} (${home})`,
        size: 1 / (list.length + 1) ** 0.8,
        big: false,
      });
      list.push(nodes.length - 1);
    }
  });
  const markets = MARKETS.map((c) => {
    nodes.push({ key: `market-${c.toLowerCase()}`, tier: 'demand', kind: 'demand', makes: '', country: c, label: `Buyers in ${c}`, size: 1, big: false });
    return nodes.length - 1;
  });

  for (const list of producers.values()) list.forEach((v, r) => (nodes[v]!.big = r < list.length / 10));

  // Every input each node needs, then how many suppliers each gets.
  const slots: Slot[] = [];
  const chooseInputs = (tier: string, k: number) => {
    const all = [...tierInputs.get(tier)!];
    const out: string[] = [];
    while (out.length < k && all.length > 0) out.push(all.splice(rng.int(all.length), 1)[0]!);
    return out;
  };
  nodes.forEach((n, i) => {
    const tier = n.tier === 'demand' ? DEMAND_TIER : TIERS.find((t) => t.id === n.tier)!;
    for (const need of tier.needs) for (const input of chooseInputs(need.tier, need.inputs)) slots.push({ target: i, input });
  });
  // Loops only where the flows allow one more input.
  nodes.forEach((n, i) => {
    const tier = TIERS.find((t) => t.id === n.tier);
    for (const loop of tier?.loops ?? []) {
      if (slots.length >= options.flows) return;
      // Big makers trade with each other (the cycles); small ones now and then.
      if (rng.next() < (n.big ? 0.3 : loop.p)) slots.push({ target: i, input: rng.pick(tierInputs.get(loop.tier)!) });
    }
  });
  const counts = new Uint32Array(slots.length).fill(1);
  const demandSlots = slots.map((s, i) => (nodes[s.target]!.kind === 'demand' ? i : -1)).filter((i) => i >= 0);
  // A tenth of the flows go to the markets; the rest spread over every slot.
  let budget = options.flows - slots.length;
  const toDemand = Math.min(budget, Math.floor(options.flows / 10));
  for (let k = 0; k < toDemand; k++) counts[demandSlots[rng.int(demandSlots.length)]!]!++;
  budget -= toDemand;
  for (let k = 0; k < budget; k++) counts[rng.int(slots.length)]!++;

  // Suppliers by a power law of their rank within their market; values by their size and a Pareto draw.
  const edges: NonNullable<GraphDocumentInput['edges']> = [];
  const taken = new Set<number>();
  /** A flow from producer s into the slot, its value by the producer's size and a Pareto draw. */
  const addFlow = (s: number, slot: Slot) =>
    edges.push({ source: nodes[s]!.key, target: nodes[slot.target]!.key, attributes: { input: slot.input, value: Math.max(1, Math.round(nodes[s]!.size * rng.pareto(1.3) * 1e8)) } });
  const addFlows = (slot: Slot, want: number): number => {
    const list = producers.get(slot.input)!;
    taken.clear();
    let added = 0;
    for (let attempt = 0; added < want && attempt < want * 4 + 8; attempt++) {
      const s = list[rng.zipf(list.length, 2.5)]!;
      if (s === slot.target || taken.has(s)) continue;
      taken.add(s);
      addFlow(s, slot);
      added++;
    }
    return added;
  };
  let short = 0;
  slots.forEach((slot, i) => (short += counts[i]! - addFlows(slot, counts[i]!)));
  // Rounds that drew taken suppliers leave a shortfall: top it up on big slots.
  const seen = new Set(edges.map((e) => `${e.source}\u0000${e.target}\u0000${e.attributes.input}`));
  for (let guard = 0; short > 0 && guard < short * 200 + 1000; guard++) {
    const slot = slots[rng.int(slots.length)]!;
    const list = producers.get(slot.input)!;
    const s = list[rng.int(list.length)]!;
    const id = `${nodes[s]!.key}\u0000${nodes[slot.target]!.key}\u0000${slot.input}`;
    if (s === slot.target || seen.has(id)) continue;
    seen.add(id);
    addFlow(s, slot);
    short--;
  }

  return {
    attributes: {
      format: 'chokepoint-graph',
      version: 1,
      title: `Generated supply chain: ${options.nodes} nodes, ${edges.length} flows (seed ${options.seed})`,
      description: 'Synthetic, made by `chokepoint generate`: raw materials, chemicals, wafers and tools, fabs, component and system makers, ten buyer markets. Not real data.',
      currency: 'USD',
      sources: [{ id: 'generator', title: `chokepoint generate --nodes ${options.nodes} --flows ${options.flows} --seed ${options.seed}` }],
      scenarios: scenarios(nodes, edges, markets),
    },
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    nodes: nodes.map((n) => ({
      key: n.key,
      attributes: { label: n.label, kind: n.kind, country: n.country, ...(n.company ? { company: n.company } : {}) },
    })),
    edges,
  };
}

/** Three scenarios that apply by construction: a halving, a shift of one market's purchases, the loss of a node. */
function scenarios(nodes: GenNode[], edges: NonNullable<GraphDocumentInput['edges']>, markets: number[]): Scenario[] {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  // The first market's largest input, and the two countries that sell it the most.
  const market = nodes[markets[0]!]!;
  const bought = new Map<string, Map<string, number>>();
  const outValue = new Map<string, number>();
  for (const e of edges) {
    const v = e.attributes.value;
    outValue.set(e.source, (outValue.get(e.source) ?? 0) + v);
    if (e.target !== market.key) continue;
    const m = bought.get(e.attributes.input) ?? new Map<string, number>();
    bought.set(e.attributes.input, m);
    const c = byKey.get(e.source)!.country;
    m.set(c, (m.get(c) ?? 0) + v);
  }
  const out: Scenario[] = [
    {
      id: 'fab-output-halves',
      label: 'Fab output in the biggest fab country halves',
      ops: [{ op: 'scaleFlows', where: { source: { kind: 'foundry', country: biggestFabCountry(nodes, outValue) } }, factor: 0.5 }],
    },
  ];
  const [input, byCountry] = [...bought].sort((a, b) => sum(b[1]) - sum(a[1]))[0] ?? [];
  const ranked = byCountry ? [...byCountry].sort((a, b) => b[1] - a[1]).map(([c]) => c) : [];
  if (input && ranked.length >= 2) {
    out.push({
      id: 'market-shifts',
      label: `${market.label} move half of their ${input} purchases from ${ranked[0]} to ${ranked[1]}`,
      ops: [{ op: 'shiftFlows', target: market.key, input, from: { country: ranked[0]! }, to: { country: ranked[1]! }, fraction: 0.5 }],
    });
  }
  const chemical = nodes.filter((n) => n.kind === 'chemical').sort((a, b) => (outValue.get(b.key) ?? 0) - (outValue.get(a.key) ?? 0))[0];
  if (chemical) out.push({ id: 'top-chemical-lost', label: `${chemical.label} stops`, ops: [{ op: 'removeNode', key: chemical.key }] });
  return out;
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((s, x) => s + x, 0);

function biggestFabCountry(nodes: GenNode[], outValue: Map<string, number>): string {
  const byCountry = new Map<string, number>();
  for (const n of nodes) if (n.kind === 'foundry') byCountry.set(n.country, (byCountry.get(n.country) ?? 0) + (outValue.get(n.key) ?? 0));
  return [...byCountry].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}
