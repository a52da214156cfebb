/**
 * What the working graph changed since the file it came from: nodes and flows
 * added, removed or changed, and the graph's own attributes (title, sources,
 * scenarios…), each said in one line. For the "edited (N changes since the
 * file)" indicator after a reload, and the list it opens. Pure.
 */
import { isGeneratedEdgeKey } from '../model/graph.ts';
import type { GraphDocument } from '../model/schema.ts';

export interface WorkChange {
  what: 'node' | 'flow' | 'graph';
  how: 'added' | 'removed' | 'changed';
  /** One line: "flow TSMC → Apple (chips): value 80 → 0". */
  text: string;
}

/** JSON with the members of every object in name order: two values equal whatever order their members were set in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const short = (v: unknown) => {
  const s = v === undefined ? 'none' : typeof v === 'string' ? v : canonical(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
};

/** The attributes that differ, as "name a → b", at most three named. */
function differences(a: Record<string, unknown>, b: Record<string, unknown>): string {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => canonical(a[k]) !== canonical(b[k]));
  const shown = names.slice(0, 3).map((k) => (typeof a[k] === 'object' || typeof b[k] === 'object' ? k : `${k} ${short(a[k])} → ${short(b[k])}`));
  return shown.join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
}

/** Every change from `before` (the file) to `after` (the working graph), nodes first, then flows, then the graph. */
export function workChanges(before: GraphDocument, after: GraphDocument): WorkChange[] {
  const out: WorkChange[] = [];
  const labels = new Map<string, string>();
  for (const n of [...before.nodes, ...after.nodes]) labels.set(n.key, String(n.attributes.label ?? n.key));
  const label = (key: string) => labels.get(key) ?? key;

  const was = new Map(before.nodes.map((n) => [n.key, n]));
  const now = new Map(after.nodes.map((n) => [n.key, n]));
  for (const n of after.nodes) {
    const old = was.get(n.key);
    if (!old) out.push({ what: 'node', how: 'added', text: `node ${label(n.key)} added` });
    else if (canonical(old.attributes) !== canonical(n.attributes)) out.push({ what: 'node', how: 'changed', text: `node ${label(n.key)}: ${differences(old.attributes, n.attributes)}` });
  }
  for (const n of before.nodes) if (!now.has(n.key)) out.push({ what: 'node', how: 'removed', text: `node ${label(n.key)} removed` });

  // Flows by their key when the file gave one, else by their ends and input (the nth such flow).
  const identify = (edges: GraphDocument['edges']) => {
    const seen = new Map<string, number>();
    return new Map(edges.map((e) => {
      if (e.key !== undefined && !isGeneratedEdgeKey(e.key)) return [`key:${e.key}`, e] as const;
      const base = `${e.source}\u0000${e.target}\u0000${String(e.attributes.input)}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      return [`${base}\u0000${n}`, e] as const;
    }));
  };
  const flowsWere = identify(before.edges);
  const flowsNow = identify(after.edges);
  const flowName = (e: GraphDocument['edges'][number]) => `flow ${label(e.source)} → ${label(e.target)} (${String(e.attributes.input)})`;
  for (const [id, e] of flowsNow) {
    const old = flowsWere.get(id);
    if (!old) out.push({ what: 'flow', how: 'added', text: `${flowName(e)} added` });
    else if (canonical(old.attributes) !== canonical(e.attributes)) out.push({ what: 'flow', how: 'changed', text: `${flowName(e)}: ${differences(old.attributes, e.attributes)}` });
  }
  for (const [id, e] of flowsWere) if (!flowsNow.has(id)) out.push({ what: 'flow', how: 'removed', text: `${flowName(e)} removed` });

  const a = before.attributes as Record<string, unknown>;
  const b = after.attributes as Record<string, unknown>;
  for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (canonical(a[name]) === canonical(b[name])) continue;
    const how = a[name] === undefined ? 'added' : b[name] === undefined ? 'removed' : 'changed';
    out.push({ what: 'graph', how, text: typeof a[name] === 'object' || typeof b[name] === 'object' ? `graph ${name} ${how}` : `graph ${name}: ${short(a[name])} → ${short(b[name])}` });
  }
  return out;
}
