import { createReportsClient } from '@acronis-reports/core';
import type { Simulator } from '@acronis-reports/simulator';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { perform as createBillingReport } from '../src/creates/createBillingReport.js';
import { perform as createReport } from '../src/creates/createReport.js';
import { perform as deleteReport } from '../src/creates/deleteReport.js';
import { perform as downloadFile } from '../src/creates/downloadStoredReportFile.js';
import { perform as updateReport } from '../src/creates/updateReport.js';
import { hydrateStoredReport, limits } from '../src/files.js';
import { perform as findReport } from '../src/searches/findReport.js';
import { perform as findStoredFile } from '../src/searches/findStoredReportFile.js';
import { perform as newReport } from '../src/triggers/newReport.js';
import { perform as newStoredFile } from '../src/triggers/newStoredReportFile.js';
import { perform as reportList } from '../src/triggers/reportList.js';
import { perform as storedFileList } from '../src/triggers/storedFileList.js';
import { allowLoopback, apiRequests, appTester, connect, mockStash, startSimulator } from './support.js';

let sim: Simulator;
let authData: Record<string, string>;
let billingId: string;
type Item = Record<string, unknown> & { id: string };
const run = <T = Item[]>(perform: unknown, inputData: Record<string, unknown> = {}) => appTester(perform as never, { authData, inputData }) as Promise<T>;
/** A trigger as "Test trigger" runs it: the newest existing items, whatever an earlier poll kept. */
const sampleOf = <T = Item[]>(perform: unknown, inputData: Record<string, unknown> = {}) => appTester(perform as never, { authData, inputData, meta: { isLoadingSample: true } }) as Promise<T>;

beforeAll(async () => {
  allowLoopback();
  sim = await startSimulator();
  authData = await connect(sim);
  const client = createReportsClient({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret });
  const billing = await client.createBillingReport({ month: '2026-10' });
  await client.waitForStoredReports(billing.id);
  billingId = billing.id;
  await client.createReport({ result_action: 'save', recipients: [], schedule: { type: 'once' }, parameters: { tenant_id: sim.tenantId, kind: 'usage_daily', level: 'itself', formats: ['csv'] } });
});
afterEach(() => {
  sim.control.clearFaults();
  nock.cleanAll();
  limits.maxFileBytes = 100 * 1000 * 1000;
});
afterAll(async () => {
  nock.enableNetConnect();
  await sim?.close();
});

describe('triggers', () => {
  it('New Stored Report File: saved files of every report of the tenant, newest first, unique ids, dehydrated file', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const items = await run(newStoredFile);
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    const times = items.map((item) => Date.parse(String(item['created_at']).replace(/(\d)$/, '$1Z')));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(items.every((item) => item['status'] === 'saved')).toBe(true);
    expect(String(items[0]!['file'])).toMatch(/^hydrate\|\|\|.*hydrateStoredReport/);
  });

  it('New Stored Report File: one report, one format', async () => {
    const items = await run(newStoredFile, { reportId: billingId, format: 'json_v2_0' });
    expect(items.map((item) => [item['report_id'], item['report_format']])).toEqual([[billingId, 'json_v2_0']]);
  });

  it('New Report and the hidden report list: newest first, labelled', async () => {
    const reports = await run(newReport);
    expect(reports.length).toBe(2);
    expect((reports[1]!['parameters'] as { kind: string }).kind).toBe('usage_summary');
    const options = await run(reportList);
    expect(options[0]!['label']).toMatch(/^usage_daily, itself, once .*\(\w{8}\)$/);
  });

  it('429 becomes ThrottledError with the server delay; a 500 says what failed', async () => {
    sim.control.addFault({ type: 'status', status: 429, retryAfter: 60, path: '/api/2/tenants/**', always: true } as never);
    const throttled = (await run(newReport).catch((error: unknown) => error)) as Error & { delay?: number };
    expect(throttled.name).toBe('ThrottledError');
    expect(throttled.message).toMatch(/too many requests/i);
    expect(JSON.parse(throttled.message).delay ?? throttled.delay).toBe(60);
    sim.control.clearFaults();
    sim.control.addFault({ type: 'status', status: 503, path: '/api/2/tenants/**', always: true } as never);
    await expect(run(newReport)).rejects.toThrow(/Listing the tenant's reports failed \(503/);
  });

  it('a format filter that is not a report format is an error, not an empty list', async () => {
    await expect(run(newStoredFile, { reportId: billingId, format: 'pdf' })).rejects.toThrow(/Format \\?"pdf\\?" is not a report format.*csv_v2_0/);
    await expect(run(findStoredFile, { reportId: billingId, format: 'pdf' })).rejects.toThrow(/Format \\?"pdf\\?" is not a report format/);
  });

  it('the hidden stored-file list feeds the Stored File dropdown with the picked report\u2019s files, newest first', async () => {
    await expect(run(storedFileList)).resolves.toEqual([]);
    const options = await run(storedFileList, { reportId: billingId });
    expect(options.map((option) => option['report_format']).sort()).toEqual(['csv_v2_0', 'json_v2_0']);
    expect(options[0]!['label']).toMatch(/^(csv|json)_v2_0, saved, .+ \(\w{8}\)$/);
  });

  it('a transient 429 is retried within the budget and the poll succeeds', async () => {
    sim.control.addFault({ type: 'status', status: 429, retryAfter: 1, path: '/api/2/tenants/**' } as never);
    await expect(sampleOf(newReport)).resolves.toHaveLength(2);
  });
});

