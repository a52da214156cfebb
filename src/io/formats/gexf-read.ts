/**
 * A GEXF file read in one pass into records, with the results graphology-gexf's
 * parser gave (with `allowUndeclaredAttributes`): node and edge `label`,
 * `weight` and `kind`; `<attvalue>`s named by their declared attribute (its
 * title when the id is a number, else the id; undeclared ones by their id, as
 * text) and cast by its type; `<default>`s; viz color, size, position, shape
 * and thickness; `<meta>` children by lower-case tag name. Edges are directed
 * when their `type` (else the graph's `defaultedgetype`) says so.
 */
import { parseValue } from 'graphology-gexf/common/helpers.js';
import { FORBIDDEN_KEYS } from './attr-codec.ts';
import { isBlockText } from './block.ts';
import { keepNonFinite, type NonFinite } from './non-finite.ts';
import type { Attrs, ParseOutcome } from './types.ts';
import { type XmlEdgeRecord, XmlProblems, type XmlGraph, type XmlRecord } from './xml-graph.ts';
import { readXml, type Spot, type XmlElement } from './xml.ts';
import { castXmlValue, parseXsdScalar } from './xsd-number.ts';
import { MAX_DECLARED_ATTRIBUTES, MAX_RECORD_ATTRIBUTES, tooManyDeclared, tooManyValues } from './caps.ts';

const VIZ = ['color', 'size', 'position', 'shape', 'thickness'] as const;
type Viz = (typeof VIZ)[number];
const VIZ_TAGS = new Map<string, { viz: Viz; prefixed: boolean }>(VIZ.flatMap((v) => [[`viz:${v}`, { viz: v, prefixed: true }], [v, { viz: v, prefixed: false }]] as const));

interface Declared {
  type: string;
  title: string;
  default?: unknown;
}

/** A node or edge element while the file is read: its attvalues (id, value, id, value…) and viz elements wait for the declarations. */
interface Pending {
  spot: Spot;
  attributes: XmlElement['attributes'];
  values: string[];
  viz?: Partial<Record<Viz, XmlElement['attributes']>>;
  vizPrefixed?: Partial<Record<Viz, true>>;
}

const isNumeric = (id: string) => !Number.isNaN(+id);
/** A GEXF value by its declared type: numbers and booleans by XML Schema's rules (xsd-number.ts), the rest as graphology-gexf reads it. */
const cast = (type: string, text: string) => castXmlValue(type, text, parseValue);
/** A problem with a value, said by the caller with its place: the attribute's name, what was expected and what was found. */
type Refuse = (name: string, expected: string, found: string) => void;
/** A viz number (float): absent is 0 as graphology-gexf had it; a value the rules refuse is a problem, not NaN. */
function num(v: string | undefined, name: string, refuse: Refuse): number {
  if (v === undefined) return 0;
  const read = parseXsdScalar('float', v);
  if (read.ok && Number.isFinite(read.value)) return read.value as number;
  if (read.ok) {
    refuse(name, 'a finite number', v.trim());
    return 0;
  }
  refuse(name, read.expected, read.found);
  return 0;
}
const TIME_ATTRIBUTES = ['start', 'end', 'timestamp', 'timestamps', 'intervals', 'startopen', 'endopen'] as const;

function vizColor(a: XmlElement['attributes']): string {
  if (a.hex) return a.hex;
  const [r, g, b] = [a.r ?? null, a.g ?? null, a.b ?? null];
  return a.a ? `rgba(${r},${g},${b},${a.a})` : `rgb(${r},${g},${b})`;
}

function setViz(data: Attrs, viz: Viz, a: XmlElement['attributes'], refuse: Refuse): void {
  if (viz === 'color') data.color = vizColor(a);
  else if (viz === 'size') data.size = num(a.value, 'size', refuse);
  else if (viz === 'shape') data.shape = a.value ?? null;
  else if (viz === 'thickness') data.thickness = num(a.value, 'thickness', refuse);
  else for (const axis of ['x', 'y', 'z'] as const) if (a[axis] !== undefined) data[axis] = num(a[axis], axis, refuse);
}

