import { beforeEach, describe, expect, it } from 'vitest';
import { ValidationError, type ReportsClient } from '../../src/index.js';
import { clientFor, useSimulator } from '../support.js';
import { apiCallsSince, lastSeq, poller, seed } from './support.js';

const simulator = useSimulator();
let client: ReportsClient;

beforeEach(() => {
  const sim = simulator();
  sim.control.reset();
  // reset keeps the settings: a test that changed them and failed before putting them back must not spoil the next
  sim.control.updateConfig({ generationDelayMs: 2000, listDelayMs: 200 });
  // no lookup among the tenant's reports before each create: the seeding would cost a list request per report
  client = clientFor(sim, { recoverLostCreates: false });
});

const settleGenerations = () => simulator().control.advanceClock(5000);

describe('pollWatch: options', () => {
  it('refuses bad options before any request, naming the field and the fix', async () => {
    const sim = simulator();
    const from = lastSeq(sim);
    const refusal = (options: unknown) => client.pollWatch(options as never).then(() => new Error("accepted")).catch((error: unknown) => error as ValidationError);
    const cases: [unknown, RegExp][] = [
      [{}, /options\.event is required: one of saved, failed, newReport/],
      [{ event: 'ready' }, /options\.event must be one of saved, failed, newReport, got "ready"/],
      [{ event: 'saved', budget: 2 }, /options\.budget must be a whole number from 3 to 200, got 2/],
      [{ event: 'saved', budget: 7.5 }, /options\.budget must be a whole number from 3 to 200/],
      [{ event: 'saved', budget: 1000 }, /options\.budget must be a whole number from 3 to 200/],
      [{ event: 'saved', formats: ['pdf'] }, /options\.formats must list only csv, html/],
      [{ event: 'saved', reportId: 'nope' }, /options\.reportId must be a UUID/],
      [{ event: 'saved', tenantId: sim.tenantId, reportId: sim.tenantId }, /both given: watch one report or the reports of a tenant/],
      [{ event: 'newReport', reportId: sim.tenantId }, /does not go with the newReport event/],
      [{ event: 'saved', since: 'yesterday' }, /options\.since is not an option here/],
      [{ event: 'saved', toString: 'x' }, /options\.toString is not an option here/],
    ];
    for (const [options, message] of cases) {
      const error = await refusal(options);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.message).toMatch(message);
    }
    expect(apiCallsSince(sim, from)).toEqual([]);
  });
});

