/**
 * A GraphML file read in one pass into records, with the results
 * graphology-graphml's parser gave: `<data>` named by its key's `attr.name`
 * and cast by its `attr.type` (numbers and booleans by XML Schema's lexical
 * rules, xsd-number.ts; string as is), data of an undeclared key by the key's id as
 * text, `<default>`s for records without the data, and `r`, `g`, `b` numbers
 * turned into a `color`. Edges are directed when `directed="true"` or, without
 * a `directed`, when the graph's `edgedefault` is "directed".
 *
 * Differences, on purpose: a number or boolean the type's rules refuse ("",
 * "0x10", "yes") is a problem where the library read 0, 16 or false; a `<default>` is cast by the key's type (the
 * library kept its text), `directed="false"` makes an edge undirected (the
 * library ignored it), a key without `attr.name` names its data by its id
 * (the library used "null"), and graph-level `<data>` counts wherever it sits
 * among `<graph>`'s children (the library stopped at the first other element).
 */
import { FORBIDDEN_KEYS } from './attr-codec.ts';
import { BLOCK_NAME } from './block.ts';
import type { Attrs, ParseOutcome } from './types.ts';
import { type XmlEdgeRecord, XmlProblems, type XmlGraph, type XmlRecord } from './xml-graph.ts';
import { readXml, type Spot, type XmlElement } from './xml.ts';
import { castXmlValue, type Cast } from './xsd-number.ts';
import { MAX_DECLARED_ATTRIBUTES, MAX_RECORD_ATTRIBUTES, tooManyDeclared, tooManyValues } from './caps.ts';
import { keepNonFinite, type NonFinite } from './non-finite.ts';
import { type YedData, yedClose, yedOpen } from './yed.ts';

const KEY_TARGETS = ['graph', 'node', 'edge'] as const;
type KeyTarget = (typeof KEY_TARGETS)[number];
const KEY_TYPES = ['boolean', 'int', 'long', 'float', 'double', 'string'] as const;
type KeyType = (typeof KEY_TYPES)[number];

/** Numbers and booleans by XML Schema's rules (xsd-number.ts): "", " ", "0x10" or "1e2" for an int are refused by name, never read as 0 or 16. */
const CAST = (type: KeyType, text: string): Cast => castXmlValue(type, text, (_, t) => t);

interface Key {
  name: string;
  type: KeyType;
  /** The `<default>`'s text, and its value once cast (undefined when the cast was refused). */
  default?: string;
  defaultValue?: Cast;
  /** yEd's `yfiles.type` of a key with no attr.name (nodegraphics, edgegraphics…). */
  yfiles?: string;
}

const IGNORED_TARGETS = new Set(['graphml', 'hyperedge', 'port', 'endpoint']);

/** A graph-level `<data>` read: its key, its text and where it sits. */
interface Data {
  key: string;
  text: string;
  spot: Spot;
}

/** A node or edge element while the file is read: its data wait for every key (key id, text, key id, text…). */
interface Pending {
  spot: Spot;
  id: string | undefined;
  source: string | undefined;
  target: string | undefined;
  directed: string | undefined;
  data: string[];
  /** What yEd's graphics give: label, x, y, color. */
  yed?: Attrs;
}

const isTarget = (v: string): v is KeyTarget => (KEY_TARGETS as readonly string[]).includes(v);
const isType = (v: string): v is KeyType => (KEY_TYPES as readonly string[]).includes(v);
const hex = (b: number) => ('0' + (b | 0).toString(16)).slice(-2);

/** Data values by name (`data`: key id, text, key id, text…), then the defaults; a value its key's type refuses goes to `refuse`. */
function collect(keys: Map<string, Key>, defaults: Key[], data: readonly string[], refuse: (name: string, expected: string, found: string) => void, from?: (name: string, index: number) => void, nonFinite: NonFinite[] = []): Attrs {
  const attributes: Attrs = {};
  for (let i = 0; i < data.length; i += 2) {
    const id = data[i]!;
    const text = data[i + 1]!;
    const key = keys.get(id);
    const name = key ? key.name : id;
    if (FORBIDDEN_KEYS.has(name)) continue;
    const read = key ? CAST(key.type, text) : ({ ok: true, value: text } as const);
    if (read.ok) attributes[name] = key ? keepNonFinite(read.value, text, name, nonFinite) : read.value;
    else refuse(name, read.expected, read.found);
    from?.(name, i / 2);
  }
  for (const key of defaults) if (!(key.name in attributes) && key.defaultValue?.ok) attributes[key.name] = key.defaultValue.value;
  return attributes;
}
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * Data of keys the file never declares, typed by their values: numbers when
 * every value is one, booleans when every value is true or false, else text.
 */
