import type { Simulator } from '@acronis-reports/simulator';
import { createSimulator } from '@acronis-reports/simulator';
import nock from 'nock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stepLimitMs, stepMarginMs } from '../src/step-budget.js';
import { perform as reportList } from '../src/triggers/reportList.js';
import { allowLoopback, appTester, connect } from './support.js';

// 5,000 seeded reports of past use (see the simulator's README).
let sim: Simulator;
let authData: Record<string, string>;
let newestFirst: string[];
type Option = { id: string; label: string };
const page = (n?: number) => appTester(reportList as never, { authData, ...(n === undefined ? {} : { meta: { page: n } }) }) as Promise<Option[]>;
const fetches = () => sim.control.requests().filter((request) => request.operationId === 'fetchReport').length;

beforeAll(async () => {
  allowLoopback();
  sim = await createSimulator({ now: '2026-11-15T12:00:00Z', historyReports: 5000 });
  authData = await connect(sim);
  const list = await fetch(`${sim.apiBaseUrl}/tenants/${sim.tenantId}/reports`, { headers: { authorization: `Bearer ${authData['access_token']}` } });
  newestFirst = ((await list.json()) as { items: string[] }).items.reverse();
});
beforeEach(() => {
  sim.control.clearRequests();
  sim.control.clearFaults();
});
afterAll(async () => {
  nock.enableNetConnect();
  await sim?.close();
});

describe('the Report dropdown at 5,000 reports', () => {
  it('gives 50 reports a page, newest first, fetching only those; "Load more" gives the next 50, then nothing', async () => {
    const first = await page();
    expect(first.map((option) => option.id)).toEqual(newestFirst.slice(0, 50));
    expect(first[0]!.label).toMatch(/^usage_\w+, \w+, once .*\([0-9a-f]{8}\)$/);
    expect(fetches()).toBe(50);
    expect((await page(1)).map((option) => option.id)).toEqual(newestFirst.slice(50, 100));
    expect((await page(99)).map((option) => option.id)).toEqual(newestFirst.slice(4950));
    expect(await page(100)).toEqual([]);
  });

  it('answers a page well inside Zapier\u2019s 30 s when every request takes 300 ms', async () => {
    sim.control.addFault({ type: 'latency', delayMs: 300, always: true });
    const started = performance.now();
    const options = await page(3);
    const pageMs = performance.now() - started;
    console.log(`Zapier Report dropdown at 5,000 reports, 300 ms a request: a page of ${options.length} in ${Math.round(pageMs)} ms`);
    expect(options).toHaveLength(50);
    expect(pageMs).toBeLessThan(stepLimitMs - stepMarginMs);
  });
});
