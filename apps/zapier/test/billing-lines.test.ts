// Find Billing Lines through Zapier's app tester, against the simulator over HTTP: core's lines as line items,
// compared and mapped, one customer at a time, and every bad input refused before a request.
import { createReportsClient, type BillingLine } from '@acronis-reports/core';
import type { Simulator } from '@acronis-reports/simulator';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerLimits } from '../src/billing-lines.js';
import { perform as findBillingLines } from '../src/searches/findBillingLines.js';
import { allowLoopback, apiRequests, appTester, connect, startSimulator } from './support.js';

let sim: Simulator;
let authData: Record<string, string>;
let october: string;
let september: string;
type Answer = Record<string, unknown> & { lines: BillingLine[] };
const run = (inputData: Record<string, unknown>) => appTester(findBillingLines as never, { authData, inputData }) as Promise<Answer[]>;

const mapping = {
  customers: {},
  products: [{ offering_item: 'local_storage', ignore: true }, { offering_item: 'storage', product_code: 'BK-STOR', unit_price: 0.05 }, { offering_item: 'no_such_item', product_code: 'X' }],
};

const core = () => createReportsClient({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret });

beforeAll(async () => {
  allowLoopback();
  sim = await startSimulator();
  authData = await connect(sim);
  const client = core();
  const made = await Promise.all(['2026-10', '2026-09'].map((month) => client.createBillingReport({ month })));
  await Promise.all(made.map((report) => client.waitForStoredReports(report.id)));
  [october, september] = made.map((report) => report.id) as [string, string];
});
afterEach(() => {
  sim.control.clearFaults();
  answerLimits.maxBytes = 5_500_000;
});
afterAll(async () => {
  nock.enableNetConnect();
  await sim?.close();
});

describe('Find Billing Lines', () => {
  it('gives core\u2019s billing lines of the report as line items, with the report\u2019s period', async () => {
    const [answer] = await run({ reportId: october });
    const expected = await core().getBillingLines(october);
    expect(answer!.lines).toEqual(expected.lines);
    expect(answer).toMatchObject({ id: october, report_id: october, file_format: 'csv_v2_0', period_start: '2026-10-01', period_end: '2026-10-31', line_count: expected.lines.length, total_amount: null, compared_with_report_id: null });
    expect(answer!.line_count).toBeGreaterThan(10);
  });

  it('maps and compares with last month: product codes, amounts, a total, every flag, unused rules named', async () => {
    const [answer] = await run({ reportId: october, previousReportId: september, mapping: JSON.stringify(mapping) });
    const lines = answer!.lines;
    expect(answer!['compared_with_report_id']).toBe(september);
    expect(new Set(lines.map((line) => line.flag))).toEqual(new Set(['new', 'gone', 'changed', '']));
    expect(lines.some((line) => line.offering_item === 'local_storage')).toBe(false);
    const storage = lines.filter((line) => line.offering_item === 'storage');
    expect(storage.length).toBeGreaterThan(0);
    for (const line of storage) expect(line).toMatchObject({ product_code: 'BK-STOR', unit_price: 0.05 });
    const total = Math.round(storage.reduce((sum, line) => sum + line.amount!, 0) * 100) / 100;
    expect(answer!['total_amount']).toBeCloseTo(total, 2);
    // every line lacks a customer (no customers mapped); those without a product code are a second exception each
    const unmapped = lines.filter((line) => line.customer_ref === null).length + lines.filter((line) => line.product_code === null).length;
    expect(answer!['exception_count']).toBe(unmapped);
    expect(answer!['unused_mapping']).toMatch(/products\[2\]/);
  });

  it('gives one customer\u2019s lines by tenant id or by its reference in the mapping, and nothing for an unknown one', async () => {
    const [all] = await run({ reportId: october });
    const tenant = all!.lines.find((line) => line.tenant_kind === 'customer')!.tenant_id;
    const [byId] = await run({ reportId: october, customer: tenant });
    expect(byId!.lines.length).toBeGreaterThan(0);
    expect(byId!.lines.every((line) => line.tenant_id === tenant)).toBe(true);
    expect(byId!['line_count']).toBe(byId!.lines.length);
    const [byRef] = await run({ reportId: october, customer: 'ACME-001', mapping: JSON.stringify({ customers: { [tenant]: 'ACME-001' } }) });
    expect(byRef!.lines.map((line) => line.tenant_id)).toEqual(byId!.lines.map((line) => line.tenant_id));
    expect(byRef!.lines.every((line) => line.customer_ref === 'ACME-001')).toBe(true);
    await expect(run({ reportId: october, customer: 'NOBODY' })).resolves.toEqual([]);
  });

  it('refuses a mapping that is not JSON, or not a valid mapping, a bad threshold and a bad figure, before any request', async () => {
    sim.control.clearRequests();
    await expect(run({ reportId: october, mapping: '{customers: }' })).rejects.toThrow(/Mapping \(JSON\) is not JSON/);
    await expect(run({ reportId: october, mapping: '{"products": [{"offering_item": "storage", "unit_price": "cheap"}]}' })).rejects.toThrow(/products\[0\]\.unit_price/);
    await expect(run({ reportId: october, changeThreshold: 'a lot' })).rejects.toThrow(/Change Threshold \(%\) must be a number above 0/);
    await expect(run({ reportId: october, includeZero: 'maybe' })).rejects.toThrow(/Include Zero Lines must be yes or no/);
    await expect(run({ reportId: october, figure: 'absolute.everything' })).rejects.toThrow(/figure must be one of/);
    await expect(run({ reportId: 'last-month' })).rejects.toThrow(/reportId/);
    expect(apiRequests(sim)).toEqual([]);
  });

  it('says a file still being generated is not ready, with what to do, well within Zapier\u2019s 30 s', async () => {
    sim.control.updateConfig({ generationDelayMs: 600_000 });
    try {
      const report = await core().createBillingReport({ month: '2026-08' });
      const started = Date.now();
      await expect(run({ reportId: report.id })).rejects.toThrow(/not ready yet.*Delay by Zapier/);
      expect(Date.now() - started).toBeLessThan(26_000);
    } finally {
      sim.control.updateConfig({ generationDelayMs: 2000 });
    }
  }, 60_000);

  it('reads a file of thousands of customers whole through z.request (node-fetch\u2019s own gunzip stalled past half a megabyte)', async () => {
    sim.control.updateConfig({ fileTargetBytes: 2_000_000 });
    try {
      const client = core();
      const big = await client.createBillingReport({ month: '2026-07', formats: ['csv_v2_0'] });
      await client.waitForStoredReports(big.id, { timeoutMs: 120_000 });
      const expected = await client.getBillingLines(big.id);
      expect(expected.counts.rows).toBeGreaterThan(5000);
      const customer = expected.lines[expected.lines.length - 1]!.tenant_id;
      const [answer] = await run({ reportId: big.id, customer });
      expect(answer!.lines).toEqual(expected.lines.filter((line) => line.tenant_id === customer));
    } finally {
      sim.control.updateConfig({ fileTargetBytes: null });
    }
  }, 60_000);

  it('refuses an answer too big for the next step, and says how to make it smaller', async () => {
    answerLimits.maxBytes = 2000;
    await expect(run({ reportId: october })).rejects.toThrow(/billing lines take .* MB, more than Zapier passes to the next step.*Set Customer/);
  });
});
