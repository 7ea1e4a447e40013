// The billing jobs through the server with writes on: the month's billing report created with progress while it
// generates, its lines a page of tenants at a time and compared with the month before, the month at a glance with
// a mapping, the read tools, and a report created, changed and deleted.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, connect, credentialsOf, textOf, useSimulator, type Session } from './support.js';

const sim = useSimulator();
let session: Session;
let reportId: string;

beforeAll(async () => {
  session = await connect({ ...credentialsOf(sim()), ACRONIS_MCP_ALLOW_WRITES: '1' });
});
afterAll(() => session.close());

interface Line {
  tenant_id: string;
  tenant_name: string | null;
  customer_ref: string | null;
  offering_item: string;
  flag: string | null;
}

describe('billing', () => {
  it('creates the billing report of a month and notifies progress while it generates', async () => {
    const progress: Progress[] = [];
    const result = await session.client.callTool(
      { name: 'create_billing_report', arguments: { month: '2026-10' } },
      undefined,
      { onprogress: (update) => progress.push(update), resetTimeoutOnProgress: true },
    );
    expect(result.isError).toBeFalsy();
    const data = result.structuredContent as { report: { id: string; parameters: { period: unknown; formats: string[] } }; ready: boolean; files: { report_format: string; status: string }[] };
    expect(data.report.parameters.period).toEqual({ start: '2026-10-01', end: '2026-10-31' });
    expect(data.ready).toBe(true);
    expect(data.files.map((file) => [file.report_format, file.status]).sort()).toEqual([['csv_v2_0', 'saved'], ['json_v2_0', 'saved']]);
    reportId = data.report.id;
    // One notification per poll while the files generate (1.5 s here). The SDK's client handles a notification a
    // microtask after it reads it and a response at once, so the last one may be dropped when both come in one read:
    // the result itself says the files are saved.
    const waits = progress.filter((update) => update.message?.startsWith(`Waiting for report ${reportId}`));
    expect(waits.some((update) => /csv_v2_0 (in progress|missing)/.test(update.message!))).toBe(true);
    expect(progress.map((update) => update.progress)).toEqual(progress.map((_, index) => index + 1));
  });

  it("reads the month's lines from its stored report, a page of tenants at a time, compared with the month before", async () => {
    const before = await call(session, 'create_billing_report', { month: '2026-09' });
    expect(before.isError).toBeFalsy();
    const first = await call(session, 'billing_lines', { month: '2026-10', limit: 2 });
    expect(first.isError).toBeFalsy();
    const page = first.structuredContent as { source: { reportId: string }; previous: { period: unknown } | null; tenants: { total: number; returned: number; nextOffset: number | null }; lines: Line[]; flags: Record<string, number> | null };
    expect(page.source.reportId).toBe(reportId);
    expect(page.previous?.period).toEqual({ start: '2026-09-01', end: '2026-09-30' });
    expect(page.flags).not.toBeNull();
    expect(page.tenants.returned).toBe(2);
    expect(page.tenants.nextOffset).toBe(2);
    expect(new Set(page.lines.map((line) => line.tenant_id)).size).toBe(2);
    expect(page.lines.every((line) => line.flag !== null)).toBe(true);
    expect(textOf(first)).toContain('More: call again with offset 2.');

    const rest = await call(session, 'billing_lines', { month: '2026-10', offset: 2, limit: 20 });
    const restPage = rest.structuredContent as { tenants: { nextOffset: number | null; returned: number }; lines: Line[] };
    expect(restPage.tenants.nextOffset).toBeNull();
    expect(restPage.tenants.returned).toBe(page.tenants.total - 2);
    expect(restPage.lines.some((line) => page.lines.some((seen) => seen.tenant_id === line.tenant_id))).toBe(false);

    const name = page.lines[0]!.tenant_name!;
    const one = await call(session, 'billing_lines', { month: '2026-10', tenants: [name.toUpperCase(), 'nobody'] });
    const onePage = one.structuredContent as { lines: Line[]; unmatchedTenants: string[] };
    expect(new Set(onePage.lines.map((line) => line.tenant_name))).toEqual(new Set([name]));
    expect(onePage.unmatchedTenants).toEqual(['nobody']);
  });

  it('summarises the month with a mapping: top customers by amount, top items, biggest changes', async () => {
    const lines = (await call(session, 'billing_lines', { month: '2026-10', limit: 20 })).structuredContent as { lines: Line[] };
    const tenants = [...new Set(lines.lines.map((line) => line.tenant_id))];
    const mapping = {
      customers: Object.fromEntries(tenants.map((id, index) => [id, `C-${100 + index}`])),
      products: [{ offering_item: 'storage', product_code: 'STOR', unit_price: 0.05 }, { offering_item: '*', product_code: 'OTHER', unit_price: 1 }],
    };
    const file = join(mkdtempSync(join(tmpdir(), 'mcp-mapping-')), 'mapping.json');
    writeFileSync(file, JSON.stringify(mapping));
    const result = await call(session, 'month_summary', { month: '2026-10', mappingFile: file, top: 3 });
    expect(result.isError, textOf(result)).toBeFalsy();
    const summary = result.structuredContent as {
      rankedBy: string;
      totals: { tenants: number; amount: number | null };
      customers: { customer_ref: string; amount: number }[];
      items: { product_code: string | null }[];
      changes: Line[];
      flags: Record<string, number> | null;
    };
    expect(summary.rankedBy).toBe('amount');
    expect(summary.totals.tenants).toBe(tenants.length);
    expect(summary.customers).toHaveLength(3);
    expect(summary.customers.every((customer) => /^C-1\d\d$/.test(customer.customer_ref))).toBe(true);
    const amounts = summary.customers.map((customer) => customer.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(summary.items.length).toBeLessThanOrEqual(3);
    expect(summary.flags).not.toBeNull();
    expect(summary.changes.every((line) => ['new', 'gone', 'changed'].includes(line.flag!))).toBe(true);
  });

  it('lists reports a page at a time, gets one, and lists its stored files', async () => {
    const listed = await call(session, 'list_reports', { limit: 1 });
    const page = listed.structuredContent as { total: number; nextOffset: number | null; reports: { id: string }[] };
    expect(page.total).toBe(2);
    expect(page.reports).toHaveLength(1);
    expect(page.nextOffset).toBe(1);
    const got = await call(session, 'get_report', { reportId });
    expect((got.structuredContent as { report: { id: string } }).report.id).toBe(reportId);
    const stored = await call(session, 'list_stored_files', { reportId });
    expect((stored.structuredContent as { files: { report_format: string }[] }).files.map((file) => file.report_format).sort()).toEqual(['csv_v2_0', 'json_v2_0']);
  });
});

describe('writes on', () => {
  it('creates a monthly report from flat fields, pauses it, and deletes it', async () => {
    const created = await call(session, 'create_report', { scheduleType: 'monthly', kind: 'usage_summary', formats: ['csv'], enabled: true });
    expect(created.isError, textOf(created)).toBeFalsy();
    const id = (created.structuredContent as { report: { id: string } }).report.id;
    const paused = await call(session, 'update_report', { reportId: id, enabled: false });
    expect((paused.structuredContent as { report: { schedule: { enabled: boolean } } }).report.schedule.enabled).toBe(false);
    const deleted = await call(session, 'delete_report', { reportId: id });
    expect(deleted.structuredContent).toEqual({ deleted: id });
    const gone = await call(session, 'get_report', { reportId: id });
    expect(gone.isError).toBe(true);
  });

  it("refuses bad fields by core's rules before anything is sent", async () => {
    sim().control.clearRequests();
    const result = await call(session, 'create_report', { month: '2026-10', periodStart: '2026-10-01', periodEnd: '2026-10-31' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('month and periodStart/periodEnd both set the period');
    expect(sim().control.requests().filter((request) => request.method === 'POST' && request.path.endsWith('/reports'))).toEqual([]);
  });
});
