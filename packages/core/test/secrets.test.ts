import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AcronisReportsError, type RequestEvent } from '../src/index.js';
import { createReportsClient } from '../src/node/index.js';

// A data center that echoes credentials back in its errors, as some gateways and buggy servers do: the tokens
// are opaque (no JWT shape, no "Bearer" prefix where they are echoed) so only core's knowledge of what it holds
// can find them.
const fixedToken = 'opaqueFIXED9f8e7d6c5b4a3';
const issuedToken = 'opaqueISSUEDq1w2e3r4t5y6';
const providedToken = 'opaquePROVIDEDz9x8c7v6b5';
const clientSecret = 'clientSECRETm1n2b3v4c5';
const clientId = '8c2f9a4e-5b6d-4e7f-8a9b-1c2d3e4f5a6b';
const reportId = '3f1b7f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
const secrets = [fixedToken, issuedToken, providedToken, clientSecret, basic];

let server: Server;
let baseUrl: string;
/** The status the next API request gets, and whether its body is JSON. */
let answer = { status: 403, json: true };

function echo(request: IncomingMessage, response: ServerResponse): void {
  const authorization = request.headers.authorization ?? '';
  const token = authorization.replace(/^\w+ /, '');
  if (request.url?.endsWith('/idp/token')) {
    if (token === basic && answer.status !== 401) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: issuedToken, token_type: 'bearer', expires_in: 7200 }));
      return;
    }
    const body = { error: 'invalid_client', error_description: `client ${clientId} with secret ${clientSecret} (${token}) is not allowed` };
    response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    return;
  }
  if (!answer.json) {
    response.writeHead(answer.status, { 'content-type': 'text/plain' }).end(`token ${token} rejected; header was ${authorization}`);
    return;
  }
  const body = {
    error: {
      code: 1006,
      domain: 'PlatformAccountServer',
      message: `token ${token} rejected`,
      details: { info: `send a token other than ${token}` },
      context: { authorization, nested: [{ seen: token }] },
    },
  };
  response.writeHead(answer.status, { 'content-type': 'application/json', 'retry-after': '0' }).end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer(echo);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Every form an error takes when a program logs or keeps it. */
function formsOf(error: unknown): Record<string, string> {
  const causes: string[] = [];
  for (let cause = (error as Error).cause, depth = 0; cause !== undefined && depth < 10; cause = (cause as Error)?.cause, depth += 1) {
    causes.push(inspect(cause, { depth: 10 }), String(cause), JSON.stringify(cause) ?? '');
  }
  return {
    message: (error as Error).message,
    stack: String((error as Error).stack),
    string: String(error),
    json: JSON.stringify(error),
    inspect: inspect(error, { depth: 20, showHidden: true }),
    cause: causes.join('\n'),
  };
}

function leaks(error: unknown): string[] {
  const found: string[] = [];
  for (const [form, text] of Object.entries(formsOf(error))) {
    for (const secret of secrets) if (text.includes(secret)) found.push(`${form} contains ${secret}`);
  }
  return found;
}

const noRetry = { retry: false as const, timeoutMs: 5000 };

describe('no secret in any form of an error, whatever the server echoes', () => {
  const scenarios: [string, { status: number; json: boolean }, () => ReturnType<typeof createReportsClient>][] = [
    ['a fixed token echoed in a 403', { status: 403, json: true }, () => createReportsClient({ baseUrl, accessToken: fixedToken }, noRetry)],
    ['a fixed token echoed in a 401', { status: 401, json: true }, () => createReportsClient({ baseUrl, accessToken: fixedToken }, noRetry)],
    ['a fixed token echoed in a 400', { status: 400, json: true }, () => createReportsClient({ baseUrl, accessToken: fixedToken }, noRetry)],
    ['a fixed token echoed in a 500', { status: 500, json: true }, () => createReportsClient({ baseUrl, accessToken: fixedToken }, noRetry)],
    ['a fixed token echoed in a 404', { status: 404, json: true }, () => createReportsClient({ baseUrl, accessToken: fixedToken }, noRetry)],
    ['a fixed token echoed in a 409', { status: 409, json: true }, () => createReportsClient({ baseUrl, accessToken: fixedToken }, noRetry)],
    ['a fixed token echoed in a 429', { status: 429, json: true }, () => createReportsClient({ baseUrl, accessToken: fixedToken }, noRetry)],
    ['a fixed token echoed as plain text', { status: 502, json: false }, () => createReportsClient({ baseUrl, accessToken: fixedToken }, noRetry)],
    ['an issued token echoed in a 403', { status: 403, json: true }, () => createReportsClient({ baseUrl, clientId, clientSecret }, noRetry)],
    ['an issued token echoed in a 503 after retries', { status: 503, json: true }, () => createReportsClient({ baseUrl, clientId, clientSecret }, { timeoutMs: 5000, retry: { maxRetries: 2, baseDelayMs: 1 } })],
    ['an issued token echoed as plain text', { status: 400, json: false }, () => createReportsClient({ baseUrl, clientId, clientSecret }, noRetry)],
    ['the client secret and Basic value echoed by the token endpoint', { status: 401, json: true }, () => createReportsClient({ baseUrl, clientId, clientSecret }, noRetry)],
    ['a provided token echoed in a 403', { status: 403, json: true }, () => createReportsClient({ baseUrl, tokenProvider: () => providedToken }, noRetry)],
    ['a provided token echoed in a 401 after a refresh', { status: 401, json: true }, () => createReportsClient({ baseUrl, tokenProvider: () => providedToken }, noRetry)],
  ];

  for (const [name, status, make] of scenarios) {
    it(name, async () => {
      answer = status;
      const error = await make()
        .getReport(reportId)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AcronisReportsError);
      expect(leaks(error)).toEqual([]);
      // and what the server said is still there, cleaned, for people to act on
      if (status.json && (error as { vendor?: { message?: string } }).vendor) expect((error as { vendor: { message?: string } }).vendor.message).toMatch(/^token .+ rejected$/);
    });
  }

  it("a connection failure whose cause names the token, from a host's fetch", async () => {
    const failing = async () => {
      const reset = Object.assign(new Error(`socket hang up while sending Bearer ${fixedToken} (${fixedToken})`), { code: 'ECONNRESET' });
      throw new TypeError(`fetch failed for ${fixedToken}`, { cause: reset });
    };
    const events: RequestEvent[] = [];
    const client = createReportsClient({ baseUrl, accessToken: fixedToken }, { ...noRetry, fetch: failing, onRequest: (event) => events.push(event) });
    const error = await client.getReport(reportId).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network' });
    expect(leaks(error)).toEqual([]);
    expect(JSON.stringify(events)).not.toContain(fixedToken);
    // the cause chain is kept, with its system code, for whoever debugs it
    expect(inspect(error, { depth: 10 })).toContain('ECONNRESET');
  });
});
