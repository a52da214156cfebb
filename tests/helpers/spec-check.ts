/**
 * The rules of graph-format.md checked by hand, independently of the zod
 * schemas: what a loader that accepted a file must have made sure of.
 * Returns the first rule broken, or undefined.
 */
import { NODE_KINDS } from '../../src/model/schema.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, min = 1): v is string => typeof v === 'string' && v.length >= min;

export function brokenRule(doc: unknown): string | undefined {
  if (!isObj(doc) || !isObj(doc.attributes) || !Array.isArray(doc.nodes) || !Array.isArray(doc.edges)) return 'shape';
  const a = doc.attributes;
  if (a.format !== 'chokepoint-graph' || a.version !== 1 || !isStr(a.title)) return 'graph attributes';
  const sources = new Set(Array.isArray(a.sources) ? a.sources.map((s) => (isObj(s) ? s.id : undefined)) : []);
  const cites = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((id) => typeof id === 'string' && sources.has(id)));
  const keys = new Set<string>();
  for (const n of doc.nodes) {
    if (!isObj(n) || !isStr(n.key) || n.key.length > 128 || keys.has(n.key) || !isObj(n.attributes)) return 'node key';
    keys.add(n.key);
    const na = n.attributes;
    if (!isStr(na.label) || !(NODE_KINDS as readonly unknown[]).includes(na.kind)) return 'node label or kind';
    if (typeof na.country !== 'string' || !/^[A-Z]{2}$/.test(na.country)) return 'node country';
    if (!cites(na.sources)) return 'node sources';
  }
  for (const e of doc.edges) {
    if (!isObj(e) || !isObj(e.attributes)) return 'edge shape';
    if (typeof e.source !== 'string' || typeof e.target !== 'string' || !keys.has(e.source) || !keys.has(e.target)) return 'edge ends';
    if (e.source === e.target) return 'self loop';
    const ea = e.attributes;
    if (typeof ea.input !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(ea.input)) return 'edge input';
    if (typeof ea.value !== 'number' || !Number.isFinite(ea.value) || ea.value < 0) return 'edge value';
    if (!cites(ea.sources)) return 'edge sources';
  }
  return undefined;
}
