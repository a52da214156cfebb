/**
 * `chokepoint validate` lists each bad CSV value once (issue 20, item 14):
 * NaN and "1,000" in a flows.csv, in a folder and in a zip.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'chokepoint-problem-list-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const nodes = 'key,label,kind,country\nf,F,foundry,TW\ng,G,foundry,KR\nd,D,demand,JP\n';
const flows = 'source,target,input,value\nf,d,chips,NaN\ng,d,chips,"1,000"\n';

describe('validate: NaN and "1,000" in flows.csv, each once', () => {
  const expectOnce = (stderr: string, prefix: string) => {
    const lines = stderr.split('\n').filter((l) => l.includes('edges['));
    expect(lines, stderr).toHaveLength(2);
    expect(lines[0]).toBe(`${prefix}flows.csv:2:4 edges[0].attributes.value: expected a finite number, found the string "NaN"`);
    expect(lines[1]).toBe(`${prefix}flows.csv:3:4 edges[1].attributes.value: expected a finite number, found the string "1,000"`);
  };

  it('in a folder', async () => {
    const folder = join(dir, 'pair');
    mkdirSync(folder);
    writeFileSync(join(folder, 'nodes.csv'), nodes);
    writeFileSync(join(folder, 'flows.csv'), flows);
    const run = await runCli(['validate', folder]);
    expect(run.code).toBe(1);
    expectOnce(run.stderr + run.stdout, `${folder}/`);
  });

  it('in a zip', async () => {
    const zip = join(dir, 'pair.zip');
    writeFileSync(zip, zipSync({ 'nodes.csv': strToU8(nodes), 'flows.csv': strToU8(flows) }));
    const run = await runCli(['validate', zip]);
    expect(run.code).toBe(1);
    expectOnce(run.stderr + run.stdout, `${zip}:`);
  });
});