describe('files', () => {
  it('the hydrator streams the decompressed file into the stash under its real name', async () => {
    const uploads = mockStash();
    const [item] = await sampleOf(newStoredFile, { reportId: billingId, format: 'csv_v2_0' });
    const url = await appTester(hydrateStoredReport as never, { authData, inputData: { reportId: billingId, storedReportId: item!.id } });
    expect(url).toBe('https://stash.example.test/stash/0/file');
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.body).toMatch(/filename="usage_summary[^"]*\.csv"/);
    expect(uploads[0]!.body).toContain('tenant.id');
    expect(uploads[0]!.body).not.toMatch(/\x1f\x8b/);
  });

  it('Download Stored Report File: newest saved file in a format, stashed', async () => {
    mockStash();
    const result = await run<Record<string, unknown>>(downloadFile, { reportId: billingId, format: 'json_v2_0' });
    expect(result).toMatchObject({ report_id: billingId, report_format: 'json_v2_0', file: 'https://stash.example.test/stash/0/file' });
    expect(String(result['file_name'])).toMatch(/\.json$/);
  });

  it('the hydrator of a file handed on with its stored item and report downloads it with one request', async () => {
    mockStash();
    const [item] = await sampleOf(newStoredFile, { reportId: billingId, format: 'csv_v2_0' });
    const dehydrated = JSON.parse(decodeURIComponent(String(item!['file']).split('|||')[1]!.replace(/\|\|\|.*$/, ''))) as { bundle: Record<string, unknown> };
    const payload = dehydrated.bundle;
    expect(payload).toMatchObject({ reportId: billingId, storedReportId: item!.id, storedReport: { id: item!.id }, report: { id: billingId } });
    sim.control.clearRequests();
    await appTester(hydrateStoredReport as never, { authData, inputData: payload });
    expect(apiRequests(sim).map((entry) => entry.operationId)).toEqual(['downloadStoredReport']);
  });

  it('Download Stored Report File tells a file not ready yet from one that will never exist', async () => {
    sim.control.updateConfig({ generationDelayMs: 600_000 });
    try {
      const client = createReportsClient({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret });
      const fresh = await client.createBillingReport({ month: '2026-07' });
      const early = run(downloadFile, { reportId: fresh.id, format: 'csv_v2_0' });
      await expect(early).rejects.toThrow(/no (saved )?csv_v2_0 file yet.*1 to 2 minutes.*Delay by Zapier/s);
      await expect(early).rejects.toThrow(/"code":"file_not_ready"/);
      const never = run(downloadFile, { reportId: fresh.id, format: 'html' });
      await expect(never).rejects.toThrow(/will never have a html file/);
      await expect(never).rejects.toThrow(/"code":"file_unavailable"/);
      // the search finds nothing yet, and says plainly that a format will never come
      await expect(run(findStoredFile, { reportId: fresh.id, format: 'csv_v2_0' })).resolves.toEqual([]);
      await expect(run(findStoredFile, { reportId: fresh.id, format: 'html' })).rejects.toThrow(/will never have a html file/);
    } finally {
      sim.control.updateConfig({ generationDelayMs: 2000 });
    }
  });

  it('refuses a file over the size limit, naming the limit and the alternatives', async () => {
    mockStash();
    limits.maxFileBytes = 1000;
    const refusal = run(downloadFile, { reportId: billingId, format: 'csv_v2_0' });
    await expect(refusal).rejects.toThrow(/larger than 0 MB.*150 MB.*command line or the n8n node/s);
    await expect(refusal).rejects.toThrow(/"code":"file_too_large"/);
  });

  it('refuses a file whose listed (compressed) size fits but whose decompressed size is over the limit, while streaming', async () => {
    const client = createReportsClient({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret });
    const stored = (await client.listStoredReports(billingId)).find((item) => item.status === 'saved' && item.report_format === 'csv_v2_0')!;
    const download = await client.downloadStoredReport(billingId, stored);
    let decompressed = 0;
    const reader = download.stream.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) decompressed += chunk.value.byteLength;
    expect(download.compressedSize).toBeLessThan(decompressed);
    mockStash();
    limits.maxFileBytes = Math.floor((download.compressedSize + decompressed) / 2);
    const refusal = run(downloadFile, { reportId: billingId, format: 'csv_v2_0' });
    await expect(refusal).rejects.toThrow(/larger than 0 MB.*150 MB.*command line or the n8n node/s);
    await expect(refusal).rejects.toThrow(/"code":"file_too_large"/);
  });
});

