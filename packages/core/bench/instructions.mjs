// Per-call overhead in CPU instructions (valgrind's callgrind), which the machine's load does not change, unlike the
// wall-clock figure of `pnpm bench` on a shared machine. Each side runs twice, with FEW and MANY calls; the
// difference divided by the extra calls is its cost per call, with start-up and warm-up cancelled out. The
// simulator runs in the same process, so its handling counts in both sides alike. About 8 minutes:
// `pnpm --filter @acronis-reports/core bench:instructions` (needs valgrind: `apt-get install valgrind`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FEW = 100;
const MANY = 1100;
const GOAL = 1.1;
const sideScript = fileURLToPath(new URL('./instructions-side.mjs', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'instructions-'));

function collected(side, calls) {
  const run = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${join(scratch, `${side}.${calls}`)}`, process.execPath, sideScript, side, String(calls)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const match = /Collected : (\d+)/.exec(run.stderr ?? '');
  if (run.error) throw new Error(`valgrind could not run (${run.error.message}); install it with apt-get install valgrind`);
  if (run.status !== 0 || !match) throw new Error(`${side} with ${calls} calls failed: ${(run.stderr ?? '').slice(-2000)}`);
  return Number(match[1]);
}

const perCall = (side) => (collected(side, MANY) - collected(side, FEW)) / (MANY - FEW);
try {
  const bearer = perCall('bearer');
  const client = perCall('client');
  const ratio = Math.round((client / bearer) * 1000) / 1000;
  console.log(`instructions per getReport: core ${(client / 1e6).toFixed(2)} M, openapi-fetch with a bearer middleware ${(bearer / 1e6).toFixed(2)} M`);
  console.log(`core / openapi-fetch: ${ratio} (goal at most ${GOAL}) ${ratio <= GOAL ? 'met' : 'MISSED'}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
