import { describe, expect, it } from 'vitest';
import { billingRequest, call, getToken, settledStored, useSimulator } from './support.js';

const simulator = useSimulator({ now: '2026-11-15T12:00:00Z', config: { generationDelayMs: 60_000, listDelayMs: 1_000 } });

const monthly = (tenantId: string) =>
  billingRequest(tenantId, {
    schedule: { type: 'monthly' },
    parameters: { tenant_id: tenantId, kind: 'usage_summary', level: 'direct_partners', formats: ['csv', 'html'] },
  });

describe('monthly schedules on the simulated clock', () => {
  it('generate a new set of stored reports for the previous month at the start of every month, unless paused', async () => {
    const sim = simulator();
    let token = await getToken(sim);
    const active = await call(sim, token, 'POST', '/reports', monthly(sim.tenantId));
    const paused = await call(sim, token, 'POST', '/reports', monthly(sim.tenantId));
    await call(sim, token, 'PUT', `/reports/${paused.body.id}`, { schedule: { enabled: false } });
    sim.control.advanceClock(3_600_000);
    token = await getToken(sim);
    expect((await call(sim, token, 'GET', `/reports/${active.body.id}/stored`)).body.items).toEqual([]);

    sim.control.setClock('2027-02-01T00:01:01Z');
    token = await getToken(sim); // the clock jump outlived the old token
    const items = (await settledStored(sim, token, active.body.id, 6)) as any[];
    expect(items.map((item) => `${item.created_at} ${item.report_format} ${item.status}`)).toEqual([
      '2026-12-01T00:00:00+00:00 csv saved',
      '2026-12-01T00:00:00+00:00 html saved',
      '2027-01-01T00:00:00+00:00 csv saved',
      '2027-01-01T00:00:00+00:00 html saved',
      '2027-02-01T00:00:00+00:00 csv saved',
      '2027-02-01T00:00:00+00:00 html saved',
    ]);
    const january = await fetch(`${sim.apiBaseUrl}/reports/${active.body.id}/stored/${items[5].id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await january.text()).toContain('Period: 2027-01-01 &ndash; 2027-01-31');
    expect((await call(sim, token, 'GET', `/reports/${active.body.id}`)).body.generation_date).toBe('2027-03-01');
    expect((await call(sim, token, 'GET', `/reports/${paused.body.id}/stored`)).body.items).toEqual([]);

    await call(sim, token, 'PUT', `/reports/${paused.body.id}`, { schedule: { enabled: true } });
    sim.control.setClock('2027-03-01T00:02:00Z');
    token = await getToken(sim);
    expect(((await settledStored(sim, token, paused.body.id, 2)) as any[]).map((item) => item.created_at)).toEqual([
      '2027-03-01T00:00:00+00:00',
      '2027-03-01T00:00:00+00:00',
    ]);
  });
});
