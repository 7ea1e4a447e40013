// The trigger over a tenant with a long history: each poll stays within "Requests per Poll" while the history is
// classified, and every file saved after the first poll is emitted exactly once.
import { createReportsClient } from '@acronis-reports/core';
import { createSimulator } from '@acronis-reports/simulator';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { AcronisReportsTrigger } from '../nodes/AcronisReportsTrigger/AcronisReportsTrigger.node.js';
import { credentialsFor, pollContext } from './helpers/n8n.mjs';

let sim: Awaited<ReturnType<typeof createSimulator>>;
let credentials: ICredentialDataDecryptedObject;
const trigger = new AcronisReportsTrigger();

beforeAll(async () => {
  // the trigger and the simulator share one faked Date, so nothing depends on the day the test runs
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, now: new Date('2026-11-15T12:00:00Z') });
  sim = await createSimulator({ historyReports: 300, config: { generationDelayMs: 2000, listDelayMs: 200 } });
  credentials = credentialsFor(sim);
});
afterAll(async () => {
  vi.useRealTimers();
  await sim?.close();
});

/** API requests the simulator answered during `run` (the token exchange and refused tokens left out). */
async function counted<T>(run: () => Promise<T>): Promise<{ value: T; requests: number }> {
  const from = sim.control.requests().at(-1)?.seq ?? 0;
  const value = await run();
  const requests = sim.control.requests().filter((entry) => entry.seq > from && entry.operationId !== 'requestToken' && entry.status !== 401).length;
  return { value, requests };
}

it('300 reports: every poll within Requests per Poll, each file saved after the first poll emitted once', async () => {
  const params = { event: 'storedReportReady', watch: 'tenant', tenantId: '', formats: [], download: false, budget: 10 };
  const state: IDataObject = {};
  const poll = () => counted(() => trigger.poll.call(pollContext(credentials, params, state)));
  // what the history is generating right now: saved after the first poll, so events too
  const direct = createReportsClient({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret });
  const ids = await direct.listTenantReportIds();
  const generating = (await Promise.all(ids.slice(-10).map((id) => direct.listStoredReports(id)))).flat().filter((item) => item.status === 'in_progress').map((item) => item.id);
  expect(generating.length).toBeGreaterThan(0);

  const baseline = await poll();
  expect(baseline.value).toBeNull();
  expect(baseline.requests).toBeLessThanOrEqual(10);

  sim.control.updateConfig({ generationDelayMs: 120_000 });
  const made = await direct.createReport({
    result_action: 'save',
    recipients: [],
    schedule: { type: 'once' },
    parameters: { tenant_id: sim.tenantId, kind: 'usage_daily', level: 'itself', formats: ['csv_v2_0', 'json_v2_0'], period: { start: '2026-10-01', end: '2026-10-31' } },
  });
  const emitted: string[] = [];
  const perPoll: number[] = [];
  for (let round = 0; round < 60; round += 1) {
    if (round === 3) sim.control.advanceClock(130_000); // the new report's files are saved between polls 3 and 4
    const { value, requests } = await poll();
    perPoll.push(requests);
    const items = value?.[0] ?? [];
    if (round < 3) expect(items.filter((item) => item.json.reportId === made.id)).toEqual([]); // still generating
    emitted.push(...items.map((item) => String(item.json.id)));
  }
  expect(Math.max(...perPoll)).toBeLessThanOrEqual(10);
  expect(perPoll.at(-1)).toBe(1); // classified: a quiet poll is the list alone
  expect(new Set(emitted).size).toBe(emitted.length);
  const mine = (await direct.listStoredReports(made.id)).map((item) => item.id);
  expect(emitted.sort()).toEqual([...mine, ...generating].sort());
  expect(JSON.stringify(state).length).toBeLessThan(300 * 40);
}, 120_000);
