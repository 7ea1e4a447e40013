import { createSimulator } from '@acronis-reports/simulator';
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AcronisReports } from '../nodes/AcronisReports/AcronisReports.node.js';
import { AcronisReportsTrigger } from '../nodes/AcronisReportsTrigger/AcronisReportsTrigger.node.js';
import { byId, credentialsFor, executeContext, pollContext } from './helpers/n8n.mjs';

let sim: Awaited<ReturnType<typeof createSimulator>>;
let credentials: ICredentialDataDecryptedObject;
const trigger = new AcronisReportsTrigger();
const poll = (params: Record<string, unknown>, staticData: IDataObject, mode: 'trigger' | 'manual' = 'trigger') =>
  trigger.poll.call(pollContext(credentials, params, staticData, mode));
const createBilling = async (month: string) => {
  const [[item]] = (await new AcronisReports().execute.call(executeContext(credentials, { resource: 'report', operation: 'createBilling', tenantId: '', month, waitForFiles: false, options: {} }))) as [INodeExecutionData[]];
  return String(item!.json.id);
};
const settle = async () => {
  await new Promise((resolve) => setTimeout(resolve, 300));
  sim.control.advanceClock(5000);
};

beforeAll(async () => {
  // The trigger reads n8n's clock (Date) to know which reports can still change; the simulator runs on the same
  // faked Date, so the run does not depend on the day it happens.
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, now: new Date('2026-11-15T12:00:00Z') });
  sim = await createSimulator({ config: { generationDelayMs: 2000, listDelayMs: 200 } });
  credentials = credentialsFor(sim);
});
afterAll(async () => {
  vi.useRealTimers();
  await sim?.close();
});

