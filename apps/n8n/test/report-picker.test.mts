import { createSimulator } from '@acronis-reports/simulator';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AcronisReports } from '../nodes/AcronisReports/AcronisReports.node.js';
import { credentialsFor, loadOptionsContext } from './helpers/n8n.mjs';

// 5,000 seeded reports of past use, 100 of them monthly (see the simulator's README).
let sim: Awaited<ReturnType<typeof createSimulator>>;
let credentials: ICredentialDataDecryptedObject;
let ids: string[];
const search = new AcronisReports().methods.listSearch.searchReports;
const pick = (filter?: string, paginationToken?: string) => search.call(loadOptionsContext(credentials, { tenantId: '' }), filter, paginationToken);
const fetches = () => sim.control.requests().filter((request) => request.operationId === 'fetchReport').length;

beforeAll(async () => {
  sim = await createSimulator({ now: '2026-11-15T12:00:00Z', historyReports: 5000 });
  credentials = credentialsFor(sim);
  const basic = Buffer.from(`${sim.clientId}:${sim.clientSecret}`).toString('base64');
  const tokenAnswer = await fetch(`${sim.apiBaseUrl}/idp/token`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
  const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
  ids = ((await (await fetch(`${sim.apiBaseUrl}/tenants/${sim.tenantId}/reports`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: string[] }).items;
  await pick(); // n8n's credential token and the own tenant, looked up once before the counting starts
});
afterAll(async () => sim?.close());
beforeEach(() => {
  sim.control.clearRequests();
  sim.control.clearFaults();
});

describe('the report picker at 5,000 reports', () => {
  it('loads 30 reports a page, newest first, and hands n8n the token of the next page until the last', async () => {
    const first = await pick();
    expect(first.results).toHaveLength(30);
    expect(first.results.map((entry) => entry.value)).toEqual([...ids].reverse().slice(0, 30));
    expect(first.results[0]!.name).toMatch(/^usage_\w+, \w+, once .* \([0-9a-f]{8}\)$/);
    expect(first.paginationToken).toBe('30');
    expect(fetches()).toBe(30);

    const second = await pick(undefined, first.paginationToken);
    expect(second.results.map((entry) => entry.value)).toEqual([...ids].reverse().slice(30, 60));
    const last = await pick(undefined, '4980');
    expect(last.results).toHaveLength(20);
    expect(last.paginationToken).toBeUndefined();
  });

  it('finds a report by the start of its id, fetching only the matches', async () => {
    const wanted = ids[1234]!;
    const found = await pick(wanted.slice(0, 8));
    expect(found.results.map((entry) => entry.value)).toContain(wanted);
    expect(fetches()).toBe(ids.filter((id) => id.startsWith(wanted.slice(0, 8))).length);
  });

  it('searches the labels a bounded scan per page: "monthly" fetches at most 100 reports a call', async () => {
    const found = await pick('monthly');
    expect(fetches()).toBeLessThanOrEqual(100);
    expect(found.results.every((entry) => entry.name.includes('monthly'))).toBe(true);
    expect(found.paginationToken).toMatch(/^\d+$/);
  });

  it('refuses a pagination token that is not an offset, naming it, before any request', async () => {
    const error = await pick(undefined, 'next').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NodeOperationError);
    expect((error as Error).message).toContain('options.offset');
    expect(sim.control.requests()).toEqual([]);
  });

  it('shows a page within a few seconds when every request takes 300 ms', async () => {
    sim.control.addFault({ type: 'latency', delayMs: 300, always: true });
    const started = performance.now();
    const page = await pick();
    const pageMs = performance.now() - started;
    const startedSearch = performance.now();
    await pick('monthly');
    const searchMs = performance.now() - startedSearch;
    console.log(`n8n picker at 5,000 reports, 300 ms a request: a page in ${Math.round(pageMs)} ms, a "monthly" search page in ${Math.round(searchMs)} ms`);
    expect(page.results).toHaveLength(30);
    expect(pageMs).toBeLessThan(10_000);
    expect(searchMs).toBeLessThan(10_000);
  });
});
