// Billing lines in n8n (Stored Report: Get Billing Lines, and Create Billing Report with Output: Billing Lines),
// run against the simulator over HTTP: the same lines as core's for the same report, one item per line with
// exactly the line's fields, compare flags, the mapping applied, a bad mapping refused before any request.
import { BILLING_LINE_COLUMNS, createReportsClient, type BillingLine, type ReportsClient } from '@acronis-reports/core/node';
import { createSimulator } from '@acronis-reports/simulator';
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AcronisReports } from '../nodes/AcronisReports/AcronisReports.node.js';
import { byId, credentialsFor, executeContext } from './helpers/n8n.mjs';

let sim: Awaited<ReturnType<typeof createSimulator>>;
let credentials: ICredentialDataDecryptedObject;
let core: ReportsClient;
let october: string;
let september: string;
const nodeType = new AcronisReports();

async function run(params: Parameters<typeof executeContext>[1], options?: Parameters<typeof executeContext>[2]) {
  const ctx = executeContext(credentials, params, options);
  const [out] = (await nodeType.execute.call(ctx)) as [INodeExecutionData[]];
  const hints = ctx.addExecutionHints.mock.calls.flat();
  return { out: out!, lines: out!.map((item) => item.json as unknown as BillingLine), hints };
}

const getLines = (reportId: string, extra: IDataObject = {}) => ({
  resource: 'storedReport',
  operation: 'getBillingLines',
  reportId: byId(reportId),
  previousReportId: { __rl: true, mode: 'list', value: '' },
  mapping: '',
  options: {},
  ...extra,
});

/** Report requests seen by the simulator since `before` (token exchanges and the own-tenant lookup aside). */
const reportRequestsSince = (before: number) => sim.control.requests().slice(before).filter((r) => r.path.startsWith('/api/2/reports'));

beforeAll(async () => {
  sim = await createSimulator({ now: '2026-11-15T12:00:00Z', config: { generationDelayMs: 300, listDelayMs: 50 } });
  credentials = credentialsFor(sim);
  core = createReportsClient({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret });
  const create = async (month: string) => {
    const report = await core.createBillingReport({ month });
    await core.waitForStoredReports(report.id);
    return report.id;
  };
  october = await create('2026-10');
  september = await create('2026-09');
});
afterAll(async () => sim?.close());

