import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { CreateOutcomeUnknownError, NetworkError, RateLimitError, ResponseError, ServerError, TimeoutError, UsageHistoryNotReadyError } from '../src/index.js';
import { retryAfterMs } from '../src/transport/retry.js';
import { billingBody, clientFor, nodeClientFor, requestsOf, simulatedRuntime, unknownId, useSimulator } from './support.js';

const simulator = useSimulator();
beforeEach(() => {
  simulator().control.clearRequests();
  simulator().control.clearFaults();
});
const listPath = '/api/2/tenants/*/reports';

describe('Retry-After', () => {
  it('reads delta seconds and HTTP dates, on the clock it is given', () => {
    const answer = (value: string) => new Response(null, { status: 429, headers: { 'retry-after': value } });
    const now = Date.parse('2026-10-21T07:27:30Z');
    expect(retryAfterMs(answer('3'), now)).toBe(3000);
    expect(retryAfterMs(answer('Wed, 21 Oct 2026 07:28:00 GMT'), now)).toBe(30_000);
    expect(retryAfterMs(answer('Wed, 21 Oct 2026 07:00:00 GMT'), now)).toBe(0);
    expect(retryAfterMs(answer('soon'), now)).toBeNull();
  });
});

describe('retries of safe requests', () => {
  it('honour Retry-After on 429 and then succeed', async () => {
    const sim = simulator();
    const runtime = simulatedRuntime(sim);
    const client = clientFor(sim, { runtime });
    sim.control.addFault({ type: 'status', status: 429, retryAfter: 3, path: listPath });
    await client.listTenantReportIds(sim.tenantId);
    expect(runtime.sleeps).toEqual([3000]);
    expect(requestsOf(sim, 'fetchTenantReports').map((r) => r.status)).toEqual([429, 200]);
  });

  it.each([500, 502, 503, 504])('back off exponentially with jitter on %i', async (status) => {
    const sim = simulator();
    const runtime = simulatedRuntime(sim); // random() is 0.5: half of each backoff step
    const client = clientFor(sim, { runtime, retry: { baseDelayMs: 400, maxRetries: 3 } });
    sim.control.addFault({ type: 'status', status, times: 3, path: listPath });
    await client.listTenantReportIds(sim.tenantId);
    expect(runtime.sleeps).toEqual([200, 400, 800]);
    expect(requestsOf(sim, 'fetchTenantReports').map((r) => r.status)).toEqual([status, status, status, 200]);
  });

  it('give up within the budget with a typed error that keeps the vendor message', async () => {
    const sim = simulator();
    const client = clientFor(sim, { retry: { maxRetries: 10, budgetMs: 2000, baseDelayMs: 1000 } });
    sim.control.addFault({ type: 'status', status: 503, always: true, path: listPath });
    const error = await client.listTenantReportIds(sim.tenantId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 503, code: 'server', vendor: { message: 'Service unavailable.' } });
    expect(requestsOf(sim, 'fetchTenantReports').length).toBeLessThan(6);
  });

  it('say how long to wait when 429 outlasts the budget', async () => {
    const sim = simulator();
    const client = clientFor(sim, { retry: { budgetMs: 1000 } });
    sim.control.addFault({ type: 'status', status: 429, retryAfter: 30, path: listPath });
    const error = (await client.listTenantReportIds(sim.tenantId).catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(30_000);
    expect(error.hint).toBe('The data center asks to wait 30 s before the next request: try again after that.');
    expect(requestsOf(sim, 'fetchTenantReports')).toHaveLength(1);
  });

  it('retry dropped connections and truncated answers of GET', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    sim.control.addFault({ type: 'drop', path: listPath });
    await client.listTenantReportIds(sim.tenantId);
    sim.control.addFault({ type: 'truncate', path: '/api/2/clients/*' });
    expect(await client.getOwnTenantId()).toBe(sim.tenantId);
    expect(requestsOf(sim).map((r) => `${r.operationId} ${r.status}`)).toEqual([
      'requestToken 200',
      'fetchTenantReports 0',
      'fetchTenantReports 200',
      'fetchClient 200',
      'fetchClient 200',
    ]);
  });

  it('time out an attempt that gets no answer, and retry it', async () => {
    const sim = simulator();
    const client = nodeClientFor(sim, { timeoutMs: 200, retry: { baseDelayMs: 10 } });
    await client.getOwnTenantId();
    sim.control.addFault({ type: 'latency', delayMs: 600, path: listPath });
    expect(await client.listTenantReportIds(sim.tenantId)).toBeInstanceOf(Array);
    sim.control.addFault({ type: 'latency', delayMs: 600, always: true, path: listPath });
    const error = await nodeClientFor(sim, { timeoutMs: 100, retry: false }).listTenantReportIds(sim.tenantId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('got no answer within 100 ms');
  });

  it("pass a host adapter's own bug through as what it is: not a NetworkError, not retried", async () => {
    const sim = simulator();
    let calls = 0;
    const bug = new TypeError("Cannot read properties of undefined (reading 'headers')");
    const client = clientFor(sim, { fetch: async () => ((calls += 1), Promise.reject(bug)) });
    const error = await client.getReport(unknownId).catch((e: unknown) => e);
    expect(error).toBe(bug);
    expect(calls).toBe(1);
  });

  it('read a JSON answer once, and call one that is not JSON a typed ResponseError', async () => {
    const sim = simulator();
    const report = await clientFor(sim).createReport(billingBody(sim.tenantId));
    let spoil = false;
    const client = clientFor(sim, {
      fetch: async (request: Request) => {
        const answer = await fetch(request);
        if (!spoil || !request.url.endsWith(report.id)) return answer;
        const text = await answer.text();
        return new Response(text.slice(0, -5), answer);
      },
    });
    expect(await client.getReport(report.id)).toEqual(report);
    spoil = true;
    const error = await client.getReport(report.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as Error).message).toMatch(/^getReport failed: the answer was not valid JSON\./);
  });

  it('report a refused connection as a NetworkError that names the data center', async () => {
    const { createReportsClient } = await import('../src/node/index.js');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await createReportsClient({ baseUrl: `http://127.0.0.1:${port}`, clientId: 'a', clientSecret: 'b' }, { retry: false })
      .listTenantReportIds(simulator().tenantId)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NetworkError);
    expect((refused as Error).message).toBe(`Requesting an access token failed: could not reach http://127.0.0.1:${port} (ECONNREFUSED). Check the data center URL and the network, then try again.`);
  });
});