describe('Acronis Reports Trigger', () => {
  it('Stored Report Ready on one report: baseline first, each file once, nothing again after a restart, one request per poll', async () => {
    const reportId = await createBilling('2026-10');
    await settle();
    const params = { event: 'storedReportReady', watch: 'report', reportId: byId(reportId), formats: [], download: false };
    const state: IDataObject = {};
    expect(await poll(params, state)).toBeNull(); // baseline: files already there are not events
    const other = await createBilling('2026-09');
    const watchOther = { ...params, reportId: byId(other) };
    const otherState: IDataObject = {};
    expect(await poll(watchOther, otherState)).toBeNull(); // baseline before the files exist (list still empty)
    await settle();
    const before = sim.control.requests().length;
    const emitted = await poll(watchOther, otherState);
    const storedRequests = sim.control.requests().slice(before).filter((r) => r.path.endsWith('/stored'));
    expect(storedRequests).toHaveLength(1);
    expect(emitted![0]!.map((item) => item.json.report_format).sort()).toEqual(['csv_v2_0', 'json_v2_0']);
    expect(await poll(watchOther, otherState)).toBeNull();
    const restored = JSON.parse(JSON.stringify(otherState)) as IDataObject; // what n8n persisted, read back after a restart
    expect(await poll(watchOther, restored)).toBeNull();
  });

  it('Stored Report Ready for every report of a tenant, with a format filter and the file attached', async () => {
    const params = { event: 'storedReportReady', watch: 'tenant', tenantId: '', formats: ['csv_v2_0'], download: true, binaryPropertyName: 'data' };
    const state: IDataObject = {};
    expect(await poll(params, state)).toBeNull();
    const reportId = await createBilling('2026-08');
    await settle();
    const out = await poll(params, state);
    expect(out![0]).toHaveLength(1);
    const [item] = out![0]!;
    expect(item!.json).toMatchObject({ reportId, report_format: 'csv_v2_0', status: 'saved' });
    expect((await sim.control.storedFile(String(item!.json.id))).bytes).toBe(Number(item!.binary!.data!.fileSize));
    expect(await poll(params, state)).toBeNull();
  });

  it('downloads every new file of a report without asking for the report again (kept since the baseline)', async () => {
    const reportId = await createBilling('2026-04');
    const params = { event: 'storedReportReady', watch: 'report', reportId: byId(reportId), formats: [], download: true, binaryPropertyName: 'file' };
    const state: IDataObject = {};
    expect(await poll(params, state)).toBeNull(); // baseline before the files exist
    await settle();
    const before = sim.control.requests().length;
    const out = await poll(params, state);
    const requests = sim.control.requests().slice(before).filter((r) => r.method === 'GET');
    expect(out![0]!.map((item) => item.json.report_format).sort()).toEqual(['csv_v2_0', 'json_v2_0']);
    for (const item of out![0]!) expect((await sim.control.storedFile(String(item.json.id))).bytes).toBe(Number(item.binary!.file!.fileSize));
    expect(requests.filter((r) => r.path === `/api/2/reports/${reportId}`)).toHaveLength(0);
    expect(requests.filter((r) => r.path === `/api/2/reports/${reportId}/stored`)).toHaveLength(1);
    expect(requests.filter((r) => r.path.startsWith(`/api/2/reports/${reportId}/stored/`))).toHaveLength(2);
  });

  it('emits every event exactly once across a restart: event, two quiet polls, restart, quiet poll, a new event once', async () => {
    const params = { event: 'storedReportReady', watch: 'tenant', tenantId: '', formats: ['json_v2_0'], download: false };
    let state: IDataObject = {};
    expect(await poll(params, state)).toBeNull(); // baseline
    const first = await createBilling('2026-06');
    await settle();
    const event = await poll(params, state);
    expect(event![0]!.map((item) => item.json.reportId)).toEqual([first]);
    expect(await poll(params, state)).toBeNull();
    expect(await poll(params, state)).toBeNull();
    state = JSON.parse(JSON.stringify(state)) as IDataObject; // n8n restarts: the static data comes back from its database
    expect(await poll(params, state)).toBeNull();
    const second = await createBilling('2026-05');
    await settle();
    const next = await poll(params, state);
    expect(next![0]!.map((item) => item.json.reportId)).toEqual([second]);
    expect(await poll(params, state)).toBeNull();
  });

  it('Stored Report Failed fires for a failed file only', async () => {
    const params = { event: 'storedReportFailed', watch: 'tenant', tenantId: '', formats: [] };
    const state: IDataObject = {};
    expect(await poll(params, state)).toBeNull();
    sim.control.addFault({ type: 'fail-generation', format: 'json_v2_0' });
    const reportId = await createBilling('2026-07');
    await settle();
    const out = await poll(params, state);
    expect(out![0]!.map((item) => [item.json.reportId, item.json.report_format, item.json.status])).toEqual([[reportId, 'json_v2_0', 'failed']]);
    expect(await poll(params, state)).toBeNull();
  });

  it('New Report emits each new report once; manual mode shows the newest real item without moving the cursor', async () => {
    const params = { event: 'newReport', tenantId: '' };
    const state: IDataObject = {};
    expect(await poll(params, state)).toBeNull();
    const first = await createBilling('2026-06');
    const second = await createBilling('2026-05');
    const out = await poll(params, state);
    expect(out![0]!.map((item) => item.json.id)).toEqual([first, second]);
    expect(await poll(params, state)).toBeNull();
    const manualState: IDataObject = {};
    const manual = await poll(params, manualState, 'manual');
    expect(manual![0]![0]!.json.id).toBe(second);
    expect(manualState).toEqual({});
  });

  it('switching the event or the report of an existing trigger takes a silent baseline, then emits only what is new', async () => {
    const state: IDataObject = {};
    expect(await poll({ event: 'newReport', tenantId: '' }, state)).toBeNull(); // baseline for New Report only
    const existing = await createBilling('2026-02');
    await settle();
    const ready = { event: 'storedReportReady', watch: 'tenant', tenantId: '', formats: ['json_v2_0'], download: false };
    expect(await poll(ready, state)).toBeNull(); // the event changed: files already there are not events
    const fresh = await createBilling('2026-01');
    await settle();
    const out = await poll(ready, state);
    expect(out![0]!.map((item) => item.json.reportId)).toEqual([fresh]);
    expect(await poll(ready, state)).toBeNull();

    const one = { event: 'storedReportReady', watch: 'report', reportId: byId(existing), formats: [], download: false };
    const oneState: IDataObject = {};
    expect(await poll(one, oneState)).toBeNull();
    expect(await poll({ ...one, reportId: byId(fresh) }, oneState)).toBeNull(); // the report changed: its files are its baseline
    const newest = await createBilling('2025-12');
    expect(await poll({ ...one, reportId: byId(newest) }, oneState)).toBeNull(); // baseline before its files exist
    await settle();
    const files = await poll({ ...one, reportId: byId(newest) }, oneState);
    expect(files![0]!.map((item) => [item.json.reportId, item.json.report_format]).sort()).toEqual([[newest, 'csv_v2_0'], [newest, 'json_v2_0']]);

  });
});
