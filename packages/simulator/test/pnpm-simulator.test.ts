// `pnpm simulator` from the repository root, as people run it: `pnpm simulator &` then `kill $!` signals only pnpm,
// and the simulator it started (through scripts/simulator.mjs) must stop with it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

/** pid -> parent pid of every process, from /proc. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // the command name in parentheses may hold spaces: the fields after it are what counts
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(name), Number(fields[1]));
    } catch {
      // gone meanwhile
    }
  }
  return map;
}

function descendantsOf(pid: number): number[] {
  const all = parents();
  const found: number[] = [];
  let frontier = [pid];
  while (frontier.length > 0) {
    const children = [...all].filter(([, parent]) => frontier.includes(parent)).map(([child]) => child);
    found.push(...children);
    frontier = children;
  }
  return found;
}

const commandLine = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
};

/** Alive and not a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function answers(baseUrl: string): Promise<boolean> {
  try {
    await fetch(`${baseUrl}/_simulator`, { signal: AbortSignal.timeout(3000) });
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

let started: { pnpm: ChildProcess; pids: number[] } | null = null;

async function startPnpmSimulator() {
  const pnpm = spawn(join(repoRoot, 'node_modules', '.bin', 'pnpm'), ['simulator', '--port', '0', '--now', '2026-11-15T12:00:00Z'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  started = { pnpm, pids: [] };
  const [firstLine] = (await once(createInterface({ input: pnpm.stdout! }), 'line')) as [string];
  const { baseUrl } = JSON.parse(firstLine) as { baseUrl: string };
  started.pids = descendantsOf(pnpm.pid!);
  expect(started.pids.map(commandLine).some((line) => line.includes('packages/simulator/dist/cli.js'))).toBe(true);
  expect(await until(() => answers(baseUrl), 10_000)).toBe(true); // a busy machine may take a moment to answer
  return { pnpm, baseUrl, pids: started.pids };
}

afterEach(() => {
  // whatever a failed test left behind, by pid
  if (!started) return;
  const { pnpm, pids } = started;
  for (const pid of [pnpm.pid!, ...pids, ...descendantsOf(pnpm.pid!)]) if (alive(pid)) process.kill(pid, 'SIGKILL');
  started = null;
});

describe('`pnpm simulator` stops with the process that started it', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGKILL'] as const)('%s to pnpm stops the simulator and leaves no process', async (signal) => {
    const { pnpm, baseUrl, pids } = await startPnpmSimulator();
    process.kill(pnpm.pid!, signal);
    expect(await until(async () => !(await answers(baseUrl)), 10_000)).toBe(true);
    expect(await until(async () => pids.every((pid) => !alive(pid)), 10_000)).toBe(true);
  }, 60_000);

  it('stops the simulator when the script between pnpm and the simulator is killed outright', async () => {
    const { pnpm, baseUrl, pids } = await startPnpmSimulator();
    const script = pids.find((pid) => commandLine(pid).includes('scripts/simulator.mjs'));
    expect(script).toBeDefined();
    process.kill(script!, 'SIGKILL');
    expect(await until(async () => !(await answers(baseUrl)), 10_000)).toBe(true);
    expect(await until(async () => pids.every((pid) => !alive(pid)), 10_000)).toBe(true);
    if (pnpm.exitCode === null && pnpm.signalCode === null) await once(pnpm, 'exit');
  }, 60_000);
});

describe('the root configuration', () => {
  it('keeps pnpm from echoing script lines before the JSON without a setting npm warns about', async () => {
    const { pnpm } = await startPnpmSimulator(); // the first stdout line parsed as the JSON description
    process.kill(pnpm.pid!, 'SIGTERM');
    const npm = spawnSync('npm', ['pkg', 'get', 'name'], { cwd: repoRoot, encoding: 'utf8' });
    expect(npm.status).toBe(0);
    expect(npm.stderr).not.toContain('Unknown project config');
  }, 60_000);
});
