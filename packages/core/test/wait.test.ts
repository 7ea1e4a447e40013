import { beforeEach, describe, expect, it } from 'vitest';
import { ReportGenerationFailedError, ValidationError, WaitTimeoutError, type WaitProgress } from '../src/index.js';
import { billingBody, clientFor, requestsOf, simulatedRuntime, useSimulator } from './support.js';

// Generation takes two minutes, as the vendor says it usually does; sleeps move the simulated clock.
const simulator = useSimulator({ config: { generationDelayMs: 120_000, listDelayMs: 3_000 } });
beforeEach(() => {
  simulator().control.clearRequests();
  simulator().control.clearFaults();
});

describe('waitForStoredReports', () => {
  it('tolerates the empty list, reports progress, and returns one saved item per format', async () => {
    const sim = simulator();
    const runtime = simulatedRuntime(sim);
    const client = clientFor(sim, { runtime });
    const report = await client.createReport(billingBody(sim.tenantId));
    const progress: WaitProgress[] = [];
    const started = runtime.now();
    const ready = await client.waitForStoredReports(report.id, { onProgress: (p) => progress.push(p) });
    expect(ready.map((item) => [item.report_format, item.status])).toEqual([
      ['csv_v2_0', 'saved'],
      ['json_v2_0', 'saved'],
    ]);
    expect(progress[0]).toMatchObject({ reportId: report.id, polls: 1, statuses: { csv_v2_0: 'missing', json_v2_0: 'missing' }, nextPollInMs: 1000 });
    expect(progress.some((p) => p.statuses['csv_v2_0'] === 'in_progress')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ statuses: { csv_v2_0: 'saved', json_v2_0: 'saved' }, nextPollInMs: null });
    // the pause grows by 1.5 up to 10 s: the saved files are noticed at most 10 s late, with few polls
    expect(Math.max(...runtime.sleeps)).toBe(10_000);
    expect(runtime.now() - started - 120_000).toBeLessThanOrEqual(10_000);
    expect(requestsOf(sim, 'fetchStoredReports').length).toBeLessThanOrEqual(20);
  });

  it('stops with a typed error when a format fails to generate', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    sim.control.addFault({ type: 'fail-generation', format: 'json_v2_0' });
    const report = await client.createReport(billingBody(sim.tenantId));
    const error = (await client.waitForStoredReports(report.id).catch((e: unknown) => e)) as ReportGenerationFailedError;
    expect(error).toBeInstanceOf(ReportGenerationFailedError);
    expect(error.failedFormats).toEqual(['json_v2_0']);
    expect(error.message).toBe(`The data center failed to generate report ${report.id} in json_v2_0. Create the report again; if it keeps failing, contact Acronis support with the report id.`);
  });

  it('gives up after the timeout with the statuses it saw', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const report = await client.createReport(billingBody(sim.tenantId));
    const error = (await client.waitForStoredReports(report.id, { timeoutMs: 30_000 }).catch((e: unknown) => e)) as WaitTimeoutError;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.statuses).toEqual({ csv_v2_0: 'in_progress', json_v2_0: 'in_progress' });
    expect(error.message).toMatch(/^Report \S+ was not ready after 30 s \(csv_v2_0: in_progress, json_v2_0: in_progress\)\. Generation usually takes 1 to 2 minutes/);
  });

  it('waits only for the formats asked, and only for files made since a time (monthly reports)', async () => {
    const sim = simulator();
    const runtime = simulatedRuntime(sim);
    const client = clientFor(sim, { runtime });
    const body = billingBody(sim.tenantId);
    // monthly reports offer only csv and html
    const report = await client.createReport({ ...body, parameters: { ...body.parameters, formats: ['csv', 'html'] }, schedule: { type: 'monthly' } });
    const firstRun = Date.parse('2026-12-01T00:00:00Z');
    await runtime.sleep(firstRun - runtime.now() + 200_000);
    const december = await client.waitForStoredReports(report.id, { formats: ['html'] });
    expect(december.map((item) => item.created_at)).toEqual(['2026-12-01T00:00:00+00:00']);
    // the file made on 1 December covers November, and is named for it
    expect((await client.downloadStoredReport(report.id, december[0]!, { report })).fileName).toBe('usage_summary-2026-11.html');
    // a time that cannot be read names no period, rather than December 1969
    expect((await client.downloadStoredReport(report.id, { ...december[0]!, created_at: 'soon' }, { report })).fileName).toBe('usage_summary.html');
    const since = '2027-01-01T00:00:00Z';
    const wait = client.waitForStoredReports(report.id, { formats: ['csv'], since, timeoutMs: 40 * 24 * 3600_000, maxDelayMs: 24 * 3600_000 });
    const january = await wait;
    expect(january.map((item) => item.created_at)).toEqual(['2027-01-01T00:00:00+00:00']);
  });

  it('refuses to wait for an e-mailed report and for unknown formats, without polling', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const emailed = await client.createReport({ ...billingBody(sim.tenantId), result_action: 'send', recipients: ['ca451758-b48a-45d9-9ae6-8f1059f67619'] });
    await expect(client.waitForStoredReports(emailed.id)).rejects.toThrow('result_action send');
    const saved = await client.createReport(billingBody(sim.tenantId));
    await expect(client.waitForStoredReports(saved.id, { formats: ['xlsx' as never] })).rejects.toBeInstanceOf(ValidationError);
    await expect(client.waitForStoredReports(saved.id, { formats: ['csv_v2_0', 'csv_v2_0'] })).rejects.toThrow('formats must not list a format twice');
    expect(requestsOf(sim, 'fetchStoredReports')).toHaveLength(0);
  });

  it('can be cancelled with an AbortSignal', async () => {
    const sim = simulator();
    const runtime = simulatedRuntime(sim);
    const client = clientFor(sim, { runtime });
    const report = await client.createReport(billingBody(sim.tenantId));
    const controller = new AbortController();
    const wait = client.waitForStoredReports(report.id, { signal: controller.signal, onProgress: (p) => p.polls === 3 && controller.abort(new Error('stop now')) });
    await expect(wait).rejects.toThrow('stop now');
    expect(requestsOf(sim, 'fetchStoredReports')).toHaveLength(3);
  });
});
