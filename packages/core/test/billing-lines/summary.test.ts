// The month at a glance (top customers, top items, biggest changes), a page of tenants, and the month's report.
import { describe, expect, it } from 'vitest';
import { billingLinesPage, billingReportOfMonth, summarizeBillingLines, type BillingLine, type Report } from '../../src/index.js';

function line(overrides: Partial<BillingLine>): BillingLine {
  return {
    tenant_id: 't-a', tenant_name: 'Alpha', tenant_kind: 'customer', offering_item: 'pc_backup', edition: 'standard', backend_type: '', sku: '',
    unit: 'count', quantity: 1, raw_quantity: 1, raw_unit: 'quantity', figure: 'absolute.total', customer_ref: null, product_code: null,
    unit_price: null, amount: null, previous_quantity: null, change: null, change_percent: null, flag: null, ...overrides,
  };
}

const alpha = { tenant_id: 't-a', tenant_name: 'Alpha' };
const beta = { tenant_id: 't-b', tenant_name: 'Beta' };
const gamma = { tenant_id: 't-c', tenant_name: 'Gamma' };

describe('summarizeBillingLines', () => {
  it('ranks customers and items by amount when lines are priced, and sums an item over tenants', () => {
    const summary = summarizeBillingLines([
      line({ ...alpha, quantity: 10, amount: 50, customer_ref: 'C-1' }),
      line({ ...alpha, offering_item: 'storage', unit: 'GB', quantity: 100.5, amount: 10.25 }),
      line({ ...beta, quantity: 3, amount: 90, customer_ref: 'C-2' }),
      line({ ...gamma, offering_item: 'storage', unit: 'GB', quantity: 0.25, amount: null }),
    ]);
    expect(summary.rankedBy).toBe('amount');
    expect(summary.totals).toEqual({ lines: 4, tenants: 3, amount: 150.25 });
    expect(summary.customers.map((c) => [c.customer_ref ?? c.tenant_name, c.amount, c.lines])).toEqual([
      ['C-2', 90, 1],
      ['C-1', 60.25, 2],
      ['Gamma', null, 1],
    ]);
    expect(summary.items.map((i) => [i.offering_item, i.quantity, i.tenants, i.amount])).toEqual([
      ['pc_backup', 13, 2, 140],
      ['storage', 100.75, 2, 10.25],
    ]);
    expect(summary.flags).toBeNull();
    expect(summary.changes).toEqual([]);
  });

  it('without prices ranks by size: customers by lines, items by tenants then quantity', () => {
    const summary = summarizeBillingLines([
      line({ ...alpha, quantity: 500 }),
      line({ ...beta, quantity: 2 }),
      line({ ...beta, offering_item: 'vm_backup', quantity: 1 }),
      line({ ...gamma, offering_item: 'vm_backup', quantity: 4 }),
      line({ ...gamma, offering_item: 'mailbox', quantity: 900 }),
      line({ ...gamma, offering_item: 'storage', unit: 'GB', quantity: 9 }),
    ], { top: 2 });
    expect(summary.rankedBy).toBe('size');
    expect(summary.totals.amount).toBeNull();
    expect(summary.customers.map((c) => c.tenant_name)).toEqual(['Gamma', 'Beta']);
    expect(summary.items.map((i) => [i.offering_item, i.quantity])).toEqual([['pc_backup', 502], ['vm_backup', 5]]);
  });

  it('counts the flags, leaves gone lines out of the items, and puts the biggest change first', () => {
    const summary = summarizeBillingLines([
      line({ ...alpha, quantity: 12, previous_quantity: 10, change: 2, change_percent: 20, flag: '' }),
      line({ ...alpha, offering_item: 'storage', unit: 'GB', quantity: 0, previous_quantity: 40, change: -40, change_percent: -100, flag: 'gone' }),
      line({ ...beta, quantity: 30, previous_quantity: 10, change: 20, change_percent: 200, flag: 'changed' }),
      line({ ...gamma, quantity: 5, flag: 'new' }),
    ]);
    expect(summary.flags).toEqual({ new: 1, gone: 1, changed: 1, unchanged: 1 });
    expect(summary.changes.map((c) => [c.tenant_name, c.flag])).toEqual([['Beta', 'changed'], ['Alpha', 'gone'], ['Gamma', 'new']]);
    expect(summary.items.map((i) => i.offering_item)).toEqual(['pc_backup']);
    expect(summary.customers.find((c) => c.tenant_id === 't-a')!.flagged).toBe(1);
  });
});

describe('billingLinesPage', () => {
  const lines = [line({ ...alpha }), line({ ...alpha, offering_item: 'storage' }), line({ ...beta, customer_ref: 'C-2' }), line({ ...gamma })];

  it('pages by tenant, never splitting one, and says where the next page starts', () => {
    const first = billingLinesPage(lines, { limit: 1 });
    expect(first.lines.map((l) => l.offering_item)).toEqual(['pc_backup', 'storage']);
    expect(first.tenants).toEqual({ total: 3, offset: 0, returned: 1, nextOffset: 1 });
    const last = billingLinesPage(lines, { offset: 1, limit: 5 });
    expect(last.lines.map((l) => l.tenant_name)).toEqual(['Beta', 'Gamma']);
    expect(last.tenants.nextOffset).toBeNull();
  });

  it('selects tenants by id, name or customer reference and names what matched nothing', () => {
    const page = billingLinesPage(lines, { tenants: ['c-2', 'GAMMA', 'nobody'] });
    expect(page.lines.map((l) => l.tenant_name)).toEqual(['Beta', 'Gamma']);
    expect(page.unmatched).toEqual(['nobody']);
  });
});

describe('billingReportOfMonth', () => {
  const report = (id: string, version: number, parameters: Partial<Report['parameters']>, resultAction: 'save' | 'send' = 'save'): Report =>
    ({
      id, version, result_action: resultAction, recipients: [], schedule: { type: 'once' },
      parameters: { tenant_id: 't', kind: 'usage_summary', level: 'direct_partners', formats: ['csv_v2_0'], period: { start: '2026-10-01', end: '2026-10-31' }, ...parameters },
    }) as Report;

  it('takes a stored usage summary of exactly that month in a line format, the newest version first', () => {
    const reports = [
      report('daily', 9, { kind: 'usage_daily' }),
      report('html-only', 9, { formats: ['html'] }),
      report('partial', 9, { period: { start: '2026-10-01', end: '2026-10-15' } }),
      report('sent', 9, {}, 'send'),
      report('older', 1, {}),
      report('newer', 2, { formats: ['json_v2_0'] }),
      report('all-customers', 5, { level: 'all_customers' }),
    ];
    expect(billingReportOfMonth(reports, '2026-10', { level: 'direct_partners' })?.id).toBe('newer');
    expect(billingReportOfMonth(reports, '2026-10')?.id).toBe('all-customers');
    expect(billingReportOfMonth(reports, '2026-09')).toBeNull();
  });
});
