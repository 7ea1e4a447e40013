import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, simulatorEnv, useSimulator } from './support.js';

const simulator = useSimulator({ config: { generationDelayMs: 2500, listDelayMs: 100 } });
const hasScript = spawnSync('script', ['--version']).status === 0;

/**
 * Runs `billing` on a pseudo-terminal of the given size (util-linux `script`), as from a person's shell, and
 * returns what the terminal showed. Spawned asynchronously: the simulator answers from this very process.
 */
async function billingOnTerminal(columns: number, rows: number): Promise<{ code: number; screen: string }> {
  expect(hasScript, 'util-linux `script` gives the command a terminal here').toBe(true);
  const dir = mkdtempSync(join(tmpdir(), 'cli-tty-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ACRONIS_') && name !== 'CI'));
  const command = `stty cols ${columns} rows ${rows}; ${process.execPath} ${bin} billing --out ${dir}`;
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: { ...env, ...simulatorEnv(simulator()), TERM: 'xterm' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // a hung command must not outlive its test (the terminal closing hangs up the command under it)
    timeout: 110_000,
    killSignal: 'SIGKILL',
  });
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number];
  return { code, screen };
}

describe('on a terminal', () => {
  it("the wait is one live line that redraws, with the elapsed time and each format's status", async () => {
    const { code, screen } = await billingOnTerminal(160, 40);
    expect(code).toBe(0);
    // ora redraws the line in place: carriage returns / cursor moves rather than one new line per poll
    expect(screen).toMatch(/\u001b\[(\d+)?G|\r/);
    expect(screen).toMatch(/Generating the billing report 0:0\d: csv_v2_0 (missing|in progress), json_v2_0 (missing|in progress)/);
    expect(screen).toMatch(/next check in \d+ s/);
    expect(screen).toContain('Files ready.');
    expect(screen).not.toMatch(/^\[\d{4}-\d{2}-\d{2}T/m);
    expect(screen).toContain('offering item');
  });

  it('a terminal that reports no size gets plain lines instead of a spinner', async () => {
    const { code, screen } = await billingOnTerminal(0, 0);
    expect(code).toBe(0);
    expect(screen).toMatch(/^\[\d{4}-\d{2}-\d{2}T[\d:.]+Z\] Generating the billing report/m);
    expect(screen.length).toBeLessThan(20_000);
  });
});
