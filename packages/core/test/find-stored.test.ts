import { beforeEach, describe, expect, it } from 'vitest';
import {
  mapLimited,
  NotFoundError,
  ReportGenerationFailedError,
  StoredFileNotReadyError,
  StoredFileUnavailableError,
} from '../src/index.js';
import { billingBody, clientFor, requestsOf, simulatedRuntime, unknownId, useSimulator } from './support.js';

// Generation takes two minutes of simulated time: a file is "not ready" until the clock is moved on.
const simulator = useSimulator({ config: { generationDelayMs: 120_000, listDelayMs: 3_000 } });
beforeEach(() => {
  simulator().control.clearRequests();
  simulator().control.clearFaults();
});

const monthlyBody = (tenantId: string) => ({
  parameters: { kind: 'usage_summary' as const, tenant_id: tenantId, level: 'direct_partners' as const, formats: ['csv' as const] },
  schedule: { type: 'monthly' as const },
  result_action: 'save' as const,
});

describe('findStoredFile: one rule set for "which file", and why there is none', () => {
  it('says "not ready yet" while the format is generating, then finds the newest saved file', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const report = await client.createReport(billingBody(sim.tenantId));
    const early = await client.findStoredFile(report.id, { format: 'json_v2_0', report }).catch((e: unknown) => e);
    expect(early).toBeInstanceOf(StoredFileNotReadyError);
    expect(early).toMatchObject({ code: 'file_not_ready', reportId: report.id, format: 'json_v2_0' });
    expect((early as Error).message).toMatch(/1 to 2 minutes/);
    sim.control.advanceClock(10_000);
    const generating = await client.findStoredFile(report.id, { format: 'json_v2_0', report }).catch((e: unknown) => e);
    expect(generating).toMatchObject({ code: 'file_not_ready', status: 'in_progress' });
    // the simulator renders files in real time: wait for them (on the simulated clock) rather than guess
    await clientFor(sim, { runtime: simulatedRuntime(sim) }).waitForStoredReports(report.id, { report });
    const found = await client.findStoredFile(report.id, { format: 'json_v2_0' });
    expect(found.report.id).toBe(report.id);
    expect(found.storedReport).toMatchObject({ report_format: 'json_v2_0', status: 'saved' });
    // without a format: the newest saved file of any of the report's formats
    expect((await client.findStoredFile(report.id, { report })).storedReport.status).toBe('saved');
    // by stored id
    const byId = await client.findStoredFile(report.id, { storedReportId: found.storedReport.id, report });
    expect(byId.storedReport).toEqual(found.storedReport);
    const other = await client.findStoredFile(report.id, { storedReportId: unknownId, report }).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(NotFoundError);
    expect((other as Error).message).toMatch(/not one of report/);
  });

  it('says "will never exist", without listing, for a format not requested, an e-mailed report, a monthly report asked for v2', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const report = await client.createReport(billingBody(sim.tenantId));
    const notRequested = await client.findStoredFile(report.id, { format: 'html', report }).catch((e: unknown) => e);
    expect(notRequested).toBeInstanceOf(StoredFileUnavailableError);
    expect(notRequested).toMatchObject({ code: 'file_unavailable', reason: 'format_not_requested', format: 'html' });
    expect((notRequested as Error).message).toMatch(/will never have a html file.*csv_v2_0, json_v2_0/);
    const emailed = await client.createReport({ ...billingBody(sim.tenantId), result_action: 'send', recipients: ['ca451758-b48a-45d9-9ae6-8f1059f67619'] });
    const sent = await client.findStoredFile(emailed.id, { format: 'csv_v2_0' }).catch((e: unknown) => e);
    expect(sent).toMatchObject({ code: 'file_unavailable', reason: 'sent_by_email' });
    expect((sent as Error).message).toMatch(/result_action save/);
    const monthly = await client.createReport(monthlyBody(sim.tenantId));
    const v2 = await client.findStoredFile(monthly.id, { format: 'csv_v2_0' }).catch((e: unknown) => e);
    expect(v2).toMatchObject({ code: 'file_unavailable', reason: 'monthly_format' });
    expect((v2 as Error).message).toMatch(/only csv and html/);
    expect(requestsOf(sim, 'fetchStoredReports')).toHaveLength(0);
  });

  it('says "failed" when the newest file of the format failed', async () => {
    const sim = simulator();
    const client = clientFor(sim, { runtime: simulatedRuntime(sim) });
    sim.control.addFault({ type: 'fail-generation', format: 'json_v2_0' });
    const report = await client.createReport(billingBody(sim.tenantId));
    sim.control.advanceClock(200_000);
    const failed = await client.findStoredFile(report.id, { format: 'json_v2_0', report }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ReportGenerationFailedError);
    expect(failed).toMatchObject({ failedFormats: ['json_v2_0'] });
  });

  it('downloads the file it finds with one request once the report is known', async () => {
    const sim = simulator();
    const client = clientFor(sim, { runtime: simulatedRuntime(sim) });
    const report = await client.createReport(billingBody(sim.tenantId));
    await client.waitForStoredReports(report.id, { report });
    sim.control.clearRequests();
    const download = await client.downloadStoredFile(report.id, { format: 'csv_v2_0', report });
    expect(download.format).toBe('csv_v2_0');
    expect((await download.text()).length).toBeGreaterThan(0);
    expect(sim.control.requests().map((r) => r.operationId)).toEqual(['fetchStoredReports', 'downloadStoredReport']);
  });
});

