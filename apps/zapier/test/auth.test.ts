import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Simulator } from '@acronis-reports/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBearerToken, authentication } from '../src/auth.js';
import { perform as newReports } from '../src/triggers/newReport.js';
import { apiRequests, appTester, connect, startSimulator } from './support.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => sim?.close());

const sessionPerform = authentication.sessionConfig.perform as never;
const test = authentication.test as never;

describe('session authentication', () => {
  it('exchanges the client credentials for a token and learns the own tenant', async () => {
    const authData = await connect(sim);
    expect(authData['access_token']).toMatch(/\S{16,}/);
    expect(authData['tenant_id']).toBe(sim.tenantId);
    const token = sim.control.requests().find((entry) => entry.path === '/api/2/idp/token');
    expect(token?.status).toBe(200);
  });

  it('tests the connection with GET /clients/{client_id} and labels it with the data center and client', async () => {
    const authData = await connect(sim);
    sim.control.clearRequests();
    const result = (await appTester(test, { authData })) as { tenant_id: string };
    expect(result.tenant_id).toBe(sim.tenantId);
    expect(apiRequests(sim).map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([`GET /api/2/clients/${sim.clientId} 200`]);
    const label = await appTester(authentication.connectionLabel as never, { authData });
    expect(label).toBe(`${new URL(sim.baseUrl).host}, API client ${sim.clientId}`);
  });

  it('says plainly that a wrong secret was refused (not an empty message)', async () => {
    const authData = { dataCenterUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: 'wrong-secret' };
    await expect(appTester(sessionPerform, { authData })).rejects.toThrow(/refused the API client credentials.*Check the client id and secret/s);
  });

  it('says that an unreachable data center could not be reached', async () => {
    const authData = { dataCenterUrl: 'http://127.0.0.1:9', clientId: sim.clientId, clientSecret: sim.clientSecret };
    await expect(appTester(sessionPerform, { authData })).rejects.toThrow(/Could not reach the data center at http:\/\/127\.0\.0\.1:9.*Data Center URL/s);
  });

  it('says that a URL that is not a data center is the wrong URL', async () => {
    const other = createServer((_request, response) => response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      const authData = { dataCenterUrl: url, clientId: sim.clientId, clientSecret: sim.clientSecret };
      const refusal = appTester(sessionPerform, { authData });
      await expect(refusal).rejects.toThrow(/does not look like an Acronis data center/);
      await expect(refusal).rejects.toThrow(/answered 404 at \/api\/2\/idp\/token.*Check the data center URL/is);
    } finally {
      other.close();
    }
  });

  it('refuses a non-https data center URL before sending anything', async () => {
    const authData = { dataCenterUrl: 'http://eu2-cloud.acronis.com', clientId: sim.clientId, clientSecret: sim.clientSecret };
    await expect(appTester(sessionPerform, { authData })).rejects.toThrow(/must use https/);
  });

  it('turns a 401 after the token expired into RefreshAuthError, so that Zapier signs in again', async () => {
    const authData = await connect(sim);
    sim.control.expireTokens();
    const error = await appTester(newReports as never, { authData, inputData: {} }).catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('RefreshAuthError');
    // A new session works again.
    const renewed = await connect(sim);
    expect(renewed['access_token']).not.toBe(authData['access_token']);
    await expect(appTester(newReports as never, { authData: renewed, inputData: {} })).resolves.toBeInstanceOf(Array);
  });

  it('sends the bearer token on API calls but never on the token request', async () => {
    const authData = await connect(sim);
    const seen: Record<string, string | undefined> = {};
    const middleware = addBearerToken as unknown as (request: { url: string; headers?: Record<string, string> }, z: unknown, bundle: unknown) => { headers: Record<string, string> };
    seen['api'] = middleware({ url: `${sim.baseUrl}/api/2/reports/x` }, {}, { authData }).headers['Authorization'];
    seen['token'] = middleware({ url: `${sim.baseUrl}/api/2/idp/token` }, {}, { authData }).headers['Authorization'];
    seen['own'] = middleware({ url: `${sim.baseUrl}/api/2/clients/x`, headers: { authorization: 'Bearer other' } }, {}, { authData }).headers['Authorization'];
    expect(seen).toEqual({ api: `Bearer ${authData['access_token']}`, token: undefined, own: undefined });
  });
});
