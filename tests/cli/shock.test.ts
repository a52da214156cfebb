/** `chokepoint shock` and `report --hit` on a small fixture: figures as the engine gives them, bad syntax refused in one line. */
import { describe, expect, it } from 'vitest';
import { parseHit } from '../../src/cli/hit-syntax.ts';
import { UsageError } from '../../src/cli/io.ts';
import { loss } from '../../src/report/format.ts';
import { buildShockReport } from '../../src/report/shock-report.ts';
import { shocksOf } from '../../src/scenarios/shock-hits.ts';
import { loadFixture } from '../helpers/load.ts';
import { runCli } from '../helpers/run-cli.ts';

const FILE = 'tests/fixtures/shocks/two-fabs.json';
const graph = () => loadFixture('shocks/two-fabs.json');

describe('--hit syntax', () => {
  it('reads fields ANDed, a field twice ORed, a capacity as a number or a percentage, and 0 when none is given', () => {
    expect(parseHit('kind=foundry,country=TW=0.5')).toEqual({ hit: { where: { kind: 'foundry', country: 'TW' }, capacity: 0.5 }, text: 'kind=foundry,country=TW=0.5', defaulted: false });
    expect(parseHit('country=TW,country=KR=25%').hit).toEqual({ where: { country: ['TW', 'KR'] }, capacity: 0.25 });
    expect(parseHit('key=tsmc-tw')).toMatchObject({ hit: { where: { key: 'tsmc-tw' }, capacity: 0 }, defaulted: true });
  });
  it.each([
    ['country=TW=1.5', /capacity from 0 to 1/],
    ['country=TW=', /capacity from 0 to 1/],
    ['country', /FIELD=VALUE/],
    ['colour=red', /a field key, kind, country, company, found "colour"/],
    ['kind=fab', /a kind demand, .*found "fab"/],
    ['country=tw', /upper case/],
    ['country=TW=0.5,kind=foundry', /FIELD=VALUE/],
  ])('refuses %s', (text, message) => {
    expect(() => parseHit(text)).toThrow(UsageError);
    expect(() => parseHit(text)).toThrow(message);
  });
});

describe('chokepoint shock', () => {
  it("prints each of the file's shocks: every demand node's loss under baseline and each scenario, as the engine computes it", async () => {
    const r = await runCli(['shock', FILE]);
    expect(r.code).toBe(0);
    const want = buildShockReport(graph(), shocksOf(graph()));
    for (const [j, shock] of want.shocks.entries()) {
      expect(r.stdout).toContain(`Shock ${shock.id}: ${shock.label}`);
      const block = r.stdout.slice(r.stdout.indexOf(`Shock ${shock.id}:`)).split('\n\n')[0]!;
      for (const d of Object.keys(want.scenarios[0]!.shocks[j]!.lost)) {
        const line = block.split('\n').find((l) => l.startsWith(`${d} `))!;
        expect(line.trim().split(/\s+/).slice(1)).toEqual(want.scenarios.map((s) => (d in s.shocks[j]!.lost ? loss(s.shocks[j]!.lost[d]!) : '—')));
      }
    }
    expect(r.stdout).toContain('no-us: hit 1 matches nothing here');
  });

  it('evaluates a one-off shock from --hit, as JSON the engine gives, and says a missing capacity is 0', async () => {
    const r = await runCli(['shock', FILE, '--hit', 'country=TW,country=US=50%', '--hit', 'key=gas', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const want = buildShockReport(graph(), [{ id: 'command-line', label: '--hit country=TW,country=US=50% --hit key=gas', hits: [{ where: { country: ['TW', 'US'] }, capacity: 0.5 }, { where: { key: 'gas' }, capacity: 0 }] }]);
    expect(json).toEqual(JSON.parse(JSON.stringify(want)));
    expect(json.scenarios[0].shocks[0].lost.buyer).toBeCloseTo(0.875, 12);
    const text = await runCli(['shock', FILE, '--hit', 'key=gas']);
    expect(text.stderr).toBe('--hit key=gas: no capacity given, so 0 (the nodes stop)\n');
  });

  it('refuses bad syntax with exit 2 and a hit matching no node with exit 1, each in a clear first line', async () => {
    const bad = await runCli(['shock', FILE, '--hit', 'country=TW=2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('chokepoint shock: --hit country=TW=2: expected a capacity from 0 to 1 (or 0% to 100%) after the last "=", found "2"');
    const none = await runCli(['shock', FILE, '--hit', 'country=KR,kind=foundry']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('chokepoint shock: --hit country=KR,kind=foundry: expected a selector that matches some node of the graph, found none\n');
    const unknown = await runCli(['shock', FILE, '--shock', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('chokepoint shock: --shock: no shock "nope" in this graph; it has "tw-half", "gas-stop"');
  });

  it('report --hit adds the one-off shock after the file\'s', async () => {
    const r = await runCli(['report', FILE, '--hit', 'key=fab-us=0.2']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.shocks.map((s: { id: string }) => s.id)).toEqual(['tw-half', 'gas-stop', 'command-line']);
    expect(report.scenarios[0].shocks[2].lost.other).toBeCloseTo(0.8, 12);
  });
});
