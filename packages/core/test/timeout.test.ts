import { beforeEach, describe, expect, it } from 'vitest';
import { TimeoutError, type RequestEvent } from '../src/index.js';
import { billingBody, clientFor, nodeClientFor, requestsOf, useSimulator } from './support.js';

const simulator = useSimulator();

beforeEach(() => {
  simulator().control.clearRequests();
  simulator().control.clearFaults();
});
const listPath = '/api/2/tenants/*/reports';

describe('per-attempt timeouts on real time', () => {
  it('abort an attempt that runs out of time on the global fetch, so its connection is freed', async () => {
    const sim = simulator();
    const client = nodeClientFor(sim, { timeoutMs: 1500, retry: false }); // room for the token call on a busy machine
    await client.getOwnTenantId();
    sim.control.addFault({ type: 'latency', delayMs: 20_000, always: true, path: listPath });
    await expect(client.listTenantReportIds(sim.tenantId)).rejects.toBeInstanceOf(TimeoutError);
    // the simulator saw the client hang up during the latency, long before it would have answered
    await expect.poll(() => requestsOf(sim, 'fetchTenantReports').at(-1)?.status, { timeout: 3000 }).toBe(0);
  });

  it('give every attempt of a retried call its own deadline', async () => {
    const sim = simulator();
    const client = nodeClientFor(sim, { timeoutMs: 1500, retry: { maxRetries: 2, baseDelayMs: 1, budgetMs: 20_000 } });
    await client.getOwnTenantId();
    sim.control.addFault({ type: 'latency', delayMs: 20_000, times: 2, path: listPath });
    expect(await client.listTenantReportIds(sim.tenantId)).toEqual(expect.any(Array));
    await expect.poll(() => requestsOf(sim, 'fetchTenantReports').map((entry) => entry.status).sort()).toEqual([0, 0, 200]);
  });

  it('time out the slow attempt among concurrent ones and answer the others', async () => {
    const sim = simulator();
    const client = nodeClientFor(sim, { timeoutMs: 500, retry: false });
    await client.getOwnTenantId();
    sim.control.clearRequests();
    sim.control.addFault({ type: 'latency', delayMs: 5000, always: true, path: listPath });
    const [slow, ...fast] = await Promise.allSettled([client.listTenantReportIds(sim.tenantId), client.getApiClient(sim.clientId), client.getApiClient(sim.clientId)]);
    expect(slow.status === 'rejected' && slow.reason).toBeInstanceOf(TimeoutError);
    expect(fast.map((result) => result.status === 'fulfilled' && result.value.tenant_id)).toEqual([sim.tenantId, sim.tenantId]);
    expect(requestsOf(sim, 'fetchClient').map((entry) => entry.status)).toEqual([200, 200]);
  });

  it('log an attempt given up on when it is given up, with what happened', async () => {
    const sim = simulator();
    const events: RequestEvent[] = [];
    const client = nodeClientFor(sim, { timeoutMs: 500, retry: false, onRequest: (event) => events.push(event) });
    await client.getOwnTenantId();
    sim.control.addFault({ type: 'latency', delayMs: 5000, always: true, path: listPath });
    await expect(client.listTenantReportIds(sim.tenantId)).rejects.toBeInstanceOf(TimeoutError);
    expect(events.at(-1)).toMatchObject({ method: 'GET', status: null, error: expect.stringContaining('got no answer within 500 ms') });
  });

  it("abort a host's own fetch when the attempt runs out of time", async () => {
    const sim = simulator();
    const signals: AbortSignal[] = [];
    const client = nodeClientFor(sim, { timeoutMs: 500, retry: false, fetch: (request) => (signals.push(request.signal), fetch(request)) });
    await client.getOwnTenantId();
    sim.control.addFault({ type: 'latency', delayMs: 20_000, always: true, path: listPath });
    await expect(client.listTenantReportIds(sim.tenantId)).rejects.toBeInstanceOf(TimeoutError);
    expect(signals.at(-1)?.aborted).toBe(true);
    await expect.poll(() => requestsOf(sim, 'fetchTenantReports').at(-1)?.status).toBe(0);
  });

  it("let one caller's abort end only its own wait for the shared own-tenant lookup", async () => {
    const sim = simulator();
    const client = nodeClientFor(sim, { retry: false });
    sim.control.addFault({ type: 'latency', delayMs: 300, path: '/api/2/clients/*' });
    const controller = new AbortController();
    const reason = new Error('this caller gave up');
    const first = client.getOwnTenantId({ signal: controller.signal });
    const second = client.getOwnTenantId();
    controller.abort(reason);
    await expect(first).rejects.toBe(reason);
    expect(await second).toBe(sim.tenantId);
    expect(requestsOf(sim, 'fetchClient').map((entry) => entry.status)).toEqual([200]);
  });

  it("abort the request itself when the caller's signal fires", async () => {
    const sim = simulator();
    const client = nodeClientFor(sim, { timeoutMs: 10_000, retry: false });
    await client.getOwnTenantId();
    sim.control.addFault({ type: 'latency', delayMs: 20_000, always: true, path: listPath });
    const controller = new AbortController();
    const reason = new Error('the user cancelled');
    const call = client.listTenantReportIds(sim.tenantId, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    // without the abort reaching fetch, this call would wait out the 20 s latency and succeed
    await expect(call).rejects.toBe(reason);
    // and the simulator saw the connection go
    await expect.poll(() => requestsOf(sim, 'fetchTenantReports').at(-1)?.status).toBe(0);
  });
  it("let the caller's abort stop a file that streams on after the attempt returned", async () => {
    const sim = simulator();
    const maker = clientFor(sim);
    const report = await maker.createReport(billingBody(sim.tenantId));
    const [stored] = await maker.waitForStoredReports(report.id);
    const signals: AbortSignal[] = [];
    const client = nodeClientFor(sim, { timeoutMs: 10_000, fetch: (request) => (signals.push(request.signal), fetch(request)) });
    const controller = new AbortController();
    const download = await client.downloadStoredReport(report.id, stored!, { report, signal: controller.signal });
    expect(signals.at(-1)?.aborted).toBe(false);
    controller.abort(new Error('the user cancelled'));
    expect(signals.at(-1)?.aborted).toBe(true);
    await download.stream.cancel().catch(() => undefined);
  });
});