describe('a download by stored id alone', () => {
  // The report's lookup is slowed: the log records a request when it is answered, so a file logged before the report
  // was asked for at the same time, not after the lookups.
  const slowReportLookup = (sim: ReturnType<typeof simulator>, reportId: string) =>
    sim.control.addFault({ type: 'latency', delayMs: 400, method: 'GET', path: `/api/2/reports/${reportId}` });

  it('asks for the file beside the lookups that name it, and names it from them', async () => {
    const sim = simulator();
    const client = clientFor(sim, { runtime: simulatedRuntime(sim) });
    const report = await client.createReport(billingBody(sim.tenantId));
    const [csv] = (await client.waitForStoredReports(report.id, { report })).filter((item) => item.report_format === 'csv_v2_0');
    for (const download of [
      (id: string) => client.downloadStoredFile(report.id, { storedReportId: id }),
      (id: string) => client.downloadStoredReport(report.id, id),
    ]) {
      sim.control.clearRequests();
      slowReportLookup(sim, report.id);
      const file = await download(csv!.id);
      expect(file).toMatchObject({ format: 'csv_v2_0', fileName: 'usage_summary-2026-10.csv', storedReport: csv });
      expect((await file.text()).startsWith('tenant.id,')).toBe(true);
      const operations = sim.control.requests().map((r) => r.operationId);
      expect([...operations].sort()).toEqual(['downloadStoredReport', 'fetchReport', 'fetchStoredReports']);
      expect(operations.indexOf('downloadStoredReport')).toBeLessThan(operations.indexOf('fetchReport'));
    }
  });

  it('gives the lookup\'s typed answer, not the file request\'s 404, for a file still generating or not the report\'s', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const report = await client.createReport(billingBody(sim.tenantId));
    sim.control.advanceClock(10_000);
    const [generating] = await client.listStoredReports(report.id);
    const notReady = await client.downloadStoredFile(report.id, { storedReportId: generating!.id }).catch((e: unknown) => e);
    expect(notReady).toBeInstanceOf(StoredFileNotReadyError);
    expect(notReady).toMatchObject({ status: 'in_progress', format: generating!.report_format });
    const other = await client.downloadStoredReport(report.id, unknownId).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(NotFoundError);
    expect(other).toMatchObject({ operation: 'downloadStoredReport' });
    expect((other as Error).message).toMatch(/not one of report/);
  });
});

describe('waitForStoredReports and files that will never exist', () => {
  it('fails at once for a format the report did not request instead of waiting until the timeout', async () => {
    const sim = simulator();
    const runtime = simulatedRuntime(sim);
    const client = clientFor(sim, { runtime });
    const report = await client.createReport(billingBody(sim.tenantId));
    const error = await client.waitForStoredReports(report.id, { formats: ['csv_v2_0', 'html'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredFileUnavailableError);
    expect(error).toMatchObject({ reason: 'format_not_requested', format: 'html' });
    expect(runtime.sleeps).toEqual([]);
    expect(requestsOf(sim, 'fetchStoredReports')).toHaveLength(0);
  });

  it('takes the report when the caller has it: no GET of the report', async () => {
    const sim = simulator();
    const client = clientFor(sim, { runtime: simulatedRuntime(sim) });
    const report = await client.createReport(billingBody(sim.tenantId));
    sim.control.clearRequests();
    await client.waitForStoredReports(report.id, { report });
    expect(requestsOf(sim, 'fetchReport')).toHaveLength(0);
  });
});

describe('the API client\'s own tenant', () => {
  it('is looked up once per client, and not at all when the host kept it', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    await client.listTenantReportIds();
    await client.listTenantReportIds();
    expect(requestsOf(sim, 'fetchClient')).toHaveLength(1);
    sim.control.clearRequests();
    const kept = clientFor(sim, { ownTenantId: sim.tenantId });
    await kept.listTenantReportIds();
    expect(await kept.getOwnTenantId()).toBe(sim.tenantId);
    expect(requestsOf(sim, 'fetchClient')).toHaveLength(0);
  });
});

describe('mapLimited', () => {
  it('runs at most `limit` at a time, keeps the order, and starts nothing new after a failure', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await mapLimited([5, 1, 4, 2, 3], 2, async (value) => {
      started.push(value);
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, value));
      running--;
      return value * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
    const seen: number[] = [];
    await expect(
      mapLimited([1, 2, 3, 4], 1, async (value) => {
        seen.push(value);
        if (value === 2) throw new Error('boom');
        return value;
      }),
    ).rejects.toThrow('boom');
    expect(seen).toEqual([1, 2]);
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });
});

describe('the billing export asks no more than it needs', () => {
  it('waits on the report its create returned: token, own tenant, create baseline, create, polls, one request per file', async () => {
    const sim = simulator();
    const client = clientFor(sim, { runtime: simulatedRuntime(sim) });
    sim.control.clearRequests();
    const result = await client.exportBillingReport({ month: '2026-10', consume: async (download) => (await download.bytes()).length });
    expect(result.files).toHaveLength(2);
    const operations = sim.control.requests().map((r) => r.operationId);
    expect(operations.filter((op) => op !== 'fetchStoredReports')).toEqual([
      'requestToken',
      'fetchClient',
      'fetchTenantReports',
      'createReport',
      'downloadStoredReport',
      'downloadStoredReport',
    ]);
  });
});