describe('pollWatch: saved files of a tenant', () => {
  it('takes a silent baseline, classifies the history within the budget, then costs one request per quiet poll', async () => {
    const sim = simulator();
    await seed(client, sim.tenantId, 60, { generationDate: '2026-10-01' }); // generated weeks before the first poll
    await seed(client, sim.tenantId, 5); // generated today: their stored lists are read
    settleGenerations();
    const watch = poller(sim, client, { event: 'saved', budget: 10 });
    const first = await watch.poll();
    expect(first).toMatchObject({ baseline: true, files: [], reports: [] });
    expect(first.requests).toBe(first.logged);
    expect(first.requests).toBeLessThanOrEqual(10);
    const polls = [first];
    while (polls.at(-1)!.pending > 0) polls.push(await watch.poll());
    for (const poll of polls) {
      expect(poll.files).toEqual([]); // the history is never announced
      expect(poll.logged).toBe(poll.requests);
      expect(poll.requests).toBeLessThanOrEqual(10);
    }
    // 55 old reports cost a request each, the 10 newest two (report and stored list): 75 requests, 9 a poll
    expect(polls.length).toBeLessThanOrEqual(Math.ceil(75 / 9) + 1);
    const quiet = await watch.poll();
    expect(quiet).toMatchObject({ files: [], requests: 1, logged: 1, pending: 0 });
  });

  it('announces each file of a report made after the baseline exactly once, also when it generates across polls', async () => {
    const sim = simulator();
    await seed(client, sim.tenantId, 3);
    settleGenerations();
    const watch = poller(sim, client, { event: 'saved' });
    await watch.poll(); // baseline
    sim.control.updateConfig({ generationDelayMs: 60_000 });
    const [report] = await seed(client, sim.tenantId, 1);
    sim.control.advanceClock(1000); // listed, still in progress
    const during = await watch.poll();
    expect(during.files).toEqual([]);
    sim.control.advanceClock(70_000);
    const ready = await watch.poll();
    expect(ready.files.map(({ report: r, item }) => [r.id, item.report_format, item.status])).toEqual([
      [report!.id, 'csv_v2_0', 'saved'],
      [report!.id, 'json_v2_0', 'saved'],
    ]);
    expect(ready.files[0]!.report).toMatchObject({ id: report!.id, parameters: { kind: 'usage_summary' } });
    const after = [await watch.poll(), await watch.poll()];
    expect(after.flatMap((poll) => poll.files)).toEqual([]);
    expect(after.map((poll) => poll.requests)).toEqual([1, 1]); // settled: no longer looked at
    sim.control.updateConfig({ generationDelayMs: 2000 });
  });

  it('Stored Report Failed: only failed files, once; formats narrow what counts', async () => {
    const sim = simulator();
    const watch = poller(sim, client, { event: 'failed', formats: ['json_v2_0'] });
    await watch.poll();
    sim.control.addFault({ type: 'fail-generation', format: 'json_v2_0' });
    const [report] = await seed(client, sim.tenantId, 1);
    settleGenerations();
    const out = await watch.poll();
    expect(out.files.map(({ item }) => [item.report_format, item.status])).toEqual([['json_v2_0', 'failed']]);
    expect(out.files[0]!.report.id).toBe(report!.id);
    expect((await watch.poll()).files).toEqual([]);
  });

  it('a report deleted meanwhile leaves the state; a report with none of the watched formats costs one request', async () => {
    const sim = simulator();
    const watch = poller(sim, client, { event: 'saved', formats: ['html'] });
    await watch.poll();
    const [gone, other] = await seed(client, sim.tenantId, 2);
    settleGenerations();
    await client.deleteReport(gone!.id);
    const from = lastSeq(sim);
    const out = await watch.poll();
    expect(out.files).toEqual([]);
    expect(apiCallsSince(sim, from).map((entry) => entry.operationId)).toEqual(['fetchTenantReports', 'fetchReport']);
    expect(JSON.stringify(out.state)).not.toContain(gone!.id.slice(0, 8));
    expect(out.state.done).toBe(other!.id.slice(0, 8) + other!.id.slice(9, 13));
  });

  it('a state of other settings, or no state at all, starts a new baseline instead of announcing the history', async () => {
    const sim = simulator();
    await seed(client, sim.tenantId, 2);
    settleGenerations();
    const csv = poller(sim, client, { event: 'saved', formats: ['csv_v2_0'] });
    await csv.poll();
    const json = poller(sim, client, { event: 'saved', formats: ['json_v2_0'] });
    json.state = csv.state; // the trigger's formats changed
    expect(await json.poll()).toMatchObject({ baseline: true, files: [] });
    for (const junk of [null, 'x', { v: 2 }, { ...(csv.state as object), done: 'not hex' }]) {
      csv.state = junk;
      expect(await csv.poll()).toMatchObject({ baseline: true, files: [] });
    }
  });

  it('watches one report without listing the tenant', async () => {
    const sim = simulator();
    sim.control.updateConfig({ generationDelayMs: 60_000 });
    const [report] = await seed(client, sim.tenantId, 1);
    const watch = poller(sim, client, { event: 'saved', reportId: report!.id });
    const from = lastSeq(sim);
    expect(await watch.poll()).toMatchObject({ baseline: true, files: [] });
    sim.control.advanceClock(70_000);
    const out = await watch.poll();
    expect(out.files).toHaveLength(2);
    expect((await watch.poll()).requests).toBe(0);
    expect(apiCallsSince(sim, from).filter((entry) => entry.operationId === 'fetchTenantReports')).toEqual([]);
    sim.control.updateConfig({ generationDelayMs: 2000 });
  });
});

describe('pollWatch: new reports', () => {
  it('announces each new report once, oldest first; a burst beyond the budget arrives over the next polls', async () => {
    const sim = simulator();
    await seed(client, sim.tenantId, 5);
    const watch = poller(sim, client, { event: 'newReport', budget: 10, tenantId: sim.tenantId });
    expect(await watch.poll()).toMatchObject({ baseline: true, reports: [], requests: 1 });
    const burst = await seed(client, sim.tenantId, 25);
    const seen: string[] = [];
    let polls = 0;
    for (let out = await watch.poll(); ; out = await watch.poll()) {
      polls += 1;
      expect(out.requests).toBeLessThanOrEqual(10);
      expect(out.logged).toBe(out.requests);
      seen.push(...out.reports.map((report) => report.id));
      if (out.pending === 0) break;
    }
    expect(polls).toBe(3); // 9 + 9 + 7
    const listed = await client.listTenantReportIds();
    expect(seen).toEqual(listed.filter((id) => burst.some((report) => report.id === id)));
    expect((await watch.poll()).reports).toEqual([]);
  });
});

describe('sampleWatch', () => {
  it('finds the newest saved files among the newest reports within the budget, and remembers nothing', async () => {
    const sim = simulator();
    await seed(client, sim.tenantId, 30, { generationDate: '2026-10-01' });
    const [newest] = await seed(client, sim.tenantId, 1);
    settleGenerations();
    const from = lastSeq(sim);
    const sample = await client.sampleWatch({ event: 'saved', formats: ['csv_v2_0'], limit: 1, budget: 10 });
    expect(sample.files.map(({ report, item }) => [report.id, item.report_format])).toEqual([[newest!.id, 'csv_v2_0']]);
    expect(sample.requests).toBe(apiCallsSince(sim, from).length);
    expect(sample.requests).toBeLessThanOrEqual(10);
    const reports = await client.sampleWatch({ event: 'newReport', limit: 2 });
    expect(reports.reports.map((report) => report.id)).toEqual([newest!.id, (await client.listTenantReportIds()).at(-2)]);
  });
});
