// Start-up of the command line: `acronis-reports --help` against a bare `node -e ""`, run alternately in the same
// run so that the machine's load weighs on both alike. Goal: --help at most 2x bare node.
//   node bench/startup.mjs            (from apps/cli, after a build; `pnpm bench` at the root does both)
//   BENCH_STARTUP_ROUNDS=40 ...       (more rounds; default 20)
// Prints a table, the goal (PASS/MISS; exits 0 either way unless a command fails) and a last `BENCH {...}` line.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const GOAL = 2;
const rounds = Number(process.env.BENCH_STARTUP_ROUNDS ?? 20);
if (!(Number.isInteger(rounds) && rounds > 0)) throw new Error(`BENCH_STARTUP_ROUNDS must be a positive integer, not ${process.env.BENCH_STARTUP_ROUNDS}`);
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

const sides = {
  'node -e ""': [process.execPath, ['-e', '']],
  'acronis-reports --help': [process.execPath, [bin, '--help']],
  'acronis-reports --version': [process.execPath, [bin, '--version']],
};

function timeOnce([command, args]) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const times = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
for (const name of Object.keys(sides)) timeOnce(sides[name]); // warm the file cache
for (let round = 0; round < rounds; round++) {
  // rotate the order each round, so that no side always runs after the same one
  const names = Object.keys(sides);
  for (let i = 0; i < names.length; i++) {
    const name = names[(i + round) % names.length];
    times[name].push(timeOnce(sides[name]));
  }
}

const bare = median(times['node -e ""']);
console.log(`\nCommand-line start-up (${rounds} rounds, median wall time of a whole process)\n`);
console.log('| command | ms | x bare node |');
console.log('|---|---|---|');
const results = {};
for (const name of Object.keys(sides)) {
  const ms = median(times[name]);
  results[name] = { ms: Number(ms.toFixed(1)), ratio: Number((ms / bare).toFixed(2)) };
  console.log(`| ${name} | ${ms.toFixed(1)} | ${(ms / bare).toFixed(2)} |`);
}
const ratio = results['acronis-reports --help'].ratio;
console.log(`\nGoal: --help at most ${GOAL}x bare node: ${ratio}x ${ratio <= GOAL ? 'PASS' : 'MISS'}`);
console.log(`BENCH ${JSON.stringify({ startup: results, goal: { helpRatio: ratio, max: GOAL, pass: ratio <= GOAL } })}`);
