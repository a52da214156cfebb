/**
 * The command line against files that are not what they seem (issue 20,
 * items 7 and 13): /dev/zero and a named pipe nobody writes to end at once
 * with a problem instead of growing or hanging, and a zip entry name holding
 * terminal escapes reaches the terminal escaped.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forTerminal } from '../../src/cli/terminal-text.ts';
import { runCli } from '../helpers/run-cli.ts';
import { craftZip } from '../helpers/zip-craft.ts';

const dir = mkdtempSync(join(tmpdir(), 'chokepoint-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files that are not regular files', () => {
  it('reads /dev/zero only up to the limit', async () => {
    const run = await runCli(['validate', '/dev/zero', '--max-size', '1MB'], { timeout: 30_000 });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\/dev\/zero: expected a file of at most 1\.0 MB .*found more than that \(\/dev\/zero is not a regular file: reading stopped at the limit\)/);
  });

  it('ends at once on a named pipe nobody writes to', async () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const run = await runCli(['validate', fifo], { timeout: 30_000 });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pipe\.json/);
  });
});

describe('text from files on the terminal', () => {
  it('escapes control characters and bidirectional overrides, once', () => {
    expect(forTerminal('a\u001b[31mred\u0007\u009b\u202eb\nc\td')).toBe('a\\x1b[31mred\\x07\\x9b\\u202eb\nc\td');
    expect(forTerminal('a\nb', true)).toBe('a\\x0ab');
  });

  it('writes a zip entry name with escapes as text', async () => {
    const zip = join(dir, 'evil.zip');
    writeFileSync(zip, craftZip([{ name: '\u001b]0;pwned\u0007\u001b[2Jnodes.csv', data: 'key\n' }, { name: 'x\u001b[8m.csv', data: 'a' }]));
    const run = await runCli(['validate', zip]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(run.stderr).toContain('\\x1b]0;pwned\\x07\\x1b[2Jnodes.csv');
  });
});

describe('generate', () => {
  it('refuses sizes over its caps at once, saying the cap', async () => {
    const nodes = await runCli(['generate', '--nodes', '20000000', '--flows', '60000000'], { timeout: 30_000 });
    expect(nodes.code).toBe(2);
    expect(nodes.stderr).toMatch(/--nodes: expected at most 300,000 \(the cap/);
    const flows = await runCli(['generate', '--nodes', '100000', '--flows', '4000000'], { timeout: 30_000 });
    expect(flows.code).toBe(2);
    expect(flows.stderr).toMatch(/--flows: expected at most 1,500,000 \(the cap/);
  });
});
