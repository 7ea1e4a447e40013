import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { Contract } from '../src/http/contract.js';
import { createSimulator, type Simulator, type SimulatorOptions } from '../src/index.js';

/** Midday UTC, so that the nightly "usage history is not ready" window never gets in the way by accident. */
export const midday = '2026-11-15T12:00:00Z';

export const contract = new Contract();

/** Starts one simulator for the calling test file and stops it afterwards. */
export function useSimulator(options: SimulatorOptions = {}): () => Simulator {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await createSimulator({ now: midday, config: { generationDelayMs: 2000, listDelayMs: 200 }, ...options });
  });
  afterAll(async () => {
    await simulator?.close();
  });
  return () => simulator;
}

export async function getToken(sim: Simulator): Promise<string> {
  const response = await fetch(`${sim.apiBaseUrl}/idp/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${sim.clientId}:${sim.clientSecret}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  if (response.status !== 200) throw new Error(`token request failed: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export interface ApiResult {
  status: number;
  headers: Headers;
  body: any;
}

/** One JSON call to the API, checked against the description for the operation it hits. */
export async function call(sim: Simulator, token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult> {
  const response = await fetch(`${sim.apiBaseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  const operation = findOperation(method, path.split('?')[0]!);
  if (operation) {
    const problem = contract.checkResponse(operation, response.status, parsed);
    if (problem) throw new Error(`${method} ${path} answered ${response.status} outside the description: ${problem}\n${text}`);
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

function findOperation(method: string, path: string) {
  try {
    return contract.route(method, path).operation;
  } catch {
    return null;
  }
}

/** A raw GET that does not decode the body, to see the bytes exactly as sent. */
export function rawGet(url: string, token: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export const billingRequest = (tenantId: string, overrides: Record<string, unknown> = {}) => ({
  parameters: {
    kind: 'usage_summary',
    tenant_id: tenantId,
    level: 'direct_partners',
    period: { start: '2026-10-01', end: '2026-10-31' },
    formats: ['csv_v2_0', 'json_v2_0'],
    hide_zero_usage: true,
    show_skus: true,
  },
  schedule: { type: 'once' },
  result_action: 'save',
  ...overrides,
});

export const unknownId = '00000000-0000-4000-8000-000000000000';

/** Polls until `check` returns a value that is not undefined (real time), for generations measured in the background. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The stored list once every item is past `in_progress`. */
export async function settledStored(sim: Simulator, token: string, reportId: string, expected: number, timeoutMs = 5000) {
  return eventually(async () => {
    const stored = await call(sim, token, 'GET', `/reports/${reportId}/stored`);
    const items = stored.body.items as { status: string }[];
    return items.length === expected && items.every((item) => item.status !== 'in_progress') ? stored.body.items : undefined;
  }, timeoutMs);
}
