import { describe, expect, it } from 'vitest';
import { billingRequest, call, getToken, useSimulator } from './support.js';

const simulator = useSimulator();

const control = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${simulator().baseUrl}/_simulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
};

describe('control endpoints over HTTP (for simulators in another process)', () => {
  it('describe the simulator: URLs, demo credentials, tenants, clock and settings', async () => {
    const sim = simulator();
    const { body } = await control('GET', '');
    expect(body).toMatchObject({
      baseUrl: sim.baseUrl,
      apiBaseUrl: `${sim.baseUrl}/api/2`,
      clientId: sim.clientId,
      clientSecret: sim.clientSecret,
      tenantId: sim.tenantId,
      config: { generationDelayMs: 2000, gzipContentEncoding: true },
    });
    expect(body.customerIds.length).toBeGreaterThan(3);
  });

  it('move the clock forward but never back', async () => {
    const before = Date.parse((await control('GET', '/clock')).body.now);
    const after = Date.parse((await control('POST', '/clock', { advanceDays: 1, advanceMs: 1000 })).body.now);
    expect(after - before).toBeGreaterThanOrEqual(86_401_000);
    expect(after - before).toBeLessThan(86_401_000 + 2000);
    const back = await control('POST', '/clock', { set: '2020-01-01T00:00:00Z' });
    expect(back.status).toBe(400);
    expect(back.body.error).toContain('only moves forward');
  });

  it('change settings at run time and refuse unknown ones', async () => {
    expect((await control('PATCH', '/config', { generationDelayMs: 500 })).body.generationDelayMs).toBe(500);
    const unknown = await control('PATCH', '/config', { speed: 'fast' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toContain('unknown setting speed');
    expect((await control('PATCH', '/config', { listDelayMs: -1 })).status).toBe(400);
  });

  it('add, list and clear faults', async () => {
    const sim = simulator();
    const token = await getToken(sim);
    const added = await control('POST', '/faults', { type: 'status', status: 503, path: '/api/2/reports', method: 'POST', times: 2 });
    expect(added.body).toMatchObject({ id: expect.any(Number), remaining: 2 });
    expect((await control('GET', '/faults')).body.items).toHaveLength(1);
    expect((await call(sim, token, 'POST', '/reports', billingRequest(sim.tenantId))).status).toBe(503);
    expect((await control('GET', '/faults')).body.items[0].remaining).toBe(1);
    expect((await control('DELETE', '/faults')).status).toBe(204);
    expect((await call(sim, token, 'POST', '/reports', billingRequest(sim.tenantId))).status).toBe(200);
    expect((await control('POST', '/faults', { type: 'latency' })).status).toBe(400);
  });

  it('report sizes and SHA-256 of a stored file, the outbox, and reset', async () => {
    const sim = simulator();
    const token = await getToken(sim);
    const created = await call(sim, token, 'POST', '/reports', billingRequest(sim.tenantId));
    await control('POST', '/clock', { advanceMs: 10_000 });
    const stored = await call(sim, token, 'GET', `/reports/${created.body.id}/stored`);
    const info = await control('GET', `/stored/${stored.body.items[0].id}`);
    expect(info.body).toMatchObject({ reportId: created.body.id, format: 'csv_v2_0', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await control('GET', '/stored/00000000-0000-4000-8000-000000000000')).status).toBe(400);
    expect((await control('GET', '/outbox')).body).toEqual({ items: [] });
    expect((await control('POST', '/reset')).status).toBe(204);
    expect((await call(sim, token, 'GET', `/reports/${created.body.id}`)).status).toBe(401);
    expect((await call(sim, await getToken(sim), 'GET', `/reports/${created.body.id}`)).status).toBe(404);
    expect((await control('GET', '/nothing')).status).toBe(404);
  });
});
