import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, AuthenticationError, createReportsClient, requestAccessToken, ValidationError } from '../src/index.js';
import { nodeRuntime } from '../src/node/runtime.js';
import { clientFor, nodeClientFor, requestsOf, simulatedRuntime, useSimulator } from './support.js';

const simulator = useSimulator();
beforeEach(() => {
  simulator().control.clearRequests();
  simulator().control.clearFaults();
});

describe('client credentials', () => {
  it('fetch one token for any number of concurrent calls and reuse it', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const tenantId = sim.tenantId;
    await Promise.all(Array.from({ length: 50 }, () => client.listTenantReportIds(tenantId)));
    await client.listTenantReportIds(tenantId);
    expect(requestsOf(sim, 'requestToken')).toHaveLength(1);
    expect(requestsOf(sim, 'fetchTenantReports')).toHaveLength(51);
  });

  it("keep one token when the data center's clock differs from ours (expires_in, not expires_on)", async () => {
    const sim = simulator(); // its clock says 2026-11-15 whatever today is
    const client = nodeClientFor(sim);
    for (let call = 0; call < 5; call += 1) await client.listTenantReportIds(sim.tenantId);
    expect(requestsOf(sim, 'requestToken')).toHaveLength(1);
  });

  it('renew the token shortly before it expires, without a failed call', async () => {
    const sim = simulator();
    const runtime = simulatedRuntime(sim);
    const client = clientFor(sim, { runtime });
    await client.listTenantReportIds(sim.tenantId);
    await runtime.sleep(7200_000 - 30_000);
    await client.listTenantReportIds(sim.tenantId);
    expect(requestsOf(sim).map((r) => `${r.operationId} ${r.status}`)).toEqual(['requestToken 200', 'fetchTenantReports 200', 'requestToken 200', 'fetchTenantReports 200']);
  });

  it('get a new token once after a 401 and repeat the call', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    await client.listTenantReportIds(sim.tenantId);
    sim.control.expireTokens();
    await Promise.all([client.listTenantReportIds(sim.tenantId), client.listTenantReportIds(sim.tenantId)]);
    const trail = requestsOf(sim).map((r) => `${r.operationId} ${r.status}`);
    expect(trail.filter((line) => line === 'requestToken 200')).toHaveLength(2);
    expect(trail.filter((line) => line === 'fetchTenantReports 401')).toHaveLength(2);
    expect(trail.filter((line) => line === 'fetchTenantReports 200')).toHaveLength(3);
  });

  it('report a wrong secret as invalid credentials, without the secret', async () => {
    const sim = simulator();
    const client = createReportsClient({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: 'wrong-secret-value' }, { runtime: simulatedRuntime(sim), timeoutMs: 0 });
    const error = (await client.listTenantReportIds(sim.tenantId).catch((e: unknown) => e)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.reason).toBe('invalid_credentials');
    expect(error.message).toContain('The data center refused the API client credentials (401 invalid_client');
    expect(error.message).toContain('Check the client id and secret');
    expect(JSON.stringify(error) + error.message + error.stack).not.toContain('wrong-secret-value');
    expect(requestsOf(sim).map((r) => r.operationId)).toEqual(['requestToken']);
  });

  it('refuse missing credentials before sending anything', () => {
    const sim = simulator();
    expect(() => createReportsClient({ baseUrl: sim.baseUrl, clientId: ' ', clientSecret: '' }, { runtime: simulatedRuntime(sim) })).toThrow(
      'Invalid input: clientId is required for client credentials; clientSecret is required for client credentials.',
    );
    expect(() => createReportsClient({ baseUrl: 'http://example.com', accessToken: 'x' }, { runtime: simulatedRuntime(sim) })).toThrow(ValidationError);
  });
});

