// The polling triggers over a tenant with 5,000 reports: each step well inside Zapier's 30 s when every request
// takes 300 ms more, at most the stated number of requests, and each new file handed to Zapier once.
import { createReportsClient } from '@acronis-reports/core';
import { createSimulator, type Simulator } from '@acronis-reports/simulator';
import nock from 'nock';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { perform as newReport } from '../src/triggers/newReport.js';
import { perform as newStoredFile } from '../src/triggers/newStoredReportFile.js';
import { pollBudget, sampleBudget } from '../src/watch.js';
import { allowLoopback, apiRequests, appTester, connect } from './support.js';

let sim: Simulator;
let authData: Record<string, string>;
type Item = Record<string, unknown> & { id: string };

beforeAll(async () => {
  allowLoopback();
  // the triggers and the simulator read one faked Date: nothing depends on the day the test runs
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, now: new Date('2026-11-15T12:00:00Z') });
  sim = await createSimulator({ historyReports: 5000, config: { generationDelayMs: 2000, listDelayMs: 200 } });
  authData = await connect(sim);
}, 60_000);
afterAll(async () => {
  vi.useRealTimers();
  nock.enableNetConnect();
  await sim?.close();
});

/** One step as Zapier runs it (the app tester keeps z.cache between calls), timed and counted. */
async function step(perform: unknown, inputData: Record<string, unknown> = {}) {
  const from = sim.control.requests().at(-1)?.seq ?? 0;
  const started = performance.now();
  const items = (await appTester(perform as never, { authData, inputData, meta: { zap: { id: 4711 } } } as never)) as Item[];
  const requests = apiRequests(sim).filter((entry) => entry.seq > from && entry.status !== 401).length;
  return { items, requests, ms: performance.now() - started };
}

it('5,000 reports, 300 ms a request: first poll and the next ones end well inside 30 s within the stated bound', async () => {
  sim.control.addFault({ type: 'latency', delayMs: 300, path: '/api/2/**', always: true } as never);
  try {
    const first = await step(newStoredFile);
    expect(first.ms).toBeLessThan(15_000);
    expect(first.requests).toBeLessThanOrEqual(pollBudget + sampleBudget);
    expect(first.items.length).toBeGreaterThan(0); // samples for "Test trigger" and the dedupe table
    expect(first.items.length).toBeLessThanOrEqual(3);
    const handed: string[] = [];
    for (let poll = 0; poll < 3; poll += 1) {
      const next = await step(newStoredFile);
      expect(next.ms).toBeLessThan(15_000);
      expect(next.requests).toBeLessThanOrEqual(pollBudget);
      handed.push(...next.items.map((item) => item.id));
    }
    // the history's files being generated at the first poll come when saved (a sample may have shown them: Zapier
    // dedupes by id), each once
    expect(new Set(handed).size).toBe(handed.length);
    const reports = [await step(newReport), await step(newReport)];
    for (const poll of reports) expect(poll.ms).toBeLessThan(15_000);
    expect(reports[1]!.requests).toBe(1);
  } finally {
    sim.control.clearFaults();
  }
}, 120_000);

it('a report made after the first poll: each of its files is handed on once, newest first, with its report', async () => {
  const client = createReportsClient({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret });
  const made = await client.createReport({
    result_action: 'save',
    recipients: [],
    schedule: { type: 'once' },
    parameters: { tenant_id: sim.tenantId, kind: 'usage_daily', level: 'itself', formats: ['csv_v2_0', 'json_v2_0'], period: { start: '2026-10-01', end: '2026-10-31' } },
  });
  const during = await step(newStoredFile);
  expect(during.items.filter((item) => item['report_id'] === made.id)).toEqual([]); // still generating
  sim.control.advanceClock(5000);
  const handed: Item[] = [];
  for (let poll = 0; poll < 4; poll += 1) handed.push(...(await step(newStoredFile)).items.filter((item) => item['report_id'] === made.id));
  expect(handed.map((item) => item['report_format']).sort()).toEqual(['csv_v2_0', 'json_v2_0']);
  expect(handed[0]).toMatchObject({ report_kind: 'usage_daily', tenant_id: sim.tenantId, status: 'saved' });
  const reports = (await step(newReport)).items.map((item) => item.id);
  expect(reports).toEqual([made.id]);
  expect((await step(newReport)).items).toEqual([]);
}, 120_000);
