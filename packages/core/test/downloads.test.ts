import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { exportBillingReportToDirectory, NetworkError, parseUsageRows, saveDownload, type ReportFormat } from '../src/node/index.js';
import { billingBody, clientFor, nodeClientFor, useSimulator } from './support.js';

// a full collection on demand, so that the memory measured below is what is still in use, not garbage
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const simulator = useSimulator({ config: { generationDelayMs: 30_000, listDelayMs: 1_000 } });
const allFormats: ReportFormat[] = ['csv', 'html', 'json_v1', 'csv_v2_0', 'json_v2_0'];

async function readyReport(formats: ReportFormat[]) {
  const sim = simulator();
  const client = clientFor(sim);
  const report = await client.createReport({ ...billingBody(sim.tenantId), parameters: { ...billingBody(sim.tenantId).parameters, formats } });
  const stored = await client.waitForStoredReports(report.id);
  return { sim, client, report, stored };
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('downloadStoredReport', () => {
  it('gives every format decompressed, with its content type and file name, whatever the transfer encoding', async () => {
    const { sim, client, report, stored } = await readyReport(allFormats);
    for (const gzipContentEncoding of [true, false]) {
      sim.control.updateConfig({ gzipContentEncoding });
      for (const item of stored) {
        const download = await client.downloadStoredReport(report.id, item, { report });
        const bytes = await download.bytes();
        const info = await sim.control.storedFile(item.id);
        expect(sha256(bytes), `${item.report_format} with Content-Encoding ${gzipContentEncoding}`).toBe(info.sha256);
        expect(download.compressedSize).toBe(info.size);
        expect([download.format, download.fileName, download.contentType]).toEqual(
          {
            csv: ['csv', 'usage_summary-2026-10.table.csv', 'text/csv; charset=utf-8'],
            html: ['html', 'usage_summary-2026-10.html', 'text/html; charset=utf-8'],
            json_v1: ['json_v1', 'usage_summary-2026-10.v1.json', 'application/json'],
            csv_v2_0: ['csv_v2_0', 'usage_summary-2026-10.csv', 'text/csv; charset=utf-8'],
            json_v2_0: ['json_v2_0', 'usage_summary-2026-10.json', 'application/json'],
          }[item.report_format],
        );
      }
    }
    sim.control.updateConfig({ gzipContentEncoding: true });
  });

  it('reads text and JSON, finds a stored report by id alone, and parses billing rows in vendor units', async () => {
    const { client, report, stored } = await readyReport(['csv_v2_0', 'json_v2_0']);
    const json = await (await client.downloadStoredReport(report.id, stored[1]!.id)).json<{ params: { kind: number } }>();
    expect(json.params.kind).toBe(5); // usage_summary, in the vendor's numbering
    const csvRows = [];
    for await (const row of parseUsageRows((await client.downloadStoredReport(report.id, stored[0]!)).stream, 'csv_v2_0')) csvRows.push(row);
    const jsonRows = [];
    for await (const row of parseUsageRows((await client.downloadStoredReport(report.id, stored[1]!)).stream, 'json_v2_0')) jsonRows.push(row);
    expect(csvRows.length).toBeGreaterThan(10);
    expect(csvRows.map((r) => `${r.tenantId} ${r.offeringItem} ${r.absolute.total} ${r.unit}`).sort()).toEqual(
      jsonRows.map((r) => `${r.tenantId} ${r.offeringItem} ${r.absolute.total} ${r.unit}`).sort(),
    );
    expect(csvRows.find((r) => r.offeringItem === 'storage')?.unit).toBe('GB');
  });

  it('streams a 50 MB file to disk with flat memory, bytes matching the simulator\'s SHA-256', async () => {
    const sim = simulator();
    sim.control.updateConfig({ fileTargetBytes: 50 * 1024 * 1024 });
    try {
      const client = nodeClientFor(sim);
      const report = await client.createReport({ ...billingBody(sim.tenantId), parameters: { ...billingBody(sim.tenantId).parameters, formats: ['csv_v2_0'] } });
      sim.control.advanceClock(60_000);
      const [item] = await client.waitForStoredReports(report.id, { initialDelayMs: 200 });
      const dir = mkdtempSync(join(tmpdir(), 'core-download-'));
      // live memory (collected first), heap and Buffers both, sampled during the save: holding the file would show
      const live = () => (collectGarbage(), process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers);
      const before = live();
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, live())), 100);
      const saved = await saveDownload(await client.downloadStoredReport(report.id, item!, { report }), join(dir, 'big.csv')).finally(() => clearInterval(sampler));
      const memoryGrowth = peak - before;
      const info = await sim.control.storedFile(item!.id);
      expect(saved.bytes).toBe(info.bytes);
      expect(info.bytes).toBeGreaterThanOrEqual(50 * 1024 * 1024);
      expect(memoryGrowth).toBeLessThan(32 * 1024 * 1024);
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(saved.path)) hash.update(chunk as Buffer);
      expect(hash.digest('hex')).toBe(info.sha256);
      expect(readdirSync(dir)).toEqual(['big.csv']);
    } finally {
      sim.control.updateConfig({ fileTargetBytes: null });
    }
  }, 120_000);

  it('makes a body cut mid-way a typed, retryable NetworkError, not a bare TypeError', async () => {
    const { sim, client, report, stored } = await readyReport(['csv_v2_0']);
    sim.control.addFault({ type: 'truncate', fraction: 0.5, path: '/api/2/reports/*/stored/*' });
    const download = await client.downloadStoredReport(report.id, stored[0]!, { report });
    const error = await download.text().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'network', operation: 'downloadStoredReport' });
    expect((error as Error).message).toContain('dropped before the whole file arrived (UND_ERR_SOCKET)');
  });

  it('downloads a file again when its body is cut, and writes only the whole file', async () => {
    const { sim, client, report, stored } = await readyReport(['csv_v2_0']);
    const whole = await (await client.downloadStoredReport(report.id, stored[0]!, { report })).text();
    const dir = mkdtempSync(join(tmpdir(), 'core-retry-'));
    sim.control.clearRequests();
    sim.control.addFault({ type: 'truncate', fraction: 0.5, times: 2, path: '/api/2/reports/*/stored/*' });
    const saved = await saveDownload(await client.downloadStoredReport(report.id, stored[0]!, { report }), join(dir, 'whole.csv'));
    expect(readFileSync(saved.path, 'utf8')).toBe(whole);
    expect(readdirSync(dir)).toEqual(['whole.csv']);
    expect(sim.control.requests().filter((r) => r.operationId === 'downloadStoredReport')).toHaveLength(3);
  });

  it('leaves no partial file behind when every try of a download is cut', async () => {
    const { sim, client, report, stored } = await readyReport(['csv_v2_0']);
    const dir = mkdtempSync(join(tmpdir(), 'core-partial-'));
    sim.control.addFault({ type: 'truncate', fraction: 0.5, always: true, path: '/api/2/reports/*/stored/*' });
    try {
      const download = await client.downloadStoredReport(report.id, stored[0]!, { report });
      await expect(saveDownload(download, join(dir, 'cut.csv'))).rejects.toBeInstanceOf(NetworkError);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      sim.control.clearFaults();
    }
  });

  it('export: a cut file is downloaded again, and a DELETE whose answer was lost still counts as deleted', async () => {
    const sim = simulator();
    const dir = mkdtempSync(join(tmpdir(), 'core-export-cut-'));
    const client = clientFor(sim);
    sim.control.addFault({ type: 'truncate', fraction: 0.3, path: '/api/2/reports/*/stored/*' });
    // the DELETE is done, then its answer is lost: the retry gets 404 for the report just deleted
    sim.control.addFault({ type: 'drop', phase: 'after', method: 'DELETE', path: '/api/2/reports/*' });
    const result = await exportBillingReportToDirectory(client, { directory: dir, month: '2026-08', deleteAfterDownload: true });
    expect(result.deleted).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['usage_summary-2026-08.csv', 'usage_summary-2026-08.json']);
    expect(sim.control.requests().filter((r) => r.operationId === 'deleteReport').map((r) => r.status)).toEqual([0, 404]);
    for (const file of result.files) expect(statSync(file.path).size).toBe(file.bytes);
  });

  it('exports the billing report into a folder', async () => {
    const sim = simulator();
    const dir = mkdtempSync(join(tmpdir(), 'core-export-'));
    const client = clientFor(sim);
    const result = await exportBillingReportToDirectory(client, { directory: dir, month: '2026-09' });
    expect(readdirSync(dir).sort()).toEqual(['usage_summary-2026-09.csv', 'usage_summary-2026-09.json']);
    expect(result.files.map((file) => file.bytes).every((bytes) => bytes > 100)).toBe(true);
    expect(result.deleted).toBe(false);
  });
});
