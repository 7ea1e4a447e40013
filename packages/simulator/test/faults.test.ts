import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { billingRequest, call, getToken, useSimulator } from './support.js';

const simulator = useSimulator();
let token: string;
beforeAll(async () => {
  token = await getToken(simulator());
});
beforeEach(() => {
  simulator().control.clearFaults();
  simulator().control.clearRequests();
});

const listPath = () => `/tenants/${simulator().tenantId}/reports`;

describe('injected faults', () => {
  it('answers 429 with Retry-After once, then serves normally', async () => {
    const sim = simulator();
    sim.control.addFault({ type: 'status', status: 429, retryAfter: 2, path: '/api/2/tenants/*/reports' });
    const limited = await call(sim, token, 'GET', listPath());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.body.error.message).toBe('Too many requests.');
    expect((await call(sim, token, 'GET', listPath())).status).toBe(200);
  });

  it.each([500, 502, 503])('answers %i in the vendor error shape for as many requests as asked', async (status) => {
    const sim = simulator();
    sim.control.addFault({ type: 'status', status, times: 2, method: 'GET' });
    expect((await call(sim, token, 'GET', listPath())).status).toBe(status);
    expect((await call(sim, token, 'GET', listPath())).body.error.code).toBe(status);
    expect((await call(sim, token, 'GET', listPath())).status).toBe(200);
  });

  it('only hits requests that match its method and path', async () => {
    const sim = simulator();
    sim.control.addFault({ type: 'status', status: 503, method: 'POST', path: '/api/2/reports', always: true });
    expect((await call(sim, token, 'GET', listPath())).status).toBe(200);
    expect((await call(sim, token, 'POST', '/reports', billingRequest(sim.tenantId))).status).toBe(503);
    expect((await call(sim, token, 'POST', '/reports', billingRequest(sim.tenantId))).status).toBe(503);
  });

  it('delays answers by the injected latency', async () => {
    const sim = simulator();
    sim.control.addFault({ type: 'latency', delayMs: 300 });
    const started = performance.now();
    expect((await call(sim, token, 'GET', listPath())).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('stops waiting when the client hangs up during the latency, and logs the request as unanswered', async () => {
    const sim = simulator();
    sim.control.addFault({ type: 'latency', delayMs: 60_000, method: 'POST', path: '/api/2/reports' });
    const before = (await call(sim, token, 'GET', listPath())).body.items.length;
    const gaveUp = new AbortController();
    const sent = fetch(`${sim.apiBaseUrl}/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(billingRequest(sim.tenantId)),
      signal: gaveUp.signal,
    }).catch(() => 'gave up');
    await new Promise((resolve) => setTimeout(resolve, 100));
    gaveUp.abort();
    expect(await sent).toBe('gave up');
    await expect.poll(() => sim.control.requests().find((r) => r.operationId === 'createReport')?.status).toBe(0);
    expect((await call(sim, token, 'GET', listPath())).body.items).toHaveLength(before);
  });

  it('drops the connection before the request is handled: nothing is created', async () => {
    const sim = simulator();
    const before = (await call(sim, token, 'GET', listPath())).body.items.length;
    sim.control.addFault({ type: 'drop', method: 'POST', path: '/api/2/reports' });
    await expect(call(sim, token, 'POST', '/reports', billingRequest(sim.tenantId))).rejects.toThrow(/fetch failed/);
    expect((await call(sim, token, 'GET', listPath())).body.items.length).toBe(before);
  });

  it('drops the connection after the request took effect: the report exists although the caller saw no answer', async () => {
    const sim = simulator();
    const before = (await call(sim, token, 'GET', listPath())).body.items.length;
    sim.control.addFault({ type: 'drop', phase: 'after', method: 'POST', path: '/api/2/reports' });
    await expect(call(sim, token, 'POST', '/reports', billingRequest(sim.tenantId))).rejects.toThrow(/fetch failed/);
    expect((await call(sim, token, 'GET', listPath())).body.items.length).toBe(before + 1);
    expect(sim.control.requests().map((r) => [r.method, r.operationId, r.status, r.fault])).toContainEqual(['POST', 'createReport', 0, 'drop']);
  });

  it('truncates a body: the headers promise more bytes than arrive', async () => {
    const sim = simulator();
    sim.control.addFault({ type: 'truncate', fraction: 0.5, path: '/api/2/clients/*' });
    const response = await fetch(`${sim.apiBaseUrl}/clients/${sim.clientId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it('answers "usage history is not ready" with a 500 when the data center is late after 06:00', async () => {
    const sim = simulator();
    sim.control.addFault({ type: 'usage-history-late' });
    const late = await call(sim, token, 'POST', '/reports', billingRequest(sim.tenantId));
    expect(late.status).toBe(500);
    expect(late.body.error.message).toMatch(/^Usage history is not ready/);
    expect((await call(sim, token, 'POST', '/reports', billingRequest(sim.tenantId))).status).toBe(200);
  });

  it('refuses a malformed fault description', () => {
    expect(() => simulator().control.addFault({ type: 'status', status: 200 })).toThrow('status between 400 and 599');
    expect(() => simulator().control.addFault({ type: 'nonsense' as any })).toThrow('type must be one of');
  });
});

describe('the request log', () => {
  it('records method, path, operation and status of every API call, so tests can count them', async () => {
    const sim = simulator();
    await call(sim, token, 'GET', listPath());
    await call(sim, token, 'GET', '/reports/not-a-uuid');
    await fetch(`${sim.baseUrl}/_simulator/clock`);
    const log = await (await fetch(`${sim.baseUrl}/_simulator/requests`)).json() as any;
    expect(log.items.map((r: any) => [r.method, r.path, r.operationId, r.status])).toEqual([
      ['GET', `/api/2${listPath()}`, 'fetchTenantReports', 200],
      ['GET', '/api/2/reports/not-a-uuid', 'fetchReport', 400],
    ]);
    await fetch(`${sim.baseUrl}/_simulator/requests`, { method: 'DELETE' });
    expect(sim.control.requests()).toEqual([]);
  });
});
