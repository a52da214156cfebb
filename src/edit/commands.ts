/**
 * Edits of a supply graph as commands: each is checked against the same zod
 * schemas and reference rules as a file before it touches the graph, and
 * applying it returns its exact inverse, so undo and redo are just more edits.
 * Commands change the graph in place (a working copy owned by the editor):
 * at 100,000 nodes, snapshots per edit would not do.
 */
import { isKnownCountry } from '../model/countries.ts';
import { nextEdgeKey, type SupplyGraph } from '../model/graph.ts';
import { describeValue, pathToString, type Problem } from '../model/problem.ts';
import { EdgeAttributesSchema, GraphAttributesSchema, NodeAttributesSchema, NodeKeySchema, KeySchema, type EdgeAttributes, type GraphAttributes, type NodeAttributes } from '../model/schema.ts';
import { zodIssuesToProblems } from '../model/zod-problems.ts';
import { failingScenarios } from '../scenarios/apply.ts';
import { blindHits } from '../scenarios/shock-hits.ts';

export type EditCommand =
  | { type: 'addNode'; key: string; attributes: NodeAttributes }
  | { type: 'updateNode'; key: string; attributes: NodeAttributes }
  | { type: 'removeNode'; key: string }
  | { type: 'addEdge'; key?: string; source: string; target: string; attributes: EdgeAttributes }
  | { type: 'updateEdge'; key: string; attributes: EdgeAttributes }
  | { type: 'removeEdge'; key: string }
  | { type: 'setGraphAttributes'; attributes: GraphAttributes }
  | { type: 'batch'; label: string; commands: EditCommand[] };

export type EditResult = { ok: true; inverse: EditCommand } | { ok: false; problems: Problem[] };

const problem = (path: (string | number)[], expected: string, found: string): Problem => ({ severity: 'error', path: pathToString(path), expected, found });

function sourceIds(graph: SupplyGraph): Set<string> {
  return new Set((graph.getAttribute('sources') ?? []).map((s) => s.id));
}

function checkCites(graph: SupplyGraph, cites: string[] | undefined, path: (string | number)[]): Problem[] {
  const ids = sourceIds(graph);
  return (cites ?? []).flatMap((id, i) => (ids.has(id) ? [] : [problem([...path, i], 'the id of a source of the graph', `"${id}", which no source has`)]));
}

function checkNodeAttributes(graph: SupplyGraph, attributes: unknown): Problem[] {
  const parsed = NodeAttributesSchema.safeParse(attributes);
  if (!parsed.success) return zodIssuesToProblems(parsed.error.issues, attributes, ['attributes']);
  const out = checkCites(graph, parsed.data.sources, ['attributes', 'sources']);
  if (!isKnownCountry(parsed.data.country, graph.getAttribute('countries'))) {
    out.push(problem(['attributes', 'country'], 'an ISO 3166-1 country code, or one named in the graph\'s countries', `"${parsed.data.country}", which is no known country`));
  }
  return out;
}

function checkEdgeAttributes(graph: SupplyGraph, attributes: unknown): Problem[] {
  const parsed = EdgeAttributesSchema.safeParse(attributes);
  if (!parsed.success) return zodIssuesToProblems(parsed.error.issues, attributes, ['attributes']);
  return checkCites(graph, parsed.data.sources, ['attributes', 'sources']);
}

/** Problems the command would cause; empty when it may be applied. */
export function checkCommand(graph: SupplyGraph, command: EditCommand): Problem[] {
  switch (command.type) {
    case 'addNode': {
      const key = NodeKeySchema.safeParse(command.key);
      const out = key.success ? [] : zodIssuesToProblems(key.error.issues, command.key, ['key']);
      if (graph.hasNode(command.key)) out.push(problem(['key'], 'a key no other node has', `"${command.key}", which node "${graph.getNodeAttribute(command.key, 'label')}" has`));
      return [...out, ...checkNodeAttributes(graph, command.attributes)];
    }
    case 'updateNode':
      if (!graph.hasNode(command.key)) return [problem(['key'], 'a node of the graph', `"${command.key}"`)];
      return checkNodeAttributes(graph, command.attributes);
    case 'removeNode':
      return graph.hasNode(command.key) ? [] : [problem(['key'], 'a node of the graph', `"${command.key}"`)];
    case 'addEdge': {
      const out: Problem[] = [];
      if (command.key !== undefined) {
        const key = KeySchema.safeParse(command.key);
        if (!key.success) out.push(...zodIssuesToProblems(key.error.issues, command.key, ['key']));
        else if (graph.hasEdge(command.key)) out.push(problem(['key'], 'a key no other flow has', `"${command.key}"`));
      }
      for (const end of ['source', 'target'] as const) {
        if (!graph.hasNode(command[end])) out.push(problem([end], 'a node of the graph', describeValue(command[end])));
      }
      if (command.source === command.target) out.push(problem(['target'], 'a node other than the supplier (a node cannot supply itself)', `"${command.target}"`));
      return [...out, ...checkEdgeAttributes(graph, command.attributes)];
    }
    case 'updateEdge':
      if (!graph.hasEdge(command.key)) return [problem(['key'], 'a flow of the graph', `"${command.key}"`)];
      return checkEdgeAttributes(graph, command.attributes);
    case 'removeEdge':
      return graph.hasEdge(command.key) ? [] : [problem(['key'], 'a flow of the graph', `"${command.key}"`)];
    case 'setGraphAttributes':
      return checkGraphAttributes(graph, command.attributes);
    case 'batch':
      return []; // checked command by command as they apply
  }
}

