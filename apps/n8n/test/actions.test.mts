import { createSimulator } from '@acronis-reports/simulator';
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AcronisReports } from '../nodes/AcronisReports/AcronisReports.node.js';
import { byId, calls, credentialsFor, executeContext, loadOptionsContext, sha256 } from './helpers/n8n.mjs';

let sim: Awaited<ReturnType<typeof createSimulator>>;
let credentials: ICredentialDataDecryptedObject;
const nodeType = new AcronisReports();
const run = (params: Parameters<typeof executeContext>[1], options?: Parameters<typeof executeContext>[2]) =>
  nodeType.execute.call(executeContext(credentials, params, options)) as Promise<[INodeExecutionData[]]>;

const monthly = { resource: 'report', operation: 'create', resultAction: 'save', scheduleType: 'monthly', kind: 'usage_summary', level: 'direct_partners', formats: ['csv'] };

beforeAll(async () => {
  sim = await createSimulator({ now: '2026-11-15T12:00:00Z', config: { generationDelayMs: 2000, listDelayMs: 200 } });
  credentials = credentialsFor(sim);
});
afterAll(async () => sim?.close());

describe('Report', () => {
  it('creates a report in the API client\'s own tenant when no tenant is given, one item per input item, paired', async () => {
    const [out] = await run({ ...monthly, tenantId: '', additionalFields: { hideZeroUsage: true } }, { items: [{ json: {} }, { json: {} }] });
    expect(out).toHaveLength(2);
    expect(out!.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
    expect((out![0]!.json.parameters as IDataObject).tenant_id).toBe(sim.tenantId);
    expect((out![0]!.json.parameters as IDataObject).hide_zero_usage).toBe(true);
    expect(sim.control.requests().some((r) => r.method === 'GET' && r.path.startsWith('/api/2/clients/'))).toBe(true);
    expect(JSON.stringify(out)).not.toContain(sim.clientSecret);
    expect(JSON.stringify(out)).not.toContain(String(credentials.accessToken));
  });

  it("hands flat values to core as fields: dates from expressions, any list separator; a bad value fails with core's message naming the field", async () => {
    const oneTime = { ...monthly, scheduleType: 'once', formats: 'csv_v2_0; json_v2_0' };
    const [[created]] = await run({ ...oneTime, tenantId: '', additionalFields: { periodStart: '2026-10-01T00:00:00Z', periodEnd: '2026-10-15T00:00:00+02:00' } });
    expect(created!.json.parameters).toMatchObject({ period: { start: '2026-10-01', end: '2026-10-15' }, formats: ['csv_v2_0', 'json_v2_0'] });
    sim.control.clearRequests();
    const error = await run({ ...oneTime, tenantId: '', additionalFields: { showSkus: 'maybe' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeOperationError);
    expect((error as NodeOperationError).message).toBe('Invalid input: Show SKUs must be true or false (also yes/no or 1/0), got "maybe".');
    const nothing = await run({ resource: 'report', operation: 'update', reportId: byId(String(created!.json.id)), updateFields: {} }).catch((e: unknown) => e);
    expect((nothing as NodeOperationError).message).toBe('Invalid input: Update Fields needs at least one field to change.');
    expect(sim.control.requests().filter((r) => r.path.startsWith('/api/2/reports'))).toEqual([]);
  });

  it('gets, lists (limit and return all), updates and deletes (version looked up) a report', async () => {
    const [[created]] = await run(monthly);
    const id = String(created!.json.id);
    const [[got]] = await run({ resource: 'report', operation: 'get', reportId: byId(id) });
    expect(got!.json.id).toBe(id);
    const [limited] = await run({ resource: 'report', operation: 'getAll', tenantId: '', returnAll: false, limit: 1 });
    expect(limited).toHaveLength(1);
    const [all] = await run({ resource: 'report', operation: 'getAll', tenantId: '', returnAll: true });
    expect(all!.map((item) => item.json.id)).toContain(id);
    const fetched = sim.control.requests().length;
    const [two] = await run({ resource: 'report', operation: 'getAll', tenantId: '', returnAll: false, limit: 2 });
    expect(two!.map((item) => item.json.id)).toEqual(all!.slice(0, 2).map((item) => item.json.id));
    // the ids once, then only the reports asked for
    expect(sim.control.requests().slice(fetched).filter((r) => r.method === 'GET' && /^\/api\/2\/reports\/[^/]+$/.test(r.path))).toHaveLength(2);
    const [[updated]] = await run({ resource: 'report', operation: 'update', reportId: byId(id), updateFields: { enabled: false, kind: 'usage_daily' } });
    expect(updated!.json.schedule).toMatchObject({ enabled: false });
    expect((updated!.json.parameters as IDataObject).kind).toBe('usage_daily');
    expect(Number(updated!.json.version)).toBeGreaterThan(Number(created!.json.version));
    const [[deleted]] = await run({ resource: 'report', operation: 'delete', reportId: byId(id), version: 0 });
    expect(deleted!.json).toEqual({ deleted: true, id });
    await expect(run({ resource: 'report', operation: 'get', reportId: byId(id) })).rejects.toMatchObject({ httpCode: '404' });
  });

  it('turns a stale version into a NodeApiError with the item index and the vendor message, or an error item with Continue On Fail', async () => {
    const [[created]] = await run(monthly);
    const id = String(created!.json.id);
    await run({ resource: 'report', operation: 'update', reportId: byId(id), updateFields: { showSkus: true } });
    const params = (i: number) => (i === 1 ? { resource: 'report', operation: 'delete', reportId: byId(id), version: 1 } : { resource: 'report', operation: 'get', reportId: byId(id) });
    const error = await run(params, { items: [{ json: {} }, { json: {} }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeApiError);
    expect((error as NodeApiError).context.itemIndex).toBe(1);
    expect((error as NodeApiError).httpCode).toBe('409');
    expect((error as NodeApiError).message).toMatch(/^Deleting the report failed \(409: .*Version mismatch/);
    expect((error as NodeApiError).description).not.toMatch(/Version mismatch/); // said once, in the message
    expect((error as NodeApiError).message).not.toMatch(/current version/); // the hint goes to the description
    expect((error as NodeApiError).description).toMatch(/current version/);
    const [out] = await run(params, { items: [{ json: {} }, { json: {} }], continueOnFail: true });
    expect(out![0]!.json.id).toBe(id);
    expect(out![1]).toMatchObject({ pairedItem: { item: 1 } });
    expect(String(out![1]!.json.error)).toMatch(/Deleting the report failed \(409/);
  });

  it('refuses bad input with a NodeOperationError before anything is sent', async () => {
    const before = sim.control.requests().length;
    const error = await run({ resource: 'report', operation: 'get', reportId: byId('not-a-uuid') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeOperationError);
    expect((error as NodeOperationError).context.itemIndex).toBe(0);
    expect(String((error as Error).message)).toMatch(/reportId/);
    expect(sim.control.requests().slice(before).filter((r) => r.path.startsWith('/api/2/reports'))).toHaveLength(0);
  });

  it('creates the billing report, waits and downloads both files decompressed, with file names, MIME types and exact bytes', async () => {
    const streamsBefore = calls.binaryStreams;
    const [out] = await run({ resource: 'report', operation: 'createBilling', tenantId: '', month: '2026-10' }); // waits and downloads by default
    expect(out).toHaveLength(2);
    for (const item of out!) {
      const binary = item.binary!.data!;
      const stored = await sim.control.storedFile(String(item.json.storedReportId));
      expect(sha256(binary)).toBe(stored.sha256);
      expect(Number(binary.fileSize)).toBe(stored.bytes);
      expect(binary.fileName).toBe(item.json.fileName);
      expect(binary.fileName).toMatch(/usage_summary.*2026-10.*\.(csv|json)$/);
      expect(binary.mimeType).toMatch(item.json.format === 'csv_v2_0' ? /^text\/csv/ : /^application\/json/);
      expect(item.pairedItem).toEqual({ item: 0 });
    }
    expect(calls.binaryStreams - streamsBefore).toBe(2);
  });

  it('reads the billing month and switches by core\'s rules: an ISO date-time from an expression, "false" as false; a bad month sends nothing', async () => {
    const [[created]] = await run({
      resource: 'report', operation: 'createBilling', tenantId: '', month: '2026-09-01T00:00:00Z', waitForFiles: false, options: { hideZeroUsage: 'false' },
    });
    expect(created!.json.parameters).toMatchObject({ period: { start: '2026-09-01', end: '2026-09-30' }, hide_zero_usage: false });
    sim.control.clearRequests();
    const error = await run({ resource: 'report', operation: 'createBilling', tenantId: '', month: 'September', waitForFiles: false, options: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeOperationError);
    expect((error as NodeOperationError).message).toMatch(/^Invalid input: Month must be a month as YYYY-MM/);
    expect(sim.control.requests()).toEqual([]);
  });

  it('takes the Data Center URL as people paste it: a trailing slash or /api/2/', async () => {
    const [[created]] = await run(monthly);
    for (const url of [`${sim.baseUrl}/`, `${sim.baseUrl}/api/2/`]) {
      const [[got]] = (await nodeType.execute.call(executeContext({ ...credentials, url }, { resource: 'report', operation: 'get', reportId: byId(String(created!.json.id)) }))) as [INodeExecutionData[]];
      expect(got!.json.id).toBe(created!.json.id);
    }
  });

  it('survives an expired token: n8n\'s preAuthentication runs again once and the request is retried', async () => {
    const [[created]] = await run(monthly);
    const tokensBefore = calls.tokenRequests;
    sim.control.expireTokens();
    const [[got]] = await run({ resource: 'report', operation: 'get', reportId: byId(String(created!.json.id)) });
    expect(got!.json.id).toBe(created!.json.id);
    expect(calls.tokenRequests - tokensBefore).toBe(1);
  });

  it('lists the tenant\'s reports for the report picker', async () => {
    const [[created]] = await run(monthly);
    const result = await nodeType.methods.listSearch.searchReports.call(loadOptionsContext(credentials, { tenantId: '' }));
    expect(result.results.map((entry) => entry.value)).toContain(created!.json.id);
    const filtered = await nodeType.methods.listSearch.searchReports.call(loadOptionsContext(credentials), String(created!.json.id).slice(0, 8));
    expect(filtered.results.map((entry) => entry.value)).toEqual([created!.json.id]);
  });
});

describe('Stored Report', () => {
  let reportId: string;
  beforeAll(async () => {
    const [[created]] = await run({ resource: 'report', operation: 'createBilling', tenantId: '', month: '2026-10', waitForFiles: false, options: {} });
    reportId = String(created!.json.id);
  });

  it('waits until every file is ready, then lists them with format and status filters', async () => {
    const [ready] = await run({ resource: 'storedReport', operation: 'waitUntilReady', reportId: byId(reportId), options: { timeoutMinutes: 1 } });
    expect(ready!.map((item) => [item.json.report_format, item.json.status])).toEqual([
      ['csv_v2_0', 'saved'],
      ['json_v2_0', 'saved'],
    ]);
    const [csv] = await run({ resource: 'storedReport', operation: 'getAll', reportId: byId(reportId), filters: { formats: ['csv_v2_0'], status: 'saved' } });
    expect(csv!.map((item) => item.json.report_format)).toEqual(['csv_v2_0']);
    const [failed] = await run({ resource: 'storedReport', operation: 'getAll', reportId: byId(reportId), filters: { status: 'failed' } });
    expect(failed).toEqual([]);
    // a format filter from an expression is read by core's list rule, and a format that does not exist is refused
    const [both] = await run({ resource: 'storedReport', operation: 'getAll', reportId: byId(reportId), filters: { formats: 'csv_v2_0; json_v2_0' } });
    expect(both!.map((item) => item.json.report_format)).toEqual(['csv_v2_0', 'json_v2_0']);
    sim.control.clearRequests();
    const error = await run({ resource: 'storedReport', operation: 'getAll', reportId: byId(reportId), filters: { formats: 'csv, pdf' } }).catch((e: unknown) => e);
    expect((error as NodeOperationError).message).toBe('Invalid input: Formats must list only csv, html, json_v1, csv_v2_0, json_v2_0; unknown: "pdf".');
    expect(sim.control.requests()).toEqual([]);
  });

  it('fails the wait with a clear error when generation fails', async () => {
    sim.control.addFault({ type: 'fail-generation', format: 'json_v2_0' });
    const [[created]] = await run({ resource: 'report', operation: 'createBilling', tenantId: '', month: '2026-09', waitForFiles: false, options: {} });
    const error = await run({ resource: 'storedReport', operation: 'waitUntilReady', reportId: byId(String(created!.json.id)), options: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeOperationError);
    expect(String((error as Error).message)).toMatch(/failed to generate.*json_v2_0/);
    expect((error as NodeOperationError).description).toMatch(/^Create the report again/);
    expect(String((error as Error).message)).not.toMatch(/Create the report again/);
  });

  it('downloads the newest saved file of a format into a binary property', async () => {
    const [[item]] = await run({ resource: 'storedReport', operation: 'download', reportId: byId(reportId), storedReportId: '', format: 'json_v2_0', output: 'file', binaryPropertyName: 'report' });
    const stored = await sim.control.storedFile(String(item!.json.storedReportId));
    expect(sha256(item!.binary!.report!)).toBe(stored.sha256);
    expect(JSON.parse(Buffer.from(item!.binary!.report!.data, 'base64').toString('utf8'))).toHaveProperty('tenants');
  });

  it('outputs csv_v2_0 and json_v2_0 files as usage rows, the same rows from both', async () => {
    const [csvRows] = await run({ resource: 'storedReport', operation: 'download', reportId: byId(reportId), storedReportId: '', format: 'csv_v2_0', output: 'rows' });
    const [jsonRows] = await run({ resource: 'storedReport', operation: 'download', reportId: byId(reportId), storedReportId: '', format: 'json_v2_0', output: 'rows' });
    expect(csvRows!.length).toBeGreaterThan(0);
    expect(csvRows!.length).toBe(jsonRows!.length);
    expect(csvRows![0]!.json).toMatchObject({ tenantId: expect.any(String), offeringItem: expect.any(String), unit: expect.any(String) });
    expect(csvRows!.every((row) => row.pairedItem && (row.pairedItem as { item: number }).item === 0)).toBe(true);
  });

  it('tells a file that is not ready yet from one that will never exist', async () => {
    const [[created]] = await run({ resource: 'report', operation: 'createBilling', tenantId: '', month: '2026-08', waitForFiles: false, options: {} });
    const id = String(created!.json.id);
    const early = await run({ resource: 'storedReport', operation: 'download', reportId: byId(id), storedReportId: '', format: 'csv_v2_0', output: 'file' }).catch((e: unknown) => e);
    expect(early).toBeInstanceOf(NodeOperationError);
    expect(String((early as Error).message)).toMatch(new RegExp(`^Report ${id} has no (saved )?csv_v2_0 file yet`));
    expect((early as NodeOperationError).description).toMatch(/1 to 2 minutes/);
    const never = await run({ resource: 'storedReport', operation: 'download', reportId: byId(id), storedReportId: '', format: 'html', output: 'file' }).catch((e: unknown) => e);
    expect(never).toBeInstanceOf(NodeOperationError);
    expect(String((never as Error).message)).toMatch(/will never have a html file/);
    expect((never as NodeOperationError).description).toMatch(/Ask for one of csv_v2_0, json_v2_0/);
    const waitNever = await run({ resource: 'storedReport', operation: 'waitUntilReady', reportId: byId(id), options: { formats: ['html'] } }).catch((e: unknown) => e);
    expect(String((waitNever as Error).message)).toMatch(/will never have a html file/);
  });

  it('downloads by stored report id and refuses an id that is not one of the report\'s', async () => {
    const [list] = await run({ resource: 'storedReport', operation: 'getAll', reportId: byId(reportId), filters: {} });
    const storedId = String(list![0]!.json.id);
    const [[item]] = await run({ resource: 'storedReport', operation: 'download', reportId: byId(reportId), storedReportId: storedId, output: 'file', binaryPropertyName: 'data' });
    expect(item!.json.storedReportId).toBe(storedId);
    const error = await run({ resource: 'storedReport', operation: 'download', reportId: byId(reportId), storedReportId: '00000000-0000-4000-8000-000000000000', output: 'file' }).catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/not one of report/);
    const before = sim.control.requests().length;
    const bad = await run({ resource: 'storedReport', operation: 'download', reportId: byId(reportId), storedReportId: 'not-a-uuid', output: 'file' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(NodeOperationError);
    expect(String((bad as Error).message)).toMatch(/storedReportId must be a .*UUID/);
    expect(sim.control.requests().slice(before).filter((r) => r.path.startsWith('/api/2/reports'))).toHaveLength(0);
  });
});