export function readGexf(text: string, file: string): ParseOutcome<XmlGraph> {
  const out = new XmlProblems(file);
  const models = { node: new Map<string, Declared>(), edge: new Map<string, Declared>() };
  const nodes: Pending[] = [];
  const edges: Pending[] = [];
  const meta = new Map<string, { text: string; spot: Spot }>();
  const records: Pending[] = [];
  let root: XmlElement | undefined;
  let graph: XmlElement | undefined;
  let metaElement: XmlElement | undefined;
  let modelClass: 'node' | 'edge' | undefined;
  let declared: Declared | undefined;
  let defaultSeen = false;

  let dynamics = 0;
  /** Gephi's dynamic graphs (spells, time-bound values): refused by name, the first few of them, rather than flattened. */
  const dynamic = (element: XmlElement, what: string) => {
    if (dynamics++ < 5) out.add(element, '', 'a static graph (Chokepoint holds one value per attribute and no time; in Gephi, export a static copy or a time slice)', what);
  };

  const syntax = readXml(text, file, {
    open(element, parent) {
      root ??= element;
      const a = element.attributes;
      switch (element.name) {
        case 'graph':
          graph ??= element;
          return;
        case 'meta':
          metaElement ??= element;
          return;
        case 'attributes':
          modelClass = a.class === 'node' || a.class === 'edge' ? a.class : undefined;
          return;
        case 'attribute': {
          out.checkName(element, a.id, 'attribute id');
          out.checkName(element, a.title, 'attribute title');
          if (!modelClass) return;
          if (models[modelClass].size >= MAX_DECLARED_ATTRIBUTES) {
            if (models[modelClass].size === MAX_DECLARED_ATTRIBUTES) out.add(element, '', tooManyDeclared(`<attribute>s of class ${modelClass}`), 'more');
            models[modelClass].set('\u0000over', { type: 'string', title: '' });
            return;
          }
          const id = a.id || a.for || '';
          declared = { type: a.type || 'string', title: isNumeric(id) ? a.title || id : id };
          defaultSeen = false;
          models[modelClass].set(id, declared);
          return;
        }
        case 'default':
          return declared !== undefined && !defaultSeen;
        case 'node':
        case 'edge': {
          const time = TIME_ATTRIBUTES.find((t) => a[t] !== undefined);
          if (time) dynamic(element, `<${element.name} ${time}="${a[time]}"> (a ${element.name} that exists for a time)`);
          const pending: Pending = { spot: { line: element.line, column: element.column }, attributes: a, values: [] };
          (element.name === 'node' ? nodes : edges).push(pending);
          records.push(pending);
          return;
        }
        case 'spells':
        case 'spell':
          dynamic(element, `<${element.name}>`);
          return;
        case 'attvalue': {
          const id = a.id || a.for;
          out.checkName(element, id, 'attvalue');
          const time = TIME_ATTRIBUTES.find((t) => a[t] !== undefined);
          if (time) dynamic(element, `<attvalue for="${id ?? ''}" ${time}="${a[time]}"> (a value that changes over time)`);
          const record = records[records.length - 1];
          if (!record) return;
          if (record.values.length >= 2 * MAX_RECORD_ATTRIBUTES) {
            if (record.values.length === 2 * MAX_RECORD_ATTRIBUTES) {
              out.add(element, '', tooManyValues('<attvalue>s'), 'more');
              record.values.push('', '');
            }
            return;
          }
          if (!id) out.add(element, '', 'an <attvalue> with a for attribute', 'none');
          else if (a.value === undefined) out.add(element, '', 'an <attvalue> with a value', 'none');
          else record.values.push(id, a.value);
          return;
        }
      }
      const viz = VIZ_TAGS.get(element.name);
      const record = records[records.length - 1];
      if (viz && record && !record.vizPrefixed?.[viz.viz] && (viz.prefixed || !record.viz?.[viz.viz])) {
        (record.viz ??= {})[viz.viz] = a;
        if (viz.prefixed) (record.vizPrefixed ??= {})[viz.viz] = true;
      }
      // The text of <meta>'s children: <creator>, <title>, <description>, <chokepoint>…
      return parent !== undefined && parent === metaElement;
    },
    close(element, text) {
      switch (element.name) {
        case 'attributes':
          modelClass = undefined;
          return;
        case 'attribute':
          declared = undefined;
          return;
        case 'default':
          if (declared && text !== undefined && !defaultSeen) {
            const read = cast(declared.type, text);
            if (read.ok) declared.default = read.value;
            else out.add(element, '', `the <default> of attribute "${declared.title}" as ${read.expected}`, read.found);
            defaultSeen = true;
          }
          return;
        case 'node':
        case 'edge':
          records.pop();
          return;
      }
      if (text !== undefined && text.trim()) meta.set(element.name.toLowerCase(), { text, spot: { line: element.line, column: element.column } });
    },
  });
  if (syntax.length) return { ok: false, problems: syntax };
  if (root?.name !== 'gexf' || !graph) {
    out.add(root, '', 'a <gexf> document with a <graph> element', root?.name === 'gexf' ? 'a <gexf> without <graph> (no nodes, no edges)' : root ? `<${root.name}>` : 'no element');
    return out.result();
  }

  const defaults = (model: Map<string, Declared>) => [...model.values()].filter((d) => Object.hasOwn(d, 'default')).map((d) => [d.title, d.default] as const);
  const collect = (pending: Pending, model: Map<string, Declared>, withDefaults: (readonly [string, unknown])[], side: 'nodes' | 'edges', index: number): Attrs => {
    const a = pending.attributes;
    const data: Attrs = {};
    const refuse: Refuse = (name, expected, found) => out.add(pending.spot, `${side}[${index}].attributes.${name}`, expected, found);
    if (a.label) data.label = a.label;
    if (a.weight !== undefined) data.weight = num(a.weight, 'weight', refuse);
    const xmlWeight = data.weight !== undefined;
    if (a.kind) data.kind = a.kind;
    for (let i = 0; i < pending.values.length; i += 2) {
      const id = pending.values[i]!;
      const value = pending.values[i + 1]!;
      const attr = model.get(id);
      const title = attr ? attr.title : id;
      if (FORBIDDEN_KEYS.has(title)) continue;
      const read = cast(attr ? attr.type : 'string', value);
      if (read.ok) data[title] = keepNonFinite(read.value, value, title, nonFinite);
      else refuse(title, read.expected, read.found);
    }
    for (const [title, value] of withDefaults) if (!FORBIDDEN_KEYS.has(title) && !Object.hasOwn(data, title)) data[title] = value;
    // Whether `weight` is still the element's own weight attribute (a Chokepoint export's is the flow value's copy).
    if (xmlWeight && !pending.values.some((v, i) => i % 2 === 0 && (model.get(v)?.title ?? v) === 'weight')) weightFromXml.add(data);
    if (pending.viz) {
      for (const viz of VIZ) {
        const element = pending.viz[viz];
        if (element) setViz(data, viz, element, refuse);
      }
    }
    return data;
  };
  const nonFinite: NonFinite[] = [];
  const weightFromXml = new Set<Attrs>();
  const nodeDefaults = defaults(models.node);
  const edgeDefaults = defaults(models.edge);
  const defaultType = graph.attributes.defaultedgetype === 'mutual' ? 'undirected' : graph.attributes.defaultedgetype || 'undirected';
  const description = meta.get('description')?.text;
  // Chokepoint's block: in <keywords> (GEXF 1.3's schema allows no element of ours), or in <chokepoint> in files of older versions.
  const keywords = meta.get('keywords');
  const block = meta.get('chokepoint') ?? (keywords && isBlockText(keywords.text) ? keywords : undefined);
  return {
    ok: true,
    value: {
      nodes: nodes.map((n, i): XmlRecord => ({ spot: n.spot, id: n.attributes.id, attributes: collect(n, models.node, nodeDefaults, 'nodes', i) })),
      edges: edges.map((e, i): XmlEdgeRecord => {
        const a = e.attributes;
        const attributes = collect(e, models.edge, edgeDefaults, 'edges', i);
        return { spot: e.spot, id: a.id, source: a.source, target: a.target, undirected: (a.type || defaultType) !== 'directed', attributes, ...(weightFromXml.has(attributes) ? { xmlWeight: true } : {}) };
      }),
      title: meta.get('title')?.text,
      description: description?.trim(),
      block,
      attributesSpot: metaElement ?? graph,
      problems: out.problems,
      nonFinite,
    },
  };
}
