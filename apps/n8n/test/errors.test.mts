import { createServer } from 'node:net';
import type { INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { AcronisReports } from '../nodes/AcronisReports/AcronisReports.node.js';
import { byId, credentialsFor, executeContext } from './helpers/n8n.mjs';

/** A loopback port nothing listens on: the connection is refused (ECONNREFUSED). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('errors as n8n shows them', () => {
  it('keeps the URL and the advice of an unreachable data center, where n8n would put its generic "refused" sentence', async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}`;
    const credentials = { ...credentialsFor({ baseUrl, clientId: 'client', clientSecret: 'secret' }), accessToken: 'a-token-so-no-exchange-is-needed' };
    const params = { resource: 'report', operation: 'get', reportId: byId('0b8d2f5e-3c41-4f7a-9a2e-6d1c8e4b7a90') };
    const shown = await (new AcronisReports().execute.call(executeContext(credentials, params)) as Promise<INodeExecutionData[][]>).catch((error: unknown) => error);
    expect(shown instanceof NodeOperationError || shown instanceof NodeApiError).toBe(true);
    const { message, description } = shown as NodeOperationError;
    expect(message).toContain(baseUrl);
    expect(message).toMatch(/could not reach .*connection refused/);
    expect(message).not.toMatch(/perhaps it is offline/);
    expect(description).toMatch(/Check the data center URL/);
  });
});