describe('Stored Report: Get Billing Lines', () => {
  it("outputs one item per line of core's getBillingLines for the same report, with exactly the line's fields, paired", async () => {
    const { out, lines, hints } = await run(getLines(october), { items: [{ json: {} }, { json: {} }] });
    const expected = (await core.getBillingLines(october)).lines;
    expect(expected.length).toBeGreaterThan(10);
    expect(lines).toEqual([...expected, ...expected]);
    for (const item of out) expect(Object.keys(item.json)).toEqual([...BILLING_LINE_COLUMNS]);
    expect(out.map((item) => (item.pairedItem as { item: number }).item)).toEqual([...expected.map(() => 0), ...expected.map(() => 1)]);
    expect(lines.every((line) => line.flag === null && line.product_code === null)).toBe(true);
    expect(out.every((item) => item.binary === undefined)).toBe(true);
    expect(hints).toEqual([]); // no mapping, nothing to say
  });

  it("compares with the previous month's report: every flag, gone lines kept at 0, the change columns filled", async () => {
    const { lines } = await run(getLines(october, { previousReportId: byId(september) }));
    expect(lines).toEqual((await core.getBillingLines(october, { previousReportId: september })).lines);
    expect(new Set(lines.map((line) => line.flag))).toEqual(new Set(['new', 'gone', 'changed', '']));
    for (const line of lines.filter((candidate) => candidate.flag === 'gone')) expect(line.quantity).toBe(0);
    const changed = lines.find((line) => line.flag === 'changed')!;
    expect(changed.previous_quantity).not.toBeNull();
    expect(Math.abs(changed.change_percent ?? 0)).toBeGreaterThan(25);
    // a higher threshold flags fewer lines as changed
    const { lines: calmer } = await run(getLines(october, { previousReportId: byId(september), options: { changeThreshold: 1000 } }));
    expect(calmer.filter((line) => line.flag === 'changed').length).toBeLessThan(lines.filter((line) => line.flag === 'changed').length);
  });

  it('applies the mapping: customer references, product codes, prices and amounts; ignored items left out; the rest kept and hinted', async () => {
    const plain = (await core.getBillingLines(october)).lines;
    const customer = plain.find((line) => line.tenant_kind === 'customer')!;
    const mapping = {
      customers: { [customer.tenant_id]: 'C-1001', '00000000-0000-4000-8000-000000000001': 'C-GONE' },
      products: [
        { offering_item: 'local_storage', ignore: true },
        { offering_item: 'storage', product_code: 'BK-STOR', unit_price: 0.05 },
        { offering_item: 'no_such_item', product_code: 'NOPE' },
      ],
    };
    const { lines, hints } = await run(getLines(october, { mapping: JSON.stringify(mapping, null, 2) }));
    expect(lines).toEqual((await core.getBillingLines(october, { mapping })).lines);
    expect(lines.some((line) => line.offering_item === 'local_storage')).toBe(false);
    const storage = lines.filter((line) => line.offering_item === 'storage');
    expect(storage.length).toBeGreaterThan(0);
    for (const line of storage) {
      expect(line.product_code).toBe('BK-STOR');
      expect(line.unit_price).toBe(0.05);
      expect(line.amount).toBeCloseTo(Math.round(line.quantity * 0.05 * 100) / 100, 2);
    }
    expect(lines.filter((line) => line.tenant_id === customer.tenant_id).every((line) => line.customer_ref === 'C-1001')).toBe(true);
    // unmapped lines stay, with empty cells, and a hint says how many; entries that match nothing are hinted too
    const unmapped = lines.filter((line) => line.customer_ref === null || line.product_code === null);
    expect(unmapped.length).toBeGreaterThan(0);
    expect(hints).toHaveLength(2);
    expect(hints[0]).toMatchObject({ type: 'warning', location: 'outputPane' });
    expect(hints[0]!.message).toMatch(/ lines could not be fully mapped and are kept with an empty customer_ref or product_code/);
    expect(hints[1]!.message).toMatch(/2 mapping entries match nothing: products\[2\] matches no line.*customers\.00000000-0000-4000-8000-000000000001/);
  });

  it('takes the mapping as an object too (an expression that gives one), and a figure', async () => {
    const mapping = { products: [{ offering_item: '*', product_code: 'ANY' }] };
    const { lines } = await run(getLines(october, { mapping, options: { figure: 'absolute.production', includeZero: true } }));
    expect(lines).toEqual((await core.getBillingLines(october, { mapping, figure: 'absolute.production', includeZero: true })).lines);
    expect(lines.every((line) => line.figure === 'absolute.production' && line.product_code === 'ANY')).toBe(true);
  });

  it('refuses a bad mapping before any request: not JSON, or every problem core finds, naming the field', async () => {
    const before = sim.control.requests().length;
    const notJson = await run(getLines(october, { mapping: '{"products": [' })).catch((error: unknown) => error);
    expect(notJson).toBeInstanceOf(NodeOperationError);
    expect((notJson as NodeOperationError).message).toMatch(/^Mapping \(JSON\) is not valid JSON: /);
    expect((notJson as NodeOperationError).context.itemIndex).toBe(0);
    const bad = { customers: { 'not-a-tenant': 'X' }, products: [{ offering_item: 'storage', unit_price: '0,05', product_code: 'BK' }, { offering_item: 'pc_backup' }], extra: 1 };
    const error = (await run(getLines(october, { mapping: JSON.stringify(bad) })).catch((caught: unknown) => caught)) as NodeOperationError;
    expect(error).toBeInstanceOf(NodeOperationError);
    expect(error.message).toMatch(/^Mapping \(JSON\) has 4 problems: /);
    for (const field of ['extra', 'customers.not-a-tenant', 'products[0].unit_price', 'products[1]']) {
      expect(error.message).toContain(field);
      expect(error.description).toContain(`- ${field}`);
    }
    expect(error.description).toMatch(/^Nothing was sent\./);
    expect(reportRequestsSince(before)).toEqual([]);
  });

  it('refuses a report without csv_v2_0 or json_v2_0 through the node\'s error mapping', async () => {
    const html = await core.createBillingReport({ month: '2026-10', formats: ['csv', 'html'] });
    const error = (await run(getLines(html.id)).catch((caught: unknown) => caught)) as NodeOperationError;
    expect(error).toBeInstanceOf(NodeOperationError);
    expect(error.message).toMatch(/csv_v2_0 or json_v2_0/);
  });

  it('with Continue On Fail, a failing item becomes one error item and the others go on', async () => {
    const params = (i: number) => getLines(october, i === 0 ? { mapping: '{"products": "all"}' } : {});
    const { out } = await run(params, { items: [{ json: {} }, { json: {} }], continueOnFail: true });
    expect(out[0]).toMatchObject({ pairedItem: { item: 0 } });
    expect(String(out[0]!.json.error)).toMatch(/^Mapping \(JSON\) has a problem: products should be an array/);
    expect(out.filter((item) => 'error' in item.json)).toHaveLength(1);
    expect(out.slice(1).length).toBeGreaterThan(10);
    expect(out.slice(1).every((item) => (item.pairedItem as { item: number }).item === 1 && Object.keys(item.json).length === BILLING_LINE_COLUMNS.length)).toBe(true);
  });
});

