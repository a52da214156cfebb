/**
 * The geographic layout: each node at its country's position (equirectangular,
 * x = longitude, y = latitude) on a map centred on the Pacific (the Americas,
 * west of 30°W, are moved east by 360°, so that Europe, Asia and America read
 * left to right), the nodes of one country on rings around it ordered by kind
 * then key, so that they do not sit on each other. Countries missing from the
 * table are lined up in a column left of the map, where they cannot be
 * mistaken for a place.
 */
import Graph from 'graphology';
import noverlap from 'graphology-layout-noverlap';
import type { SupplyGraph } from '../model/graph.ts';
import { countryPosition } from './country-positions.ts';
import { TIER_OF, type Point } from './tiered.ts';

export interface GeographicOptions {
  /** Radius of a country's ring per node, in degrees. */
  spread?: number;
  /** Latitude is stretched by this factor: the inhabited world is much wider than tall. */
  stretch?: number;
  /** Room each node keeps around it after the overlap removal, in degrees; 0 leaves the rings as they are. */
  room?: number;
}

export function geographicLayout(graph: SupplyGraph, options: GeographicOptions = {}): Map<string, Point> {
  const spread = options.spread ?? 3;
  const stretch = options.stretch ?? 3;
  const room = options.room ?? 5;
  const byCountry = new Map<string, string[]>();
  graph.forEachNode((key, attrs) => {
    const list = byCountry.get(attrs.country);
    if (list) list.push(key);
    else byCountry.set(attrs.country, [key]);
  });
  const unknown = [...byCountry.keys()].filter((c) => !countryPosition(c)).sort();
  const out = new Map<string, Point>();
  for (const [country, members] of byCountry) {
    const known = countryPosition(country);
    const [lon, lat] = known ? [mapX(known[0]), stretch * known[1]] : [UNKNOWN_X, stretch * (60 - 12 * unknown.indexOf(country))];
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

/** The countries of the graph that have no position in the table (drawn aside). */
/** Longitude on the Pacific-centred map. */
export const mapX = (lon: number) => (lon < -30 ? lon + 360 : lon);
/** Where countries missing from the table go: west of every place on the map. */
export const UNKNOWN_X = -60;

export function unplacedCountries(graph: SupplyGraph): string[] {
  const set = new Set<string>();
  graph.forEachNode((_k, a) => {
    if (!countryPosition(a.country)) set.add(a.country);
  });
  return [...set].sort();
}
