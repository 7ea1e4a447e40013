import { describe, expect, it } from 'vitest';
import { call, getToken, useSimulator } from './support.js';

const simulator = useSimulator({ config: { tokenLifetimeSeconds: 600 } });

const tokenRequest = (credentials: string | null, body = 'grant_type=client_credentials', contentType = 'application/x-www-form-urlencoded') =>
  fetch(`${simulator().apiBaseUrl}/idp/token`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...(credentials ? { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` } : {}),
    },
    body,
  });

describe('POST /idp/token', () => {
  it('issues a bearer token for the right client id and secret', async () => {
    const sim = simulator();
    const response = await tokenRequest(`${sim.clientId}:${sim.clientSecret}`);
    expect(response.status).toBe(200);
    const token: any = await response.json();
    expect(token).toMatchObject({ token_type: 'bearer', expires_in: 600 });
    expect(token.access_token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    const simulatedNow = Date.parse(sim.control.now()) / 1000;
    expect(Math.abs(token.expires_on - simulatedNow - 600)).toBeLessThan(3);
    const client = await call(sim, token.access_token, 'GET', `/clients/${sim.clientId}`);
    expect(client.status).toBe(200);
  });

  it('answers a wrong secret with the OAuth error body and no token', async () => {
    const sim = simulator();
    const response = await tokenRequest(`${sim.clientId}:not-the-secret`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_client', error_description: expect.stringContaining('wrong client secret') });
  });

  it('refuses an unknown client, missing credentials, another grant type and a non-form body', async () => {
    const sim = simulator();
    expect((await tokenRequest(`2d7cbd5e-6c4b-4bb0-8ab0-5e8a4ee2bc1c:${sim.clientSecret}`)).status).toBe(401);
    const missing = await tokenRequest(null);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as any).error).toBe('invalid_client');
    const grant = await tokenRequest(`${sim.clientId}:${sim.clientSecret}`, 'grant_type=password');
    expect(grant.status).toBe(400);
    expect(((await grant.json()) as any).error).toBe('invalid_request');
    const json = await tokenRequest(`${sim.clientId}:${sim.clientSecret}`, '{"grant_type":"client_credentials"}', 'application/json');
    expect(json.status).toBe(415);
  });
});

describe('bearer tokens on the reports endpoints', () => {
  it('refuses a missing or unknown token with 401 in the vendor error shape', async () => {
    const sim = simulator();
    const missing = await call(sim, null, 'GET', `/tenants/${sim.tenantId}/reports`);
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: 401, domain: 'PlatformAccountServer', message: 'Access token is missing.' });
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    const unknown = await call(sim, 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln', 'GET', `/tenants/${sim.tenantId}/reports`);
    expect(unknown.status).toBe(401);
  });

  it('lets a token expire after its lifetime on the simulated clock', async () => {
    const sim = simulator();
    const token = await getToken(sim);
    expect((await call(sim, token, 'GET', `/tenants/${sim.tenantId}/reports`)).status).toBe(200);
    sim.control.advanceClock(590_000); // 10 s short of the lifetime: room for a busy machine
    expect((await call(sim, token, 'GET', `/tenants/${sim.tenantId}/reports`)).status).toBe(200);
    sim.control.advanceClock(12_000);
    const expired = await call(sim, token, 'GET', `/tenants/${sim.tenantId}/reports`);
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toBe('Access token is expired or unknown.');
  });

  it('expires every token on demand through the control endpoint', async () => {
    const sim = simulator();
    const token = await getToken(sim);
    const expire = await fetch(`${sim.baseUrl}/_simulator/tokens/expire`, { method: 'POST' });
    expect(((await expire.json()) as any).expired).toBeGreaterThanOrEqual(1);
    expect((await call(sim, token, 'GET', `/tenants/${sim.tenantId}/reports`)).status).toBe(401);
    expect((await call(sim, await getToken(sim), 'GET', `/tenants/${sim.tenantId}/reports`)).status).toBe(200);
  });
});