describe('Report: Create Billing Report, Output: Billing Lines', () => {
  const createLines = (extra: IDataObject = {}) => ({ resource: 'report', operation: 'createBilling', tenantId: '', month: '2026-10', output: 'lines', options: {}, ...extra });

  it('creates both months, compares, maps and deletes in one node: the lines core gives for the same reports', async () => {
    const before = sim.control.requests().length;
    const mapping = { products: [{ offering_item: 'storage', product_code: 'BK-STOR', unit_price: 0.05 }] };
    const { out, lines } = await run(createLines({ compare: true, deleteAfter: true, mapping: JSON.stringify(mapping) }));
    const requests = sim.control.requests().slice(before);
    const created = requests.filter((r) => r.method === 'POST' && r.path === '/api/2/reports');
    const deleted = requests.filter((r) => r.method === 'DELETE');
    expect(created).toHaveLength(2);
    expect(deleted).toHaveLength(2);
    expect(new Set(lines.map((line) => line.flag))).toEqual(new Set(['new', 'gone', 'changed', '']));
    expect(lines.filter((line) => line.offering_item === 'storage' && line.flag !== 'gone').every((line) => line.product_code === 'BK-STOR')).toBe(true);
    for (const item of out) expect(Object.keys(item.json)).toEqual([...BILLING_LINE_COLUMNS]);
    // the same lines as reading the two months' reports made by hand
    expect(lines).toEqual((await core.getBillingLines(october, { previousReportId: september, mapping })).lines);
  });

  it('keeps the report by default and does not compare unless asked', async () => {
    const before = sim.control.requests().length;
    const { lines } = await run(createLines());
    const requests = sim.control.requests().slice(before);
    expect(requests.filter((r) => r.method === 'POST' && r.path === '/api/2/reports')).toHaveLength(1);
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    expect(lines.every((line) => line.flag === null)).toBe(true);
    expect(lines).toEqual((await core.getBillingLines(october)).lines);
  });

  it('refuses a bad mapping before any report is created', async () => {
    const before = sim.control.requests().length;
    const error = (await run(createLines({ compare: true, mapping: '{"products": [{"offering_item": "storage", "unit_price": -1}]}' })).catch((caught: unknown) => caught)) as NodeOperationError;
    expect(error).toBeInstanceOf(NodeOperationError);
    expect(error.message).toMatch(/^Mapping \(JSON\) has 2 problems: .*products\[0\]\.unit_price/);
    expect(reportRequestsSince(before)).toEqual([]);
  });

  it('leaves Output: Files as it was for saved workflows (no output parameter)', async () => {
    const { out } = await run({ resource: 'report', operation: 'createBilling', tenantId: '', month: '2026-10', waitForFiles: false, options: {} });
    expect(out).toHaveLength(1);
    expect(out[0]!.json).toMatchObject({ id: expect.any(String), parameters: expect.objectContaining({ formats: ['csv_v2_0', 'json_v2_0'] }) });
  });
});
