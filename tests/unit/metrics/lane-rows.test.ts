/**
 * The lanes' kernel in WebAssembly (lanes.wat) gives the JavaScript kernel's
 * figures to the bit, and the committed module is lanes.wat compiled. That
 * the lanes give the definitions' figures is fast-paths.test.ts's job; those
 * tests run on the WebAssembly kernel, the engine's default here.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../../src/generate/index.ts';
import { laneRows, preferredLaneEngine, type LaneEngine } from '../../../src/metrics/lane-rows.ts';
import { LANES_WASM_BASE64 } from '../../../src/metrics/lanes-wasm.ts';
import { demandNodes, relianceSets } from '../../../src/metrics/reliance.ts';
import { relianceByLanes } from '../../../src/metrics/reliance-lanes.ts';
import { buildSupplyIndex, type SupplyIndex } from '../../../src/metrics/supply-index.ts';
import { compileWat, lanesModuleText } from '../../../scripts/wasm.ts';
import { arbitraryDocument } from '../../helpers/arbitrary.ts';
import { graphOf } from '../../helpers/load.ts';

/** Every figure the lanes give on this index, for the reliance sets and for one-node sets (as the spof lists ask), with the fallback marked. */
function figures(ix: SupplyIndex, engine: LaneEngine): Float64Array[] {
  const demands = demandNodes(ix);
  const sets = relianceSets(ix);
  const out: Float64Array[] = [];
  for (const map of [sets.byCountry, sets.byKindCountry]) {
    const setOf = new Int32Array(ix.size).fill(-1);
    [...map.values()].forEach((list, s) => list.forEach((v) => (setOf[v] = s)));
    out.push(relianceByLanes(ix, setOf, map.size, demands, (s, d) => -1 - s - d, engine));
  }
  // One node per lane: lanes open one by one, so rows of every width, odd ones included (read in pairs, they end on a lane of 0).
  const setOf = new Int32Array(ix.size).fill(-1);
  let count = 0;
  for (let v = 0; v < ix.size; v += 2) setOf[v] = count++;
  out.push(relianceByLanes(ix, setOf, count, demands, () => 1, engine));
  return out;
}

/** The values that differ in their bits (Object.is), as [array, position]. */
function differences(a: Float64Array[], b: Float64Array[]): [number, number][] {
  const out: [number, number][] = [];
  a.forEach((x, i) => {
    expect(b[i]!.length).toBe(x.length);
    x.forEach((v, j) => Object.is(v, b[i]![j]) || out.push([i, j]));
  });
  return out;
}

describe('the lanes kernel in WebAssembly', () => {
  it('is what the engine runs in Node', () => {
    expect(preferredLaneEngine()).toBe('wasm');
    const ix = buildSupplyIndex(graphOf(generateGraph({ nodes: 120, flows: 400, seed: 1 })));
    expect(laneRows(ix, 5).engine).toBe('wasm');
    expect(laneRows(ix, 5, 'js').engine).toBe('js');
    // Rows are read in pairs, so the stride is even.
    expect(laneRows(ix, 5).stride).toBe(6);
  });

  it('gives the JavaScript kernel\'s figures to the bit on random graphs, cycles included', () => {
    const graphs = fc.oneof(arbitraryDocument({ maxNodes: 12, maxEdges: 14 }), arbitraryDocument({ maxNodes: 9, maxEdges: 30 }), arbitraryDocument({ maxNodes: 9, values: 'wide' }));
    fc.assert(
      fc.property(graphs, (doc) => {
        const ix = buildSupplyIndex(graphOf(doc));
        expect(differences(figures(ix, 'js'), figures(ix, 'wasm'))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same figures over several sweeps, and for each of two indexes in turn', () => {
    // 400 nodes: more kind:country pairs than one sweep holds. Two graphs of the same size: the index copied
    // into the module's memory must be the one asked about, not the last one placed.
    const a = buildSupplyIndex(graphOf(generateGraph({ nodes: 400, flows: 1600, seed: 7 })));
    const b = buildSupplyIndex(graphOf(generateGraph({ nodes: 400, flows: 1600, seed: 8 })));
    const [ja, jb] = [figures(a, 'js'), figures(b, 'js')];
    expect(a.size).toBe(b.size);
    expect(ja[0]).not.toEqual(jb[0]);
    for (const [ix, js] of [[a, ja], [b, jb], [a, ja]] as const) expect(differences(js, figures(ix, 'wasm'))).toEqual([]);
  });

  it('is lanes.wat compiled (run `npm run build:wasm` after editing it)', async () => {
    const wat = readFileSync(new URL('../../../src/metrics/lanes.wat', import.meta.url), 'utf8');
    const bytes = await compileWat(wat);
    expect(Buffer.from(LANES_WASM_BASE64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    const committed = readFileSync(new URL('../../../src/metrics/lanes-wasm.ts', import.meta.url), 'utf8');
    expect(committed).toBe(lanesModuleText(bytes));
  });
});
