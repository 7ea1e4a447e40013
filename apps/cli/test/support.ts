import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { createSimulator, type Simulator, type SimulatorOptions } from '@acronis-reports/simulator';

export const bin = join(import.meta.dirname, '..', 'dist', 'bin.js');

export function useSimulator(options: SimulatorOptions = {}): () => Simulator {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await createSimulator({ now: '2026-11-15T12:00:00Z', config: { generationDelayMs: 1500, listDelayMs: 100 }, ...options });
  });
  afterAll(async () => {
    await simulator?.close();
  });
  return () => simulator;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const cleanEnvironment = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(ACRONIS_|HTTPS?_PROXY|https?_proxy|NO_PROXY|no_proxy)/.test(name)));

/** Runs the real `acronis-reports` binary as a subprocess, without a terminal (as in CI or a pipe). */
export function runCli(args: string[], options: { env?: Record<string, string>; input?: string; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...cleanEnvironment(), NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      // a hung command must not outlive its test
      timeout: 110_000,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

const simulatorClock = pathToFileURL(join(import.meta.dirname, 'clock', 'simulator-clock.mjs')).href;

/**
 * The environment that points the CLI at `sim` and runs it on the simulator's clock (read now, so call it right
 * before the start): the CLI decides "the last full month" and "in the future" on the same clock as the
 * simulator, whatever day the tests run.
 */
export const simulatorEnv = (sim: Simulator) => ({
  ACRONIS_BASE_URL: sim.baseUrl,
  ACRONIS_CLIENT_ID: sim.clientId,
  ACRONIS_CLIENT_SECRET: sim.clientSecret,
  ACRONIS_TEST_CLOCK: sim.control.now(),
  NODE_OPTIONS: `--import=${simulatorClock}`,
});

const hasScript = spawnSync('script', ['--version']).status === 0;

/**
 * Runs `acronis-reports <args>` on a pseudo-terminal of the given size (util-linux `script`), as from a person's
 * shell, against `sim`, and returns what the terminal showed. Spawned asynchronously: the simulator answers from
 * this very process.
 */
export async function runOnTerminal(sim: Simulator, args: string[], size = { columns: 120, rows: 40 }): Promise<{ code: number; screen: string }> {
  expect(hasScript, 'util-linux `script` gives the command a terminal here').toBe(true);
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ACRONIS_') && name !== 'CI'));
  const child = spawn('script', ['-qec', `stty cols ${size.columns} rows ${size.rows}; ${process.execPath} ${bin} ${args.join(' ')}`, '/dev/null'], {
    env: { ...env, ...simulatorEnv(sim), TERM: 'xterm' },
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