describe('creates are never retried blindly', () => {
  it("send a create again after a 503 once the tenant's reports prove none was made", async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const before = (await client.listTenantReportIds()).length;
    sim.control.addFault({ type: 'status', status: 503, method: 'POST', path: '/api/2/reports' });
    const report = await client.createReport(billingBody(sim.tenantId));
    expect(requestsOf(sim, 'createReport').map((entry) => entry.status)).toEqual([503, 200]);
    expect(await client.listTenantReportIds()).toHaveLength(before + 1);
    expect(await client.listTenantReportIds()).toContain(report.id);
  });

  it('keep a 503 on a create a ServerError when the retry budget allows no second send', async () => {
    const sim = simulator();
    const client = clientFor(sim, { retry: false });
    sim.control.addFault({ type: 'status', status: 503, method: 'POST', path: '/api/2/reports' });
    await expect(client.createReport(billingBody(sim.tenantId))).rejects.toBeInstanceOf(ServerError);
    expect(requestsOf(sim, 'createReport')).toHaveLength(1);
  });

  it('send a create again after a 429, once its Retry-After has passed', async () => {
    const sim = simulator();
    const runtime = simulatedRuntime(sim);
    const client = clientFor(sim, { runtime });
    sim.control.addFault({ type: 'status', status: 429, retryAfter: 2, method: 'POST', path: '/api/2/reports' });
    const report = await client.createReport(billingBody(sim.tenantId));
    expect(report.id).toEqual(expect.any(String));
    expect(requestsOf(sim, 'createReport').map((entry) => entry.status)).toEqual([429, 200]);
    expect(runtime.sleeps).toContain(2000);
  });

  it('never hand one caller the report of another identical create in flight on the same client', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    await client.getOwnTenantId();
    for (let round = 0; round < 5; round += 1) {
      // one of the two creates is dropped before the data center sees it; the other goes through
      sim.control.addFault({ type: 'drop', method: 'POST', path: '/api/2/reports' });
      const [a, b] = await Promise.all([client.createReport(billingBody(sim.tenantId)), client.createReport(billingBody(sim.tenantId))]);
      expect(a.id).not.toBe(b.id);
    }
  });

  it('find the report a dropped create made, instead of making a second one', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const before = (await client.listTenantReportIds()).length;
    sim.control.addFault({ type: 'drop', phase: 'after', method: 'POST', path: '/api/2/reports' });
    const report = await client.createReport(billingBody(sim.tenantId));
    expect(report.parameters.period).toEqual({ start: '2026-10-01', end: '2026-10-31' });
    const after = await client.listTenantReportIds();
    expect(after).toHaveLength(before + 1);
    expect(after).toContain(report.id);
    expect(requestsOf(sim, 'createReport')).toHaveLength(1);
  });

  it('send a create again when it was dropped before the data center saw it', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const before = (await client.listTenantReportIds()).length;
    sim.control.addFault({ type: 'drop', method: 'POST', path: '/api/2/reports' });
    const report = await client.createReport(billingBody(sim.tenantId));
    expect(requestsOf(sim, 'createReport').map((entry) => entry.status)).toEqual([0, 200]);
    expect(await client.listTenantReportIds()).toEqual(expect.arrayContaining([report.id]));
    expect(await client.listTenantReportIds()).toHaveLength(before + 1);
  });

  it('say it is safe to try again when a dropped create made nothing and no retry is left', async () => {
    const sim = simulator();
    const client = clientFor(sim, { retry: false });
    sim.control.addFault({ type: 'drop', method: 'POST', path: '/api/2/reports' });
    const error = await client.createReport(billingBody(sim.tenantId)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(CreateOutcomeUnknownError);
    expect((error as Error).message).toMatch(/no report was created\. It is safe to create it again\.$/);
  });

  it('never call a timed-out create safe to repeat: the data center may still make the report', async () => {
    const sim = simulator();
    const client = nodeClientFor(sim, { timeoutMs: 500 });
    const before = (await client.listTenantReportIds()).length;
    sim.control.addFault({ type: 'latency', delayMs: 2500, method: 'POST', path: '/api/2/reports' });
    const error = await client.createReport(billingBody(sim.tenantId)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CreateOutcomeUnknownError);
    expect((error as Error).message).toContain('got no answer within 500 ms; the attempt was aborted. No new report has appeared yet, but the data center may still make it.');
    expect(error).toMatchObject({ code: 'create_outcome_unknown', tenantId: sim.tenantId });
    expect(error).not.toBeInstanceOf(NetworkError);
    // the attempt was aborted, not left running: the simulator saw the client hang up, and sent nothing again
    await expect.poll(() => requestsOf(sim, 'createReport').map((entry) => entry.status)).toEqual([0]);
    expect(await client.listTenantReportIds()).toHaveLength(before);
  });

  it('say plainly that the report may exist when the check cannot tell', async () => {
    const sim = simulator();
    const client = clientFor(sim, { retry: false });
    await client.getOwnTenantId();
    sim.control.addFault({ type: 'drop', phase: 'after', method: 'POST', path: '/api/2/reports' });
    sim.control.addFault({ type: 'status', status: 503, method: 'GET', path: listPath, times: 2 });
    // the list before the create fails first: nothing is sent at all
    await expect(client.createReport(billingBody(sim.tenantId))).rejects.toBeInstanceOf(ServerError);
    expect(requestsOf(sim, 'createReport')).toHaveLength(0);
    sim.control.clearFaults();
    // then the list after the dropped create fails: whether a report was made cannot be told
    const runtime = simulatedRuntime(sim);
    const guarded = clientFor(sim, { retry: false, runtime, fetch: async (request) => {
      if (request.method === 'GET' && request.url.endsWith('/reports') && requestsOf(sim, 'createReport').length > 0) throw new TypeError('fetch failed');
      return fetch(request);
    } });
    sim.control.addFault({ type: 'drop', phase: 'after', method: 'POST', path: '/api/2/reports' });
    const error = await guarded.createReport(billingBody(sim.tenantId)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CreateOutcomeUnknownError);
    expect((error as Error).message).toContain('The report may have been created');
  });
});

describe('usage history', () => {
  it('is not ready at night: a clear error, no retry', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    sim.control.addFault({ type: 'usage-history-late' });
    const error = await client.createReport(billingBody(sim.tenantId)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageHistoryNotReadyError);
    expect((error as Error).message).toContain('The data center is late preparing usage history');
    expect(requestsOf(sim, 'createReport')).toHaveLength(1);
  });
});