function typeUndeclared(keys: Map<string, Key>, records: readonly Pending[]): void {
  const values = new Map<string, string[]>();
  for (const r of records) {
    for (let i = 0; i < r.data.length; i += 2) {
      const id = r.data[i]!;
      if (keys.has(id)) continue;
      let list = values.get(id);
      if (!list) values.set(id, (list = []));
      list.push(r.data[i + 1]!);
    }
  }
  for (const [id, texts] of values) {
    const type: KeyType = texts.every((t) => NUMBER.test(t)) ? 'double' : texts.every((t) => /^\s*(true|false)\s*$/i.test(t)) ? 'boolean' : 'string';
    keys.set(id, { name: id, type });
  }
}
const defaultsOf = (keys: Map<string, Key>) => [...keys.values()].filter((k) => k.default !== undefined && !FORBIDDEN_KEYS.has(k.name));

/** graphology-graphml's formatter: numeric r, g, b become a `color`. */
function withColor(attributes: Attrs): Attrs {
  const { r, g, b } = attributes;
  if (typeof r !== 'number' || typeof g !== 'number' || typeof b !== 'number') return attributes;
  const { r: _r, g: _g, b: _b, ...rest } = attributes;
  return { ...rest, color: `#${hex(r)}${hex(g)}${hex(b)}` };
}

/** yEd's label, position and colour, where the record's own data do not give them. */
function withYed(attributes: Attrs, yed: Attrs | undefined): Attrs {
  if (yed) for (const [name, value] of Object.entries(yed)) if (attributes[name] === undefined) attributes[name] = value;
  return attributes;
}

