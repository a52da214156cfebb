/** `chokepoint robustness` and the robustness of `report`, on the five-node worked example (docs/robustness.md). */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/io.ts';
import { computeRobustness } from '../../src/robustness/engine.ts';
import { loadFixture } from '../helpers/load.ts';
import { runCli } from '../helpers/run-cli.ts';

const FILE = 'tests/fixtures/robustness/five-nodes.json';

/** The command in this process, its options parsed as the binary's (a spawn per case is slow on a busy machine). */
async function inProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), writeFile: async () => {}, makeFolder: async () => {} };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('chokepoint robustness', () => {
  it('prints the findings with intervals, agreement, variants and swings', async () => {
    const r = await runCli(['robustness', FILE, '--draws', '500', '--seed', '4']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const engine = computeRobustness(loadFixture('robustness/five-nodes.json'), { draws: 500, seed: 4 });
    const base = engine.figures[0]!;
    const shift = engine.figures[1]!;
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    expect(r.stdout).toContain(`${pct(base.draws.p05)} to ${pct(base.draws.p95)}`);
    expect(r.stdout).toMatch(/shift-to-us\s+18\.8%.*−18\.8 pp.*100% \(robust\)/);
    expect(r.stdout).toMatch(/baseline\s+37\.5%\s+53\.6%/); // the variant jpco-small: 5/7 * 3/4
    expect(r.stdout).toMatch(/chipco-buyers\s+3\.00\s+6\.00\s+28\.1%\s+40\.9%/); // 3/8 * 3/4 and 6/11 * 3/4
    expect(shift.deltaDraws!.agree).toBe(1);
  });

  it('prints the JSON object of the report, the same for the same seed', async () => {
    const a = await runCli(['robustness', FILE, '--format', 'json', '--draws', '300', '--seed', '9']);
    const b = await inProcess(['robustness', FILE, '--format', 'json', '--draws', '300', '--seed', '9']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const json = JSON.parse(a.stdout);
    expect(json).toEqual(JSON.parse(JSON.stringify(computeRobustness(loadFixture('robustness/five-nodes.json'), { draws: 300, seed: 9 }))));
  });

  it('refuses bad options with a one-line reason', async () => {
    for (const [args, text] of [
      [['--draws', '0'], '--draws: expected a whole number from 1'],
      [['--seed', 'x'], '--seed: expected a whole number'],
      [['--set', 'taiwan'], '--set: expected "TW" or "foundry:TW"'],
      [['--uncertainty=-1'], '--uncertainty: expected a number 0 or above'],
      [['--format', 'xml'], '--format: expected text or json'],
    ] as const) {
      const r = await inProcess(['robustness', FILE, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(text);
    }
    const r = await inProcess(['robustness', FILE, '--demand', 'nobody']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no node "nobody"');
  });
});

describe('chokepoint report with robustness', () => {
  it('carries the robustness object in JSON and a section in Markdown', async () => {
    const json = JSON.parse((await runCli(['report', FILE, '--draws', '200'])).stdout);
    expect(json.robustness.draws).toBe(200);
    expect(json.robustness.figures.map((f: { scenario: string }) => f.scenario)).toEqual(['baseline', 'shift-to-us']);
    const md = (await inProcess(['report', FILE, '--format', 'md', '--draws', '200'])).stdout;
    expect(md).toContain('## How robust the findings are');
    // The first page: the answer in robustness.md's words, and the change's interval in the table.
    expect(md).toMatch(/“Half of ChipCo's TW wafers move to the US fab”: the Buyers' reliance falls from \d+\.\d% to \d+\.\d% \(−\d+\.\d pp\), in the same direction in 100% of draws\./);
    expect(md).toMatch(/\| Half of ChipCo's TW wafers move to the US fab \| \*\*\d+\.\d%\*\* \(−\d+\.\d pp; −\d+\.\d pp to −\d+\.\d pp\) \|/);
  });

  it('leaves a file without ranges or variants as it was, unless --uncertainty is asked for', async () => {
    const plain = JSON.parse((await inProcess(['report', 'tests/fixtures/known/chain.json'])).stdout);
    expect(plain.robustness).toBeUndefined();
    const asked = JSON.parse((await inProcess(['report', 'tests/fixtures/known/chain.json', '--uncertainty', '0.2', '--draws', '50'])).stdout);
    expect(asked.robustness.uncertainty).toBe(0.2);
    expect(asked.robustness.uncertainFlows).toBeGreaterThan(0);
  });
});
