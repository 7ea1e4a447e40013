import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { createSimulator } from '@acronis-reports/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AcronisReportsApi } from '../credentials/AcronisReportsApi.credentials.js';
import { NodeApiError } from 'n8n-workflow';
import { httpRequest, node } from './helpers/n8n.mjs';

const failed = (): Error => {
  throw new Error('expected the token request to fail');
};
let sim: Awaited<ReturnType<typeof createSimulator>>;
const credential = new AcronisReportsApi();
const preAuth = (data: Record<string, unknown>) => credential.preAuthentication.call({ helpers: { httpRequest } } as never, data as never);

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  sim = await createSimulator({ now: '2026-11-15T12:00:00Z', config: { generationDelayMs: 2000, listDelayMs: 200 } });
});
afterAll(async () => sim?.close());

describe('Acronis Reports API credentials', () => {
  it('fetches a token with HTTP Basic client credentials into the hidden expirable field, then the test request passes', async () => {
    const data = await preAuth({ url: `${sim.baseUrl}/`, clientId: sim.clientId, clientSecret: sim.clientSecret });
    expect(data.accessToken).toMatch(/\S{16,}/);
    const token = credential.properties.find((p) => p.name === 'accessToken');
    expect(token).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
    // The credential test request, resolved as n8n resolves its expressions for this credential.
    expect(credential.test.request.url).toBe('=/clients/{{$credentials.clientId}}');
    const answer = (await httpRequest({
      url: `${sim.baseUrl}/api/2/clients/${sim.clientId}`,
      headers: { Authorization: `Bearer ${data.accessToken}` },
      returnFullResponse: true,
      ignoreHttpStatusErrors: true,
    })) as { statusCode: number; body: { tenant_id: string } };
    expect(answer.statusCode).toBe(200);
    expect(answer.body.tenant_id).toBe(sim.tenantId);
  });

  it('says the secret is wrong, without echoing it', async () => {
    const error = await preAuth({ url: sim.baseUrl, clientId: sim.clientId, clientSecret: 'wrong-secret-123' }).then(failed, (e: unknown) => e as Error);
    // core's words for it, as every host says it
    expect(error.message).toMatch(/^The data center refused the API client credentials \(401 invalid_client.*Check the client id and secret/);
    expect(error.message).not.toContain('wrong-secret-123');
  });

  it('says the data center URL is wrong when nothing answers there, or something that is not the API', async () => {
    const port = await closedPort();
    const unreachable = await preAuth({ url: `http://127.0.0.1:${port}`, clientId: sim.clientId, clientSecret: sim.clientSecret }).then(failed, (e: unknown) => e as Error);
    expect(unreachable.message).toMatch(/could not reach http:\/\/127\.0\.0\.1:\d+ \(connection refused\).*Check the data center URL/);
    // n8n puts its generic "refused the connection" sentence in place of any message that names the code
    expect(new NodeApiError(node, unreachable as never).message).toBe(unreachable.message);
    const other = createHttpServer((_request, response) => response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not here</h1>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(other.address() as { port: number }).port}`;
      const notApi = await preAuth({ url, clientId: sim.clientId, clientSecret: sim.clientSecret }).then(failed, (e: unknown) => e as Error);
      expect(notApi.message).toMatch(/answered 404 at \/api\/2\/idp\/token: it does not look like an Acronis data center.*Check the data center URL/);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('takes the Data Center URL by core\'s rules: https, except a simulator on this machine, and no other path', async () => {
    const before = sim.control.requests().length;
    const plain = await preAuth({ url: 'http://eu2-cloud.acronis.com', clientId: sim.clientId, clientSecret: sim.clientSecret }).then(failed, (e: unknown) => e as Error);
    expect(plain.message).toMatch(/baseUrl must use https \(http is allowed only for a local simulator\)/);
    const path = await preAuth({ url: `${sim.baseUrl}/somewhere/else`, clientId: sim.clientId, clientSecret: sim.clientSecret }).then(failed, (e: unknown) => e as Error);
    expect(path.message).toMatch(/without a path/);
    expect(sim.control.requests().length).toBe(before);
    const pasted = await preAuth({ url: ` ${sim.baseUrl}/api/2/ `, clientId: sim.clientId, clientSecret: sim.clientSecret });
    expect(pasted.accessToken).toMatch(/\S{16,}/);
  });
});
