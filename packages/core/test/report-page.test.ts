import { beforeEach, describe, expect, it } from 'vitest';
import { reportLabel, ValidationError, type ListProgress } from '../src/index.js';
import { clientFor, requestsOf, useSimulator } from './support.js';

// 500 seeded reports of past use: 10 monthly, 5 send, 1 failed, 1 generating now (see the simulator's README).
const simulator = useSimulator({ historyReports: 500 });
beforeEach(() => simulator().control.clearRequests());

const fetches = () => requestsOf(simulator(), 'fetchReport').length;
const lists = () => requestsOf(simulator(), 'fetchTenantReports').length;

describe('reportPage', () => {
  it('lists the ids once and fetches only the page, newest first, page after page to the end', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const ids = await client.listTenantReportIds();
    sim.control.clearRequests();

    const first = await client.reportPage(undefined, { limit: 25, newestFirst: true });
    expect(first.reports.map((report) => report.id)).toEqual([...ids].reverse().slice(0, 25));
    expect(first).toMatchObject({ total: 500, nextOffset: 25 });
    expect([lists(), fetches()]).toEqual([1, 25]);

    const second = await client.reportPage(undefined, { limit: 25, newestFirst: true, offset: first.nextOffset! });
    expect(second.reports.map((report) => report.id)).toEqual([...ids].reverse().slice(25, 50));

    const last = await client.reportPage(undefined, { limit: 25, newestFirst: true, offset: 490 });
    expect(last.reports.map((report) => report.id)).toEqual([...ids].reverse().slice(490));
    expect(last.nextOffset).toBeNull();
    expect(await client.reportPage(undefined, { offset: 600 })).toEqual({ reports: [], total: 500, nextOffset: null });
  });

  it('keeps the order the API lists in by default, and a page of 50', async () => {
    const client = clientFor(simulator());
    const ids = await client.listTenantReportIds();
    const page = await client.reportPage(simulator().tenantId);
    expect(page.reports.map((report) => report.id)).toEqual(ids.slice(0, 50));
    expect(page.nextOffset).toBe(50);
  });

  it('finds a report by the start of its id without fetching any other report', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const ids = await client.listTenantReportIds();
    const wanted = ids[321]!;
    const prefix = wanted.slice(0, 8);
    sim.control.clearRequests();
    const page = await client.reportPage(undefined, { search: prefix.toUpperCase(), newestFirst: true });
    const sharing = ids.filter((id) => id.startsWith(prefix));
    expect(page.reports.map((report) => report.id)).toEqual([...sharing].reverse());
    expect(page).toMatchObject({ total: sharing.length, nextOffset: null });
    expect([lists(), fetches()]).toEqual([1, sharing.length]);
    expect((await client.reportPage(undefined, { search: wanted })).reports.map((report) => report.id)).toEqual([wanted]);
  });

  it('searches labels a bounded scan at a time: every monthly report, over as many pages as it takes', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const found: string[] = [];
    let offset: number | null = 0;
    let pages = 0;
    while (offset !== null) {
      sim.control.clearRequests();
      const page = await client.reportPage(undefined, { search: 'Monthly', limit: 4, scanLimit: 100, offset, concurrency: 8 });
      expect(fetches()).toBeLessThanOrEqual(100);
      expect(page.reports.every((report) => report.schedule?.type === 'monthly' && reportLabel(report).includes('monthly'))).toBe(true);
      found.push(...page.reports.map((report) => report.id));
      offset = page.nextOffset;
      pages++;
    }
    expect(found).toHaveLength(10);
    expect(new Set(found).size).toBe(10);
    expect(pages).toBeGreaterThanOrEqual(5); // 500 reports, at most 100 fetched a page
  });

  it('stops a search that finds nothing at the scan limit and says where to go on', async () => {
    const client = clientFor(simulator());
    const page = await client.reportPage(undefined, { search: 'no such report', scanLimit: 30 });
    expect(page).toEqual({ reports: [], total: 500, nextOffset: 30 });
    expect(fetches()).toBe(30);
  });

  it('refuses bad options with a ValidationError naming the field, before any request', async () => {
    const client = clientFor(simulator());
    const error = await client.reportPage(undefined, { limit: 1000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ field: 'options.limit', message: 'must be at most 500, got 1000' }]);
    expect(requestsOf(simulator())).toEqual([]);
  });
});

describe('listTenantReports', () => {
  it('reports its progress: the total once the ids are listed, then each report fetched', async () => {
    const client = clientFor(simulator());
    const progress: ListProgress[] = [];
    const reports = await client.listTenantReports(undefined, { concurrency: 8, onProgress: (step) => progress.push(step) });
    expect(reports).toHaveLength(500);
    expect(progress).toHaveLength(501);
    expect(progress[0]).toEqual({ done: 0, total: 500 });
    expect(progress.map((step) => step.done)).toEqual(Array.from({ length: 501 }, (_, i) => i));
    expect(progress.every((step) => step.total === 500)).toBe(true);
  });
});

describe('reportLabel', () => {
  it('names kind, level, schedule, period and the start of the id', () => {
    const report = {
      id: '1a2b3c4d-0000-4000-8000-000000000000',
      version: 2,
      result_action: 'save',
      recipients: [],
      parameters: { tenant_id: '1a2b3c4d-0000-4000-8000-000000000001', kind: 'usage_summary', level: 'direct_partners', period: { start: '2026-10-01', end: '2026-10-31' } },
      schedule: { type: 'monthly', enabled: false },
    } as const;
    expect(reportLabel(report as never)).toBe('usage_summary, direct_partners, monthly (paused) 2026-10-01..2026-10-31 (1a2b3c4d)');
  });
});
