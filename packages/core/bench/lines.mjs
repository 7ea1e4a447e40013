// 5. Billing lines from a large csv_v2_0 file on disk, against parsing the same file with csv-parse (a well-known
// streaming CSV parser) in the same run: throughput ratio and memory growth.
//
// The file: a usage_daily report over a year, padded by the simulator (in a child process) to the requested size.
// A year of days gives each billing line hundreds of rows, so the file grows while the lines stay few: the memory
// figure shows what the file's size costs, which is the claim (memory follows the lines, not the file). A padded
// usage_summary of the same size would hold millions of distinct lines, whose memory nothing can avoid.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { billingLinesOfFile, createReportsClient, fileWebStream, saveDownload } from '../dist/node/index.js';
import { credentialsOf, round } from './common.mjs';
import { measured, startSimulatorProcess } from './download.mjs';

const MiB = 1024 * 1024;
const PERIOD = { start: '2025-11-01', end: '2026-10-31' };

export async function measureLines({ megabytes, rounds = 2 }) {
  const dir = await mkdtemp(join(tmpdir(), 'core-bench-lines-'));
  try {
    const path = join(dir, 'usage_daily.csv');
    const file = await downloadFile(megabytes, path);
    const csvParse = [];
    const lines = [];
    let result;
    // Alternating passes over the same (page-cached) file; the best of each side is compared.
    for (let i = 0; i < rounds; i++) {
      csvParse.push(await measured(() => countWithCsvParse(path)));
      const run = await measured(() => billingLinesOfFile(fileWebStream(path), 'csv_v2_0'));
      result = run.value;
      lines.push(run);
    }
    const best = (runs) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const mb = file.bytes / MiB;
    const side = (runs) => ({
      seconds: round(best(runs).ms / 1000, 2),
      mbPerSecond: round(mb / (best(runs).ms / 1000), 1),
      roundsSeconds: runs.map((run) => round(run.ms / 1000, 2)),
      peakRssGrowthMb: round(Math.max(...runs.map((run) => run.memory.rss)) / MiB, 1),
      peakHeapGrowthMb: round(Math.max(...runs.map((run) => run.memory.heap)) / MiB, 1),
    });
    const parsed = side(csvParse);
    const billed = side(lines);
    return {
      requestedMb: megabytes,
      file: { kind: 'usage_daily', period: PERIOD, bytes: file.bytes, rows: csvParse[0].value - 1, lines: result.lines.length, tenants: result.counts.tenants },
      csvParse: parsed,
      billingLines: billed,
      throughputRatio: round(billed.mbPerSecond / parsed.mbPerSecond),
      goals: { throughputRatio: 0.8, memoryGrowthMb: 64 },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function downloadFile(megabytes, path) {
  const sim = await startSimulatorProcess(['--file-target-bytes', String(Math.round(megabytes * MiB)), '--generation-delay-ms', '0', '--list-delay-ms', '0']);
  try {
    const client = createReportsClient(credentialsOf(sim));
    const report = await client.createReport({
      parameters: { kind: 'usage_daily', tenant_id: sim.tenantId, level: 'all_customers', period: PERIOD, formats: ['csv_v2_0'], show_skus: true, hide_zero_usage: true },
      schedule: { type: 'once' },
      result_action: 'save',
    });
    const [item] = await client.waitForStoredReports(report.id, { initialDelayMs: 250, maxDelayMs: 1000, timeoutMs: 60 * 60 * 1000 });
    await saveDownload(await client.downloadStoredReport(report.id, item, { report }), path);
    return { bytes: (await stat(path)).size };
  } finally {
    await sim.stop();
  }
}

/** csv-parse over the file, every record taken and counted: the baseline of reading the file at all. */
async function countWithCsvParse(path) {
  let records = 0;
  for await (const _record of createReadStream(path).pipe(parse())) records++;
  return records;
}