/** Graph attributes, including that every source cited still exists and every scenario still applies. */
function checkGraphAttributes(graph: SupplyGraph, attributes: unknown): Problem[] {
  const parsed = GraphAttributesSchema.safeParse(attributes);
  if (!parsed.success) return zodIssuesToProblems(parsed.error.issues, attributes, ['attributes']);
  const next = parsed.data;
  const ids = new Set((next.sources ?? []).map((s) => s.id));
  const out: Problem[] = [];
  const seen = new Set<string>();
  (next.sources ?? []).forEach((s, i) => {
    if (seen.has(s.id)) out.push(problem(['attributes', 'sources', i, 'id'], 'a source id used once', `"${s.id}" again`));
    seen.add(s.id);
  });
  const stillCited = (id: string) => ids.has(id);
  graph.forEachNode((key, a) => {
    for (const id of a.sources ?? []) if (!stillCited(id)) out.push(problem(['attributes', 'sources'], `a source "${id}" (node "${key}" cites it)`, 'none'));
  });
  graph.forEachEdge((key, a) => {
    for (const id of a.sources ?? []) if (!stillCited(id)) out.push(problem(['attributes', 'sources'], `a source "${id}" (a flow cites it)`, 'none'));
  });
  const scenarioIds = new Set<string>();
  (next.scenarios ?? []).forEach((s, i) => {
    if (s.id === 'baseline' || scenarioIds.has(s.id)) out.push(problem(['attributes', 'scenarios', i, 'id'], 'a scenario id used once, other than "baseline"', `"${s.id}"`));
    scenarioIds.add(s.id);
    for (const id of s.sources ?? []) if (!stillCited(id)) out.push(problem(['attributes', 'scenarios', i, 'sources'], 'the id of a source of the graph', `"${id}"`));
  });
  for (const { at, error } of failingScenarios(graph, next.scenarios ?? [])) out.push(problem(['attributes', 'scenarios', at, 'ops', error.index], error.expected, error.found));
  const shockIds = new Set<string>();
  (next.shocks ?? []).forEach((s, i) => {
    if (shockIds.has(s.id)) out.push(problem(['attributes', 'shocks', i, 'id'], 'a shock id used once', `"${s.id}" again`));
    shockIds.add(s.id);
    for (const id of s.sources ?? []) if (!stillCited(id)) out.push(problem(['attributes', 'shocks', i, 'sources'], 'the id of a source of the graph', `"${id}"`));
  });
  for (const { at, shock, hit } of blindHits(graph, next.shocks ?? [])) {
    out.push(problem(['attributes', 'shocks', at, 'hits', hit, 'where'], `shock "${shock.id}", hit ${hit}: a selector that matches some node of the graph`, 'none'));
  }
  return out;
}

/** Applies a command after checking it; the graph is untouched when it is refused. */
export function applyCommand(graph: SupplyGraph, command: EditCommand): EditResult {
  if (command.type === 'batch') return applyBatch(graph, command);
  const problems = checkCommand(graph, command);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, inverse: perform(graph, command) };
}

function applyBatch(graph: SupplyGraph, batch: Extract<EditCommand, { type: 'batch' }>): EditResult {
  const inverses: EditCommand[] = [];
  for (const [i, command] of batch.commands.entries()) {
    const result = applyCommand(graph, command);
    if (!result.ok) {
      // Undo what this batch did so far: all or nothing.
      for (const inverse of inverses.reverse()) perform(graph, inverse);
      return { ok: false, problems: result.problems.map((p) => ({ ...p, path: `[${i}]${p.path ? '.' + p.path : ''}` })) };
    }
    inverses.push(result.inverse);
  }
  return { ok: true, inverse: { type: 'batch', label: batch.label, commands: inverses.reverse() } };
}

/** Does the change (already checked) and returns the command that undoes it. */
function perform(graph: SupplyGraph, command: EditCommand): EditCommand {
  switch (command.type) {
    case 'addNode':
      graph.addNode(command.key, { ...command.attributes });
      return { type: 'removeNode', key: command.key };
    case 'updateNode': {
      const old = { ...graph.getNodeAttributes(command.key) };
      graph.replaceNodeAttributes(command.key, { ...command.attributes });
      return { type: 'updateNode', key: command.key, attributes: old };
    }
    case 'removeNode': {
      const restore: EditCommand[] = [{ type: 'addNode', key: command.key, attributes: { ...graph.getNodeAttributes(command.key) } }];
      graph.forEachEdge(command.key, (key, attributes, source, target) => {
        restore.push({ type: 'addEdge', key, source, target, attributes: { ...attributes } });
      });
      graph.dropNode(command.key);
      return { type: 'batch', label: `restore ${command.key}`, commands: restore };
    }
    case 'addEdge': {
      const key = command.key ?? nextEdgeKey(graph);
      graph.addDirectedEdgeWithKey(key, command.source, command.target, { ...command.attributes });
      return { type: 'removeEdge', key };
    }
    case 'updateEdge': {
      const old = { ...graph.getEdgeAttributes(command.key) };
      graph.replaceEdgeAttributes(command.key, { ...command.attributes });
      return { type: 'updateEdge', key: command.key, attributes: old };
    }
    case 'removeEdge': {
      const inverse: EditCommand = {
        type: 'addEdge',
        key: command.key,
        source: graph.source(command.key),
        target: graph.target(command.key),
        attributes: { ...graph.getEdgeAttributes(command.key) },
      };
      graph.dropEdge(command.key);
      return inverse;
    }
    case 'setGraphAttributes': {
      const old = structuredClone(graph.getAttributes());
      graph.replaceAttributes(structuredClone(command.attributes));
      return { type: 'setGraphAttributes', attributes: old };
    }
    case 'batch': {
      const inverses = command.commands.map((c) => perform(graph, c));
      return { type: 'batch', label: command.label, commands: inverses.reverse() };
    }
  }
}
