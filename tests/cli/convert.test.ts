/** `chokepoint convert` and the load flags every command takes, on real files through the real binary. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNativeText } from '../../src/io/write-native.ts';
import { loadFixture } from '../helpers/load.ts';
import { runCli } from '../helpers/run-cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'chokepoint-convert-'));
const DEFAULT = 'graphs/japan-us-taiwan.json';

describe('chokepoint convert', () => {
  it('goes through GEXF, GraphML, a CSV folder and a zip and back to the same native file', async () => {
    const dir = tmp();
    const graph = loadFixture('../../graphs/japan-us-taiwan.json');
    const original = writeNativeText(graph);
    const scenarios = (graph.getAttribute('scenarios') ?? []).length;
    for (const out of ['g.gexf', 'g.graphml', 'folder', 'g.zip']) {
      const there = await runCli(['convert', DEFAULT, join(dir, out)]);
      expect(there.code, there.stderr).toBe(0);
      expect(there.stderr).toContain(`wrote ${graph.order} nodes, ${graph.size} flows, ${scenarios} scenarios`);
      const back = join(dir, `${out}.back.json`);
      const again = await runCli(['convert', join(dir, out), back]);
      expect(again.code, again.stderr).toBe(0);
      expect(readFileSync(back, 'utf8')).toBe(original);
    }
    expect(readdirSync(join(dir, 'folder')).sort()).toEqual(['flows.csv', 'graph.json', 'nodes.csv']);
    const ok = await runCli(['validate', join(dir, 'g.gexf'), join(dir, 'folder'), join(dir, 'g.zip')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('takes the format from --to, and says what a CSV export without graph.json leaves out', async () => {
    const dir = tmp();
    const r = await runCli(['convert', DEFAULT, join(dir, 'pair'), '--to', 'csv', '--without-graph-file']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'pair')).sort()).toEqual(['flows.csv', 'nodes.csv']);
    expect(r.stderr).toContain(`note: not carried: ${(loadFixture('../../graphs/japan-us-taiwan.json').getAttribute('scenarios') ?? []).length} scenarios`);
  });

  it('does not overwrite without --force', async () => {
    const dir = tmp();
    const out = join(dir, 'g.gexf');
    writeFileSync(out, 'mine');
    const r = await runCli(['convert', DEFAULT, out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('expected a path that does not exist yet (add --force to overwrite)');
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect((await runCli(['convert', DEFAULT, out, '--force'])).code).toBe(0);
  });

  it('exits 2 on an unknown output format or a missing argument', async () => {
    const a = await runCli(['convert', DEFAULT, 'out.docx']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('cannot tell the format of "out.docx"');
    expect((await runCli(['convert', DEFAULT])).code).toBe(2);
    expect((await runCli(['convert', DEFAULT, 'x.json', '--to', 'pdf'])).code).toBe(2);
  });

  it('refuses a bad input and writes nothing', async () => {
    const dir = tmp();
    const r = await runCli(['convert', 'tests/fixtures/bad/wrong-values.gexf', join(dir, 'out.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tests/fixtures/bad/wrong-values.gexf:16 nodes[1].attributes.country: expected an ISO');
    expect(readdirSync(dir)).toEqual([]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('load flags of every command', () => {
  const gephi = (dir: string) => {
    const path = join(dir, 'gephi.gexf');
    writeFileSync(path, `<gexf version="1.3"><graph defaultedgetype="directed">
<attributes class="node"><attribute id="0" title="Sector" type="string"/><attribute id="1" title="Land" type="string"/></attributes>
<attributes class="edge"><attribute id="0" title="Good" type="string"/></attributes>
<nodes><node id="b" label="Buyer"><attvalues><attvalue for="0" value="demand"/><attvalue for="1" value="JP"/></attvalues></node>
<node id="f" label="Fab"><attvalues><attvalue for="0" value="foundry"/><attvalue for="1" value="TW"/></attvalues></node></nodes>
<edges><edge source="f" target="b" weight="4"><attvalues><attvalue for="0" value="chips"/></attvalues></edge></edges></graph></gexf>`);
    return path;
  };

  it('maps attributes from flags or a mapping file', async () => {
    const dir = tmp();
    const path = gephi(dir);
    const flags = await runCli(['report', path, '--map-node-country', 'Land', '--map-node-kind', 'Sector', '--map-flow-input', 'Good', '--format', 'json']);
    expect(flags.code, flags.stderr).toBe(0);
    expect(JSON.parse(flags.stdout).scenarios[0].reliance[0].byCountry.TW).toBeCloseTo(1, 12);
    writeFileSync(join(dir, 'map.json'), JSON.stringify({ nodes: { country: 'Land', kind: 'Sector' }, edges: { input: 'Good' } }));
    const file = await runCli(['validate', path, '--mapping', join(dir, 'map.json')]);
    expect(file.code, file.stderr).toBe(0);
    // Without a mapping, the graph still loads for exploration, and says what it cannot give.
    const bare = await runCli(['report', path, '--format', 'json']);
    expect(bare.code).toBe(0);
    expect(bare.stderr).toContain('note: reliance.byCountry is unavailable: the file gives no countries');
  });

  it('refuses a broken mapping file with its problems', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'map.json'), JSON.stringify({ nodes: { colour: 'x' } }));
    const r = await runCli(['validate', gephi(dir), '--mapping', join(dir, 'map.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/map\.json.*nodes/);
  });

  it('refuses files over --max-size before reading them, naming the limit', async () => {
    const r = await runCli(['validate', DEFAULT, '--max-size', '100KB']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/graphs\/japan-us-taiwan\.json: expected a file of at most 100\.0 KB \(the size limit; raise it with --max-size\), found \d+(\.\d)? KB/);
    expect((await runCli(['validate', DEFAULT, '--max-size', 'lots'])).code).toBe(2);
  });

  it('adds the scenarios of --scenarios-file', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 's.json'), JSON.stringify([{ id: 'none', label: 'No Taiwan', ops: [{ op: 'scaleFlows', where: { source: { country: 'TW' } }, factor: 0 }] }]));
    const r = await runCli(['validate', 'tests/fixtures/known/chain.json', '--scenarios-file', join(dir, 's.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('ok (5 nodes, 4 flows, 1 scenario)');
  });

  it('opens the sample graphs in other formats', async () => {
    for (const sample of ['graphs/neon-ukraine-2022.gexf', 'graphs/korea-hf-photoresist-2019']) {
      const r = await runCli(['report', sample, '--format', 'md']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    }
  });
});
