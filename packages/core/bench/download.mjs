// 3. A large download to disk: bare fetch + Node streams against client.downloadStoredReport + saveDownload.
// The simulator runs in a child process here, so that its rendering and gzipping of the file (and its garbage)
// stay out of this process's memory and event loop: the memory figures below are the downloading side only.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createReportsClient, saveDownload } from '../dist/node/index.js';
import { bareToken, credentialsOf, midday, reportBody, round } from './common.mjs';

const MiB = 1024 * 1024;

export async function measureDownload({ megabytes }) {
  const sim = await startSimulatorProcess(['--file-target-bytes', String(Math.round(megabytes * MiB)), '--generation-delay-ms', '0', '--list-delay-ms', '0']);
  try {
    return await measureAgainst(sim, megabytes);
  } finally {
    await sim.stop();
  }
}

async function measureAgainst(sim, megabytes) {
  const client = createReportsClient(credentialsOf(sim));
  const created = performance.now();
  const report = await client.createReport(reportBody(sim.tenantId, ['csv_v2_0']));
  // real time: the simulator renders, gzips and hashes the whole file once before listing it as saved
  const [item] = await client.waitForStoredReports(report.id, { initialDelayMs: 250, maxDelayMs: 1000, timeoutMs: 60 * 60 * 1000 });
  const measureMs = performance.now() - created;
  const info = await controlGet(sim, `/stored/${item.id}`);
  const url = `${sim.apiBaseUrl}/reports/${report.id}/stored/${item.id}`;
  const token = await bareToken(sim);
  const mb = info.bytes / MiB;
  const dir = await mkdtemp(join(tmpdir(), 'core-bench-'));
  try {
    const simulatorOnly = await measured(() => discardWithNodeHttp(url, token));
    const bare = await onDisk(join(dir, 'bare.csv'), info, async (path) => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`bare download answered ${response.status}`);
      await pipeline(Readable.fromWeb(response.body), createWriteStream(path));
    });
    const viaClient = await onDisk(join(dir, 'client.csv'), info, async (path) => {
      await saveDownload(await client.downloadStoredReport(report.id, item, { report }), path);
    });
    const figures = (run) => ({
      seconds: round(run.ms / 1000, 2),
      mbPerSecond: round(mb / (run.ms / 1000), 1),
      beyondSimulatorSeconds: round((run.ms - simulatorOnly.ms) / 1000, 2),
      peakRssGrowthMb: round(run.memory.rss / MiB, 1),
      peakHeapGrowthMb: round(run.memory.heap / MiB, 1),
      peakBuffersGrowthMb: round(run.memory.buffers / MiB, 1),
      sha256Matches: run.sha256Matches,
      bytesOnDisk: run.bytesOnDisk,
    });
    const bareFigures = figures(bare);
    const clientFigures = figures(viaClient);
    return {
      requestedMb: megabytes,
      decompressedBytes: info.bytes,
      compressedBytes: info.size,
      simulator: {
        ownProcess: true,
        measureSeconds: round(measureMs / 1000, 2),
        measureMbPerSecond: round(mb / (measureMs / 1000), 1),
        serveSeconds: round(simulatorOnly.ms / 1000, 2),
        serveMbPerSecond: round(mb / (simulatorOnly.ms / 1000), 1),
        wireBytes: simulatorOnly.value,
        peakRssGrowthMb: round(simulatorOnly.memory.rss / MiB, 1),
        peakHeapGrowthMb: round(simulatorOnly.memory.heap / MiB, 1),
        peakBuffersGrowthMb: round(simulatorOnly.memory.buffers / MiB, 1),
      },
      bare: bareFigures,
      client: clientFigures,
      throughputRatio: round(clientFigures.mbPerSecond / bareFigures.mbPerSecond),
      beyondSimulatorRatio: round(clientFigures.beyondSimulatorSeconds / bareFigures.beyondSimulatorSeconds),
      goals: { throughputRatio: 0.8, memoryGrowthMb: 64 },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The simulator CLI in a child process on a free port; resolves with its first stdout line (URLs, credentials). */
export async function startSimulatorProcess(args) {
  const cli = fileURLToPath(new URL('cli.js', import.meta.resolve('@acronis-reports/simulator')));
  const child = spawn(process.execPath, [cli, '--port', '0', '--now', midday, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      await once(child, 'exit');
    }
  };
  try {
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`simulator process exited with ${code} before it started: ${stderr}`);
    });
    const [line] = await Promise.race([once(createInterface({ input: child.stdout }), 'line'), exited]);
    return { ...JSON.parse(line), pid: child.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** GET of a control endpoint of the simulator process (`/_simulator...`), as JSON. */
export async function controlGet(sim, path) {
  const response = await fetch(`${sim.baseUrl}/_simulator${path}`);
  if (!response.ok) throw new Error(`GET /_simulator${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** The simulator alone: the gzip bytes read with node:http and thrown away, nothing decoded or written. */
function discardWithNodeHttp(url, token) {
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`simulator-only download answered ${response.statusCode}`));
        return;
      }
      let bytes = 0;
      response.on('data', (chunk) => (bytes += chunk.length));
      response.on('end', () => resolve(bytes));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** Wall time and peak memory growth of one run. */
export async function measured(run) {
  const memory = sampleMemory();
  const started = performance.now();
  try {
    const value = await run();
    return { ms: performance.now() - started, value, memory: memory.growth() };
  } finally {
    memory.stop();
  }
}

/** Runs one download into `path` with memory sampled, then checks the file on disk and deletes it. */
async function onDisk(path, info, run) {
  const { ms, memory } = await measured(() => run(path));
  const bytesOnDisk = (await stat(path)).size;
  const sha256Matches = bytesOnDisk === info.bytes && (await sha256Of(path)) === info.sha256;
  await rm(path, { force: true });
  return { ms, memory, sha256Matches, bytesOnDisk };
}

/**
 * Peak RSS, JS heap and ArrayBuffer (Buffer) memory above a collected baseline, sampled every 50 ms. RSS seldom
 * shrinks after a collection, so a pass that follows a hungrier one shows less RSS growth than it caused.
 */
function sampleMemory(intervalMs = 50) {
  globalThis.gc?.();
  globalThis.gc?.();
  const base = process.memoryUsage();
  const peak = { rss: base.rss, heap: base.heapUsed, buffers: base.arrayBuffers };
  const sample = () => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heap = Math.max(peak.heap, now.heapUsed);
    peak.buffers = Math.max(peak.buffers, now.arrayBuffers);
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => clearInterval(timer),
    growth: () => (sample(), { rss: peak.rss - base.rss, heap: peak.heap - base.heapUsed, buffers: peak.buffers - base.arrayBuffers }),
  };
}

async function sha256Of(path) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: MiB })) hash.update(chunk);
  return hash.digest('hex');
}
