// Billing lines of a report without files (getBillingLines, exportBillingLines): the same lines as reading the
// downloaded file, the previous month's report compared, the mapping checked before anything is sent.
import { describe, expect, it } from 'vitest';
import {
  BillingMappingError,
  NotFoundError,
  ValidationError,
  WaitTimeoutError,
  billingLinesOfFile,
  parseBillingMapping,
  type ExportLinesProgress,
  type ReportsClient,
} from '../../src/index.js';
import { clientFor, requestsOf, useSimulator } from '../support.js';

const sim = useSimulator();

const mapping = {
  customers: {},
  products: [{ offering_item: 'local_storage', ignore: true }, { offering_item: 'storage', product_code: 'BK-STOR', unit_price: 0.05 }],
};

async function readyBillingReport(client: ReportsClient, month: string, formats?: ('csv_v2_0' | 'json_v2_0' | 'csv' | 'html')[]) {
  const report = await client.createBillingReport({ month, ...(formats ? { formats } : {}) });
  await client.waitForStoredReports(report.id);
  return report;
}

/** The lines of the report's file, read the way the CLI reads a file on disk. */
async function linesOfDownloadedFile(client: ReportsClient, reportId: string, format: 'csv_v2_0' | 'json_v2_0') {
  const [stored] = (await client.listStoredReports(reportId)).filter((item) => item.report_format === format);
  const download = await client.downloadStoredReport(reportId, stored!);
  return (await billingLinesOfFile(download.stream, format)).lines;
}

