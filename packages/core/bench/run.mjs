// The benchmark of @acronis-reports/core against an in-process simulator on 127.0.0.1 (the download section starts
// its own simulator in a child process, so that the memory it measures is the client's):
//   node --expose-gc bench/run.mjs         (from packages/core, after a build; `pnpm bench` at the root does both)
//   BENCH_DOWNLOAD_MB=100 ...              (a smaller download than the default 1024 MB, for quick runs)
//   BENCH_LINES_MB=100 ...                 (a smaller file for the billing-lines section than the default 1024 MB)
// Prints tables, the goals (PASS/MISS; exits 0 either way unless something crashes) and a last `BENCH {...}` line.
import os from 'node:os';
import { createSimulator } from '@acronis-reports/simulator';
import { midday } from './common.mjs';
import { measureDownload } from './download.mjs';
import { measureLines } from './lines.mjs';
import { measureOverhead } from './overhead.mjs';
import { measurePolling } from './polling.mjs';
import { goalsOf, printDownload, printGoals, printHeader, printLines, printOverhead, printPolling, printTokens, printWatch } from './report.mjs';
import { measureTokens } from './tokens.mjs';
import { measureWatch } from './watch.mjs';

const downloadMb = Number(process.env.BENCH_DOWNLOAD_MB ?? 1024);
if (!(downloadMb > 0)) throw new Error(`BENCH_DOWNLOAD_MB must be a positive number of megabytes, not ${process.env.BENCH_DOWNLOAD_MB}`);
const linesMb = Number(process.env.BENCH_LINES_MB ?? 1024);
if (!(linesMb > 0)) throw new Error(`BENCH_LINES_MB must be a positive number of megabytes, not ${process.env.BENCH_LINES_MB}`);

const sim = await createSimulator({ now: midday, config: { generationDelayMs: 2000, listDelayMs: 200 } });
try {
  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    simulator: sim.baseUrl,
    gcExposed: typeof globalThis.gc === 'function',
  };
  printHeader(machine);
  const results = { machine };
  results.overhead = await measureOverhead(sim);
  printOverhead(results.overhead);
  results.tokens = await measureTokens(sim);
  printTokens(results.tokens);
  results.download = await measureDownload({ megabytes: downloadMb });
  printDownload(results.download);
  results.polling = await measurePolling(sim);
  printPolling(results.polling);
  results.lines = await measureLines({ megabytes: linesMb });
  printLines(results.lines);
  results.watch = await measureWatch();
  printWatch(results.watch);
  results.goals = goalsOf(results);
  printGoals(results.goals);
  console.log(`BENCH ${JSON.stringify(results)}`);
} finally {
  await sim.close();
}
