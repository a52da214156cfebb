/**
 * The geographic layout: each node at its country's position (equirectangular,
 * x = longitude, y = latitude, the plate carrée of the app's world basemap) on a map centred on the Pacific (the Americas,
 * west of 30°W, are moved east by 360°, so that Europe, Asia and America read
 * left to right), the nodes of one country on rings around it ordered by kind
 * then key, so that they do not sit on each other. Countries missing from the
 * table are lined up in a column left of the map, where they cannot be
 * mistaken for a place.
 *
 * Above OVERLAP_NODES nodes, pushing every node apart costs seconds, then
 * minutes (noverlap is quadratic in a crowded cell), so each country's nodes
 * fill a disc instead (a sunflower spiral, one `room` apart) and the overlap
 * removal moves the discs, one per country.
 */
import Graph from 'graphology';
import noverlap from 'graphology-layout-noverlap';
import type { SupplyGraph } from '../model/graph.ts';
import type { NodeAttributes } from '../model/schema.ts';
import { countryPosition } from './country-positions.ts';
import { discsApart } from './discs-apart.ts';
import { TIER_OF, type Point } from './tiered.ts';

export interface GeographicOptions {
  /** Radius of a country's ring per node, in degrees. */
  spread?: number;
  /** Latitude is stretched by this factor: the inhabited world is much wider than tall. */
  stretch?: number;
  /** Room each node keeps around it after the overlap removal, in degrees; 0 leaves the rings as they are. */
  room?: number;
}

/** The map's centre meridian: the Pacific (the Americas, west of 30°W, are moved east by 360°). */
export const MAP_CENTRE_LON = 150;
/** Latitude's factor on the map (1: the plate carrée the app's world basemap is drawn in, src/ui/basemap.ts). */
export const MAP_STRETCH = 1;

/**
 * Above this many nodes, overlaps are removed between countries' discs, not between nodes. Between nodes it took
 * 0.11 s at 500 nodes, 0.57 s at 1,000 and 2.4 s at 2,000 (generated graphs, in Node), on every open, whether the
 * map is looked at or not; the discs take a few milliseconds at any size (docs/scale.md).
 */
export const OVERLAP_NODES = 500;

export function geographicLayout(graph: SupplyGraph, options: GeographicOptions = {}): Map<string, Point> {
  const spread = options.spread ?? 3;
  const stretch = options.stretch ?? MAP_STRETCH;
  const room = options.room ?? 5;
  if (graph.order > OVERLAP_NODES) return discLayout(graph, stretch, room);
  const byCountry = groupByCountry(graph, (key) => key);
  const anchor = anchors(byCountry.keys(), stretch);
  const out = new Map<string, Point>();
  for (const [country, members] of byCountry) {
    const { x: lon, y: lat } = anchor.get(country)!;
    members.sort((a, b) => TIER_OF[graph.getNodeAttribute(a, 'kind')] - TIER_OF[graph.getNodeAttribute(b, 'kind')] || (a < b ? -1 : a > b ? 1 : 0));
    const n = members.length;
    // Rings of growing radius: about six nodes on the first, more outside.
    let placed = 0;
    for (let ring = 0; placed < n; ring++) {
      const capacity = ring === 0 ? Math.min(n, 1) : 6 * ring;
      const count = Math.min(capacity, n - placed);
      for (let j = 0; j < count; j++) {
        const angle = (2 * Math.PI * j) / count + ring * 0.5;
        const r = ring * spread;
        out.set(members[placed + j]!, { x: lon + r * Math.cos(angle), y: lat + r * Math.sin(angle) });
      }
      placed += count;
    }
  }
  return room > 0 ? spreadApart(out, room) : out;
}

/** Pushes apart nodes that sit on each other (dense countries next to each other: Japan, Korea, Taiwan, China) with noverlap. */
function spreadApart(points: Map<string, Point>, room: number): Map<string, Point> {
  const g = new Graph();
  for (const [k, p] of points) g.addNode(k, { x: p.x, y: p.y, size: room / 2 });
  const moved = noverlap(g, { maxIterations: 150, settings: { margin: room / 4, ratio: 1, expansion: 1.05, gridSize: 20, speed: 3 } });
  return new Map([...points.keys()].map((k) => [k, { x: moved[k]!.x, y: moved[k]!.y }]));
}

/** Large graphs: one sunflower disc per country, the discs (not the nodes) pushed apart (noverlap's arithmetic: discs-apart.ts). */
function discLayout(graph: SupplyGraph, stretch: number, room: number): Map<string, Point> {
  const byCountry = groupByCountry(graph, (key, attrs) => ({ key, tier: TIER_OF[attrs.kind] ?? 0 }));
  const anchor = anchors(byCountry.keys(), stretch);
  // Nodes a fifth of `room` apart: a country of 2,000 nodes is a disc about 10 × room across.
  const step = room / 5;
  const countries = [...byCountry.keys()];
  const centres = discsApart(
    countries.map((country) => ({ ...anchor.get(country)!, size: step * Math.sqrt(byCountry.get(country)!.length) * 0.6 + room / 2 })),
    { margin: room / 2, ratio: 1, expansion: 1.05, gridSize: 20, speed: 3 },
    300,
  );
  const moved = new Map(countries.map((country, i) => [country, centres[i]!]));
  const golden = Math.PI * (3 - Math.sqrt(5));
  const out = new Map<string, Point>();
  for (const [country, members] of byCountry) {
    const c = moved.get(country)!;
    // Kinds from the middle out (raw inputs in the middle, buyers outside), then keys: deterministic.
    members.sort((a, b) => a.tier - b.tier || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    members.forEach((m, i) => {
      const r = step * 0.6 * Math.sqrt(i);
      out.set(m.key, { x: c.x + r * Math.cos(i * golden), y: c.y + r * Math.sin(i * golden) });
    });
  }
  return out;
}

/** Longitude on the Pacific-centred map. */
export const mapX = (lon: number) => (lon < MAP_CENTRE_LON - 180 ? lon + 360 : lon);
/** Where countries missing from the table go: west of every place on the map. */
export const UNKNOWN_X = -60;

/** The graph's nodes by country, each as `member` makes it, in the graph's order. */
function groupByCountry<T>(graph: SupplyGraph, member: (key: string, attrs: NodeAttributes) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  graph.forEachNode((key, attrs) => {
    const list = out.get(attrs.country);
    if (list) list.push(member(key, attrs));
    else out.set(attrs.country, [member(key, attrs)]);
  });
  return out;
}

/** Of these countries, those with no position in the table, sorted. */
const unplaced = (countries: Iterable<string>) => [...countries].filter((c) => !countryPosition(c)).sort();

/** Each country's place on the map: its position in the table, or the next slot of the column west of the map. */
function anchors(countries: Iterable<string>, stretch: number): Map<string, Point> {
  const list = [...countries];
  const unknown = unplaced(list);
  return new Map(
    list.map((c) => {
      const known = countryPosition(c);
      return [c, known ? { x: mapX(known[0]), y: stretch * known[1] } : { x: UNKNOWN_X, y: stretch * (60 - 12 * unknown.indexOf(c)) }];
    }),
  );
}

/** The countries of the graph that have no position in the table (drawn aside). */
export function unplacedCountries(graph: SupplyGraph): string[] {
  return unplaced(groupByCountry(graph, () => 0).keys());
}