describe('getBillingLines', () => {
  it('gives the lines of the report\'s csv_v2_0 file, streamed from the download', async () => {
    const client = clientFor(sim());
    const report = await readyBillingReport(client, '2026-10');
    const result = await client.getBillingLines(report.id);
    expect(result.source.report.id).toBe(report.id);
    expect(result.source.storedReport.report_format).toBe('csv_v2_0');
    expect(result.lines.length).toBeGreaterThan(10);
    expect(result.lines).toEqual(await linesOfDownloadedFile(client, report.id, 'csv_v2_0'));
    expect(result.previous).toBeNull();
    expect(result.lines.every((line) => line.flag === null)).toBe(true);
  });

  it('reads json_v2_0 when the report has no csv_v2_0, to the same lines', async () => {
    const client = clientFor(sim());
    const csvReport = await readyBillingReport(client, '2026-10', ['csv_v2_0']);
    const jsonReport = await readyBillingReport(client, '2026-10', ['json_v2_0']);
    const fromJson = await client.getBillingLines(jsonReport.id);
    expect(fromJson.source.storedReport.report_format).toBe('json_v2_0');
    expect(fromJson.lines).toEqual((await client.getBillingLines(csvReport.id)).lines);
  });

  it('compares with the previous month\'s report: every flag appears, gone lines kept at 0', async () => {
    const client = clientFor(sim());
    const october = await readyBillingReport(client, '2026-10');
    const september = await readyBillingReport(client, '2026-09');
    const result = await client.getBillingLines(october.id, { previousReportId: september.id, mapping });
    expect(result.previous?.report.id).toBe(september.id);
    const flags = new Set(result.lines.map((line) => line.flag));
    expect(flags).toEqual(new Set(['new', 'gone', 'changed', '']));
    for (const line of result.lines.filter((candidate) => candidate.flag === 'gone')) expect(line.quantity).toBe(0);
    // mapped: storage has a product code, local_storage is left out by its ignore rule
    expect(result.lines.some((line) => line.offering_item === 'local_storage')).toBe(false);
    const storage = result.lines.find((line) => line.offering_item === 'storage' && line.flag !== 'gone');
    expect(storage?.product_code).toBe('BK-STOR');
    expect(storage?.amount).toBeCloseTo(Math.round(storage!.quantity * 0.05 * 100) / 100, 2);
    expect(result.counts.ignored).toBeGreaterThan(0);
  });

  it('takes a mapping parseBillingMapping has already checked', async () => {
    const client = clientFor(sim());
    const report = await readyBillingReport(client, '2026-10');
    const checked = parseBillingMapping(mapping);
    const [fromChecked, fromJson] = await Promise.all([client.getBillingLines(report.id, { mapping: checked }), client.getBillingLines(report.id, { mapping })]);
    expect(fromChecked.lines).toEqual(fromJson.lines);
    expect(fromChecked.lines.some((line) => line.product_code === 'BK-STOR')).toBe(true);
  });

  it('waits for a file still being generated', async () => {
    const client = clientFor(sim());
    const report = await client.createBillingReport({ month: '2026-10', formats: ['csv_v2_0'] });
    const polls: number[] = [];
    const result = await client.getBillingLines(report.id, { onProgress: (progress) => polls.push(progress.polls) });
    expect(polls.length).toBeGreaterThan(1);
    expect(result.lines.length).toBeGreaterThan(0);
  });

  it('says the file is not ready when it is not within the wait given', async () => {
    const client = clientFor(sim());
    const report = await client.createBillingReport({ month: '2026-10', formats: ['csv_v2_0'] });
    await expect(client.getBillingLines(report.id, { timeoutMs: 1 })).rejects.toBeInstanceOf(WaitTimeoutError);
  });

  it('refuses a report made without csv_v2_0 or json_v2_0, naming them, before any download', async () => {
    const simulator = sim();
    const client = clientFor(simulator);
    const report = await readyBillingReport(client, '2026-10', ['csv', 'html']);
    const downloads = requestsOf(simulator, 'downloadStoredReport').length;
    const error = await client.getBillingLines(report.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(String((error as Error).message)).toMatch(/csv_v2_0 or json_v2_0/);
    expect(requestsOf(simulator, 'downloadStoredReport').length).toBe(downloads);
  });

  it('refuses a bad mapping before anything is sent', async () => {
    const simulator = sim();
    const client = clientFor(simulator);
    const before = simulator.control.requests().length;
    const error = await client
      .getBillingLines('3f1b7f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', { mapping: { products: [{ offering_item: 'storage', unit_price: 'cheap' }] } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BillingMappingError);
    expect(simulator.control.requests().length).toBe(before);
  });

  it('refuses an unknown figure before anything is sent', async () => {
    const client = clientFor(sim());
    await expect(client.getBillingLines('3f1b7f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', { figure: 'absolute.everything' as never })).rejects.toThrow(
      /figure must be one of absolute\.production/,
    );
  });
});

describe('exportBillingLines', () => {
  it('creates this month\'s and last month\'s reports, compares them, and deletes both', async () => {
    const client = clientFor(sim());
    const progress: ExportLinesProgress['stage'][] = [];
    const result = await client.exportBillingLines({ month: '2026-10', compare: true, mapping, deleteAfterDownload: true, onProgress: (event) => progress.push(event.stage) });
    expect(result.source.report.parameters.period).toEqual({ start: '2026-10-01', end: '2026-10-31' });
    expect(result.previous?.report.parameters.period).toEqual({ start: '2026-09-01', end: '2026-09-30' });
    expect(result.source.report.parameters.formats).toEqual(['csv_v2_0']);
    expect(new Set(result.lines.map((line) => line.flag))).toEqual(new Set(['new', 'gone', 'changed', '']));
    expect(result.deleted).toEqual([result.source.report.id, result.previous!.report.id]);
    for (const id of result.deleted) await expect(client.getReport(id)).rejects.toBeInstanceOf(NotFoundError);
    expect(progress.filter((stage) => stage === 'creating')).toHaveLength(2);
    expect(progress).toContain('waiting');
    expect(progress.filter((stage) => stage === 'reading')).toHaveLength(2);
  });

  it('gives the same lines as getBillingLines on a report made by hand, and keeps the report by default', async () => {
    const client = clientFor(sim());
    const result = await client.exportBillingLines({ month: '2026-10' });
    expect(result.deleted).toEqual([]);
    expect(result.previous).toBeNull();
    expect((await client.getReport(result.source.report.id)).id).toBe(result.source.report.id);
    expect(result.lines).toEqual((await client.getBillingLines(result.source.report.id)).lines);
  });

  it('refuses compare with an explicit period, and a month not yet ended, before anything is sent', async () => {
    const simulator = sim();
    const client = clientFor(simulator);
    await client.getOwnTenantId();
    const before = requestsOf(simulator, 'createReport').length;
    await expect(client.exportBillingLines({ period: { start: '2026-10-01', end: '2026-10-15' }, compare: true })).rejects.toThrow(/compare needs a calendar month/);
    await expect(client.exportBillingLines({ month: '2026-11', compare: true })).rejects.toThrow(/2026-11 has not ended yet/);
    await expect(client.exportBillingLines({ month: '2026-10', compare: true, mapping: { products: 'all' } })).rejects.toBeInstanceOf(BillingMappingError);
    expect(requestsOf(simulator, 'createReport').length).toBe(before);
  });
});
