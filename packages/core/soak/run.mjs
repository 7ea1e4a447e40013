// `pnpm soak` (at the root, after a build): a few hundred create -> wait -> download-every-format flows against
// an in-process simulator on 127.0.0.1, with about 10 % of requests faulted. SOAK_FLOWS, SOAK_FAULT_RATE and
// SOAK_SEED change the run. Exits 1 when a flow ends untyped, a report is doubled or a file is corrupt.
import { createSimulator } from '@acronis-reports/simulator';
import { createReportsClient, nodeRuntime, saveDownload } from '../dist/node/index.js';
import { printSoak, runSoak } from './soak.mjs';

const flows = Number(process.env.SOAK_FLOWS ?? 300);
const faultRate = Number(process.env.SOAK_FAULT_RATE ?? 0.1);
const seed = Number(process.env.SOAK_SEED ?? 1);
const sim = await createSimulator({ now: '2026-11-15T12:00:00Z', config: { generationDelayMs: 100, listDelayMs: 20 } });
try {
  const started = performance.now();
  const outcome = await runSoak({ sim, createClient: createReportsClient, saveDownload, runtime: nodeRuntime, flows, faultRate, seed, log: (line) => console.log(line) });
  printSoak(outcome);
  console.log(`  took         ${Math.round((performance.now() - started) / 1000)} s`);
  console.log(`SOAK ${JSON.stringify({ ...outcome, untyped: outcome.untyped.length })}`);
  process.exitCode = outcome.untyped.length > 0 || outcome.doubled > 0 || outcome.corrupt > 0 || outcome.strayFiles > 0 ? 1 : 0;
} finally {
  await sim.close();
}
