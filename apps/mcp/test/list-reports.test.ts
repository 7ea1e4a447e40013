// list_reports at a tenant with many reports: a page costs the id list and that page's reports, never all of them.
import { createReportsClient } from '@acronis-reports/core';
import { startForwardProxy } from '@acronis-reports/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, connect, credentialsOf, useSimulator, type Session } from './support.js';

const sim = useSimulator({ historyReports: 300 });

describe('list_reports with 300 reports', () => {
  let session: Session;
  beforeAll(async () => {
    session = await connect(credentialsOf(sim()));
  });
  afterAll(() => session.close());

  it('gives a page from an offset, fetching only that page, and no next offset after the last', async () => {
    sim().control.clearRequests();
    const result = await call(session, 'list_reports', { offset: 280, limit: 50 });
    expect(result.isError).toBeFalsy();
    const page = result.structuredContent as { total: number; offset: number; nextOffset: number | null; reports: { id: string }[] };
    expect(page).toMatchObject({ total: 300, offset: 280, nextOffset: null });
    expect(page.reports).toHaveLength(20);
    const requests = sim().control.requests();
    expect(requests.filter((request) => request.operationId === 'fetchTenantReports')).toHaveLength(1);
    expect(requests.filter((request) => request.operationId === 'fetchReport')).toHaveLength(20);

    const first = (await call(session, 'list_reports', { limit: 50 })).structuredContent as { nextOffset: number | null; reports: unknown[] };
    expect(first.reports).toHaveLength(50);
    expect(first.nextOffset).toBe(50);
  });

  it("finds a month's billing report among the newest reports, without fetching the whole history", async () => {
    const client = createReportsClient({ baseUrl: sim().baseUrl, clientId: sim().clientId, clientSecret: sim().clientSecret });
    await client.exportBillingReport({ month: '2026-09', consume: async (download) => download.bytes() });
    const october = await client.exportBillingReport({ month: '2026-10', consume: async (download) => download.bytes() });
    sim().control.clearRequests();
    const result = await call(session, 'billing_lines', { month: '2026-10', limit: 1 });
    expect(result.isError).toBeFalsy();
    const lines = result.structuredContent as { source: { reportId: string }; previous: { period: unknown } | null };
    expect(lines.source.reportId).toBe(october.report.id);
    expect(lines.previous?.period).toEqual({ start: '2026-09-01', end: '2026-09-30' });
    // one page of the newest 50 holds both months; the tenant's other 250 reports are never fetched
    const fetched = sim().control.requests().filter((request) => request.operationId === 'fetchReport');
    expect(fetched.length).toBeLessThanOrEqual(52);
  });
});

describe('a data center behind a proxy', () => {
  it('is reached through HTTP_PROXY (HTTPS_PROXY likewise), and directly for hosts in NO_PROXY', async () => {
    const proxy = await startForwardProxy();
    try {
      for (const [extra, tunnelled] of [[{}, true], [{ NO_PROXY: '127.0.0.1' }, false]] as const) {
        proxy.seen.length = 0;
        const session = await connect({ ...credentialsOf(sim()), HTTP_PROXY: proxy.url, ...extra });
        try {
          const result = await call(session, 'list_reports', { limit: 1 });
          expect(result.isError).toBeFalsy();
        } finally {
          await session.close();
        }
        expect(proxy.seen.includes(`CONNECT ${new URL(sim().baseUrl).host}`)).toBe(tunnelled);
      }
    } finally {
      await proxy.close();
    }
  });
});