describe('creates', () => {
  it('Create Report with defaults for the own tenant', async () => {
    const report = await run<Item & { parameters: { tenant_id: string; kind: string } }>(createReport, { kind: 'usage_current', level: 'itself', resultAction: 'save', scheduleType: 'once', hideZeroUsage: 'true' });
    expect(report.parameters).toMatchObject({ tenant_id: sim.tenantId, kind: 'usage_current', hide_zero_usage: true });
  });

  it('Create Report refuses bad input before sending anything', async () => {
    sim.control.clearRequests();
    await expect(run(createReport, { kind: 'usage_yearly', level: 'itself', periodStart: '2026-10-10', periodEnd: '2026-10-01' })).rejects.toThrow(/Invalid input: Kind must be one of .*; Period End is before Period Start/);
    expect(apiRequests(sim).filter((entry) => entry.method === 'POST')).toEqual([]);
  });

  it('Create Report takes flat values as Zapier maps them: ISO date-times, lists with any separator, yes/no', async () => {
    const report = await run<Item & { parameters: Record<string, unknown> }>(createReport, {
      kind: 'usage_daily',
      level: 'itself',
      periodStart: '2026-10-01T00:00:00Z',
      periodEnd: '2026-10-15T00:00:00-04:00',
      formats: 'csv_v2_0; json_v2_0',
      showSkus: 'no',
    });
    expect(report.parameters).toMatchObject({ tenant_id: sim.tenantId, period: { start: '2026-10-01', end: '2026-10-15' }, formats: ['csv_v2_0', 'json_v2_0'], show_skus: false });
  });

  it("Create Report and Update refuse a yes/no that is neither, with core's message naming the field by its label", async () => {
    sim.control.clearRequests();
    await expect(run(createReport, { kind: 'usage_daily', level: 'itself', showSkus: 'maybe' })).rejects.toThrow('Invalid input: Show SKUs must be true or false (also yes/no or 1/0), got \\"maybe\\".');
    await expect(run(updateReport, { reportId: billingId, enabled: 'maybe' })).rejects.toThrow('Invalid input: Schedule Enabled must be true or false (also yes/no or 1/0), got \\"maybe\\".');
    expect(apiRequests(sim).filter((entry) => entry.method !== 'GET')).toEqual([]);
  });

  it('Create Billing Report takes the month of a mapped date-time, and refuses what is not a month', async () => {
    const result = await run<Record<string, unknown> & { parameters: { period: unknown } }>(createBillingReport, { month: '2026-08-01T00:00:00Z', waitForFiles: 'no' });
    expect(result.parameters.period).toEqual({ start: '2026-08-01', end: '2026-08-31' });
    await expect(run(createBillingReport, { month: 'August' })).rejects.toThrow(/"Invalid input: Month must be a month as YYYY-MM/);
  });

  it('Create Billing Report waits briefly and hands on the files', async () => {
    const result = await run<Record<string, unknown> & { files: Item[] }>(createBillingReport, { month: '2026-09', waitForFiles: 'yes', waitSeconds: 15 });
    expect(result['files_ready']).toBe(true);
    expect(result.files.map((file) => file['report_format']).sort()).toEqual(['csv_v2_0', 'json_v2_0']);
    expect(String(result.files[0]!['file'])).toMatch(/^hydrate\|\|\|/);
  });

  it('Create Billing Report asks only what it needs: the session\'s own tenant, no GET of the report it created', async () => {
    sim.control.clearRequests();
    const result = await run<Record<string, unknown>>(createBillingReport, { month: '2026-06', waitForFiles: 'yes', waitSeconds: 15 });
    expect(result['files_ready']).toBe(true);
    const operations = apiRequests(sim).map((entry) => entry.operationId);
    expect(operations.filter((operation) => operation !== 'fetchStoredReports')).toEqual(['fetchTenantReports', 'createReport']);
  });

  it('Create Billing Report says when files are not ready in time and points to the trigger', async () => {
    sim.control.updateConfig({ generationDelayMs: 600_000 });
    try {
      const result = await run<Record<string, unknown>>(createBillingReport, { month: '2026-08', waitForFiles: true, waitSeconds: 2 });
      expect(result['files_ready']).toBe(false);
      expect(result['note']).toMatch(/not ready within 2 s.*Delay by Zapier.*Find Stored Report File.*New Stored Report File\*\* for the whole tenant/);
    } finally {
      sim.control.updateConfig({ generationDelayMs: 2000 });
    }
  });

  it('Create Billing Report ends within Zapier\u2019s 30 s when every request is slow, counting the create in its budget', async () => {
    sim.control.updateConfig({ generationDelayMs: 600_000 });
    sim.control.addFault({ type: 'latency', delayMs: 5000, path: '/api/2/**', always: true } as never);
    try {
      const started = Date.now();
      const result = await run<Record<string, unknown>>(createBillingReport, { month: '2026-07', waitForFiles: true, waitSeconds: 20 });
      const tookMs = Date.now() - started;
      expect(result['files_ready']).toBe(false);
      expect(result['note']).toMatch(/not ready within \d+ s .*Zapier stops a step after 30 s/);
      expect(tookMs).toBeLessThan(28_000);
    } finally {
      sim.control.clearFaults();
      sim.control.updateConfig({ generationDelayMs: 2000 });
    }
  }, 60_000);

  it('Update Scheduled Report changes a monthly report; a one-time report gets the vendor message', async () => {
    const monthly = await run<Item>(createReport, { kind: 'usage_summary', level: 'direct_partners', scheduleType: 'monthly', enabled: 'true' });
    const updated = await run<Item & { version: number; schedule: { enabled: boolean } }>(updateReport, { reportId: monthly.id, enabled: 'false', showSkus: 'true' });
    expect(updated.schedule.enabled).toBe(false);
    expect(updated.version).toBeGreaterThan(Number(monthly['version']));
    await expect(run(updateReport, { reportId: billingId, enabled: 'false' })).rejects.toThrow(/Updating the report failed \(400: .+\)/);
  });

  it('Delete Report deletes with the current version; Find Report then finds nothing', async () => {
    const report = await run<Item>(createReport, { kind: 'usage_daily', level: 'itself' });
    await expect(run(deleteReport, { reportId: report.id })).resolves.toEqual({ id: report.id, deleted: true });
    await expect(run(findReport, { reportId: report.id })).resolves.toEqual([]);
    await expect(run(deleteReport, { reportId: report.id })).rejects.toThrow(/not found|404/i);
  });
});

describe('searches', () => {
  it('Find Report by id', async () => {
    const [found] = await run(findReport, { reportId: billingId });
    expect(found!.id).toBe(billingId);
    await expect(run(findReport, { reportId: 'not-a-uuid' })).rejects.toThrow(/reportId/);
  });

  it('Find Stored Report File: the newest saved file in a format', async () => {
    const [file] = await run(findStoredFile, { reportId: billingId, format: 'csv_v2_0' });
    expect(file).toMatchObject({ report_id: billingId, report_format: 'csv_v2_0', status: 'saved' });
    // a format the report did not request is never found: said as an error, not an empty result forever
    await expect(run(findStoredFile, { reportId: billingId, format: 'html' })).rejects.toThrow(/will never have a html file/);
  });
});