describe('requestAccessToken, for hosts that keep the token themselves', () => {
  it('exchanges the credentials once and says when the token expires, on the caller\'s clock', async () => {
    const sim = simulator();
    const runtime = simulatedRuntime(sim);
    const issued = await requestAccessToken({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret }, { runtime, timeoutMs: 0 });
    expect(issued.accessToken).toMatch(/^eyJ/);
    expect(issued.expiresAt - runtime.now()).toBeGreaterThan(7_190_000);
    expect(issued.renewAt).toBe(issued.expiresAt - 60_000);
    expect(requestsOf(sim).map((r) => `${r.operationId} ${r.status}`)).toEqual(['requestToken 200']);
    const wrong = await requestAccessToken({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: 'nope-nope' }, { runtime, timeoutMs: 0 }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ reason: 'invalid_credentials', status: 401 });
    await expect(requestAccessToken({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: '' }, { runtime })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('other ways to authenticate', () => {
  const token = async () => {
    const sim = simulator();
    return (await requestAccessToken({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret }, { runtime: simulatedRuntime(sim), timeoutMs: 0 })).accessToken;
  };

  it('a fixed access token is used as is; a 401 then is an AuthenticationError saying the token was refused', async () => {
    const sim = simulator();
    const client = createReportsClient({ baseUrl: sim.baseUrl, accessToken: await token() }, { runtime: simulatedRuntime(sim), timeoutMs: 0 });
    expect(await client.listTenantReportIds(sim.tenantId)).toBeInstanceOf(Array);
    sim.control.expireTokens();
    const error = (await client.listTenantReportIds(sim.tenantId).catch((e: unknown) => e)) as AuthenticationError;
    expect(error).toMatchObject({ reason: 'token_rejected', status: 401 });
    expect(error.message).toMatch(/^Listing the tenant's reports failed \(401: Access token is expired or unknown\.\): the access token was refused\./);
  });

  it('a token provider is asked again with forceRefresh after a 401', async () => {
    const sim = simulator();
    const asked: boolean[] = [];
    let cached: string | undefined;
    const provider = async ({ forceRefresh }: { forceRefresh: boolean }) => {
      asked.push(forceRefresh);
      if (forceRefresh || !cached) cached = await token();
      return cached;
    };
    const client = createReportsClient(
      { baseUrl: sim.baseUrl, tokenProvider: provider },
      { runtime: simulatedRuntime(sim), timeoutMs: 0 },
    );
    await client.listTenantReportIds(sim.tenantId);
    sim.control.expireTokens();
    await client.listTenantReportIds(sim.tenantId);
    expect(asked).toEqual([false, false, true]);
    expect(requestsOf(sim, 'fetchTenantReports').map((r) => r.status)).toEqual([200, 401, 200]);
  });

  it('when the host authenticates, core adds no token and lets the host\'s own signals through untouched', async () => {
    const sim = simulator();
    const hostToken = await token();
    class RefreshAuthError extends Error {}
    const seen: (string | null)[] = [];
    const client = createReportsClient(
      { baseUrl: sim.baseUrl, hostAuthenticates: true, clientId: sim.clientId },
      {
        runtime: simulatedRuntime(sim),
        timeoutMs: 0,
        fetch: async (request) => {
          seen.push(request.headers.get('authorization'));
          const response = await fetch(new Request(request, { headers: { ...Object.fromEntries(request.headers), authorization: `Bearer ${hostToken}` } }));
          if (response.status === 401) throw new RefreshAuthError('session expired');
          return response;
        },
      },
    );
    expect(await client.getOwnTenantId()).toBe(sim.tenantId);
    expect(seen).toEqual([null]);
    sim.control.expireTokens();
    await expect(client.listTenantReportIds(sim.tenantId)).rejects.toBeInstanceOf(RefreshAuthError);
    expect(requestsOf(sim, 'requestToken')).toHaveLength(1);
  });
});

describe('a URL that is not a data center', () => {
  it('says so when the token endpoint answers 404, instead of blaming a report id', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_, response) => response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const error = await requestAccessToken({ baseUrl, clientId: 'a', clientSecret: 'b' }, { runtime: nodeRuntime, retry: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ code: 'not_a_data_center', status: 404, operation: 'requestAccessToken' });
      expect((error as Error).message).toBe(
        `${baseUrl} answered 404 at /api/2/idp/token: it does not look like an Acronis data center. Check the data center URL (for example https://eu2-cloud.acronis.com).`,
      );
    } finally {
      server.close();
    }
  });
});
