import { describe, expect, it } from 'vitest';
import { billingRequest, call, getToken, useSimulator } from './support.js';

const simulator = useSimulator({ now: '2026-11-16T00:59:00Z' });

describe('usage history during the night (simulated clock, UTC)', () => {
  it('is ready before 01:00, not ready (400) from 01:00 to 06:00, ready again after', async () => {
    const sim = simulator();
    const token = await getToken(sim);
    expect((await call(sim, token, 'POST', '/reports', billingRequest(sim.tenantId))).status).toBe(200);
    sim.control.setClock('2026-11-16T01:00:00Z');
    const night = await call(sim, token, 'POST', '/reports', billingRequest(sim.tenantId));
    expect(night.status).toBe(400);
    expect(night.body.error.message).toMatch(/^Usage history is not ready/);
    expect(night.body.error.details.info).toContain('after 06:00 UTC');
    sim.control.setClock('2026-11-16T05:59:00Z');
    expect((await call(sim, await getToken(sim), 'POST', '/reports', billingRequest(sim.tenantId))).status).toBe(400);
    sim.control.setClock('2026-11-16T06:00:00Z');
    const token2 = await getToken(sim);
    expect((await call(sim, token2, 'POST', '/reports', billingRequest(sim.tenantId))).status).toBe(200);
  });
});