export function readGraphml(text: string, file: string): ParseOutcome<XmlGraph> {
  const out = new XmlProblems(file);
  const keys: Record<KeyTarget, Map<string, Key>> = { graph: new Map(), node: new Map(), edge: new Map() };
  const nodes: Pending[] = [];
  const edges: Pending[] = [];
  const graphData: Data[] = [];
  const records: Pending[] = [];
  let root: XmlElement | undefined;
  let graph: XmlElement | undefined;
  let key: Key | undefined;
  const ignoredKeys = new Set<string>();
  let yed: YedData | undefined;

  const syntax = readXml(text, file, {
    open(element, parent) {
      root ??= element;
      const a = element.attributes;
      if (yed && element.name.includes(':')) return yedOpen(yed, element);
      switch (element.name) {
        case 'graph':
          graph ??= element;
          return;
        case 'key': {
          // Keys are filed by their `for`: an unchecked one could reach Object.prototype in a plain object.
          // GraphML 1.0 allows all, graphml, graph, node, edge, hyperedge, port and endpoint (yEd writes port and
          // graphml keys): `all` counts for graph, node and edge; the others name nothing Chokepoint has, and are ignored.
          const target = a.for ?? 'all';
          const type = a['attr.type'] ?? 'string';
          if (!isTarget(target) && target !== 'all' && !IGNORED_TARGETS.has(target)) out.add(element, '', 'a <key> for all, graphml, graph, node, edge, hyperedge, port or endpoint', `for="${target}"`);
          if (!isType(type)) out.add(element, '', 'an attr.type of boolean, int, long, float, double or string', `attr.type="${type}"`);
          if (!a.id) out.add(element, '', 'a <key> with an id', 'none');
          out.checkName(element, a.id, 'key id');
          out.checkName(element, a['attr.name'], 'attr.name');
          const yfiles = a['yfiles.type'];
          key = { name: a['attr.name'] ?? a.id ?? '', type: isType(type) ? type : 'string', ...(yfiles && !a['attr.name'] ? { yfiles } : {}) };
          if (a.id) {
            const targets = isTarget(target) ? [target] : target === 'all' ? KEY_TARGETS : [];
            if (!targets.length) ignoredKeys.add(a.id);
            for (const t of targets) {
              if (keys[t].size === MAX_DECLARED_ATTRIBUTES) out.add(element, '', tooManyDeclared(`<key>s for ${t}`), 'more');
              if (keys[t].size < MAX_DECLARED_ATTRIBUTES) keys[t].set(a.id, key);
              else if (keys[t].size === MAX_DECLARED_ATTRIBUTES) keys[t].set('\u0000over', key);
            }
          }
          return;
        }
        case 'default':
          return key !== undefined && key.default === undefined;
        case 'data': {
          out.checkName(element, a.key, 'data key');
          // Data of a <port>, <endpoint> or <hyperedge>, or of a key for those, is not the node's or edge's.
          const record = records[records.length - 1];
          if (a.key === undefined || ignoredKeys.has(a.key) || (parent !== graph && parent?.name !== 'node' && parent?.name !== 'edge')) return false;
          const yfiles = record && (parent?.name === 'node' || parent?.name === 'edge') ? keys[parent.name].get(a.key)?.yfiles : undefined;
          if (record && yfiles) {
            // yEd's graphics: its label, position and fill colour are read from inside (yed.ts); the rest of the markup is left.
            yed = { attributes: (record.yed ??= {}) };
            return false;
          }
          return record !== undefined || parent === graph;
        }
        case 'port':
        case 'endpoint':
        case 'hyperedge':
          return;
        case 'node':
        case 'edge': {
          const record: Pending = { spot: { line: element.line, column: element.column }, id: a.id, source: a.source, target: a.target, directed: a.directed, data: [] };
          (element.name === 'node' ? nodes : edges).push(record);
          records.push(record);
          return;
        }
      }
    },
    close(element, text) {
      if (yed && element.name.includes(':')) return yedClose(yed, element, text);
      switch (element.name) {
        case 'key':
          key = undefined;
          return;
        case 'default':
          if (key && text !== undefined && key.default === undefined) {
            key.default = text;
            key.defaultValue = CAST(key.type, text);
            if (!key.defaultValue.ok) out.add(element, '', `the <default> of key "${key.name}" as ${key.defaultValue.expected}`, key.defaultValue.found);
          }
          return;
        case 'data': {
          if (yed) yed = undefined;
          if (text === undefined) return;
          const record = records[records.length - 1];
          if (record && record.data.length >= 2 * MAX_RECORD_ATTRIBUTES) {
            if (record.data.length === 2 * MAX_RECORD_ATTRIBUTES) {
              out.add(element, '', tooManyValues('<data>'), 'more');
              record.data.push('', '');
            }
          } else if (record) record.data.push(element.attributes.key!, text);
          else graphData.push({ key: element.attributes.key!, text, spot: { line: element.line, column: element.column } });
          return;
        }
        case 'node':
        case 'edge':
          records.pop();
          return;
      }
    },
  });
  if (syntax.length) return { ok: false, problems: syntax };
  if (root?.name !== 'graphml' || !graph) {
    out.add(root, '', 'a <graphml> document with a <graph> element', root ? `<${root.name}>` : 'no element');
    return out.result();
  }

  const edgeDefault = graph.attributes.edgedefault || 'undirected';
  let blockSpot: Spot | undefined;
  const meta = collect(keys.graph, defaultsOf(keys.graph), graphData.flatMap((d) => [d.key, d.text]), (name, expected, found) => out.add(graph, `attributes.${name}`, expected, found), (name, i) => {
    if (name === BLOCK_NAME) blockSpot = graphData[i]!.spot;
  });
  typeUndeclared(keys.node, nodes);
  typeUndeclared(keys.edge, edges);
  const nonFinite: NonFinite[] = [];
  const nodeDefaults = defaultsOf(keys.node);
  const edgeDefaults = defaultsOf(keys.edge);
  const title = typeof meta.title === 'string' ? meta.title : typeof meta.name === 'string' ? meta.name : undefined;
  const block = typeof meta[BLOCK_NAME] === 'string' ? { text: meta[BLOCK_NAME], spot: blockSpot ?? graph } : undefined;
  return {
    ok: true,
    value: {
      nodes: nodes.map((n, i): XmlRecord => ({ spot: n.spot, id: n.id, attributes: withYed(withColor(collect(keys.node, nodeDefaults, n.data, (name, expected, found) => out.add(n.spot, `nodes[${i}].attributes.${name}`, expected, found), undefined, nonFinite)), n.yed) })),
      edges: edges.map((e, i): XmlEdgeRecord => {
        const directed = e.directed === 'true' ? true : e.directed === 'false' ? false : edgeDefault === 'directed';
        return { spot: e.spot, id: e.id, source: e.source, target: e.target, undirected: !directed, attributes: withYed(withColor(collect(keys.edge, edgeDefaults, e.data, (name, expected, found) => out.add(e.spot, `edges[${i}].attributes.${name}`, expected, found), undefined, nonFinite)), e.yed) };
      }),
      title,
      description: typeof meta.description === 'string' ? meta.description : undefined,
      block,
      attributesSpot: graph,
      problems: out.problems,
      nonFinite,
    },
  };
}
