// The mapping: customer references, product rules, prices and amounts, exceptions, and its validation.
import { describe, expect, it } from 'vitest';
import { BillingMappingError, parseBillingMapping, ValidationError } from '../../src/index.js';
import { billingLinesOfFile } from '../../src/index.js';
import { CUSTOMER_A, CUSTOMER_B, GIB, INFRA_1, linesOf, type Row } from './rows.js';

const rows: Row[] = [
  { tenant: CUSTOMER_A, tenantName: 'Alpha', item: 'storage', infra: INFRA_1, backend: 'google', absolute: [10 * GIB, 10 * GIB, 0] },
  { tenant: CUSTOMER_A, tenantName: 'Alpha', item: 'local_storage', absolute: [5 * GIB, 5 * GIB, 0] },
  { tenant: CUSTOMER_A, tenantName: 'Alpha', item: 'pw_compute_points', infra: INFRA_1, absolute: [0, 0, 0], delta: [3 * 3600, 3 * 3600, 0] },
  { tenant: CUSTOMER_B, tenantName: 'Beta', item: 'pc_backup', sku: 'SP1AWENS', absolute: [3, 3, 0] },
  { tenant: CUSTOMER_B, tenantName: 'Beta', item: 'mailbox', absolute: [7, 7, 0] },
];

const mapping = {
  customers: { [CUSTOMER_A]: 'ACME-001' },
  products: [
    { offering_item: 'local_storage', ignore: true },
    { offering_item: 'storage', backend_type: 'google', product_code: 'BK-GCS', unit_price: 0.333 },
    { offering_item: 'storage', product_code: 'BK-ANY' },
    { offering_item: '*compute_points', product_code: 'DR-CP', unit_price: 0.5 },
    { sku: 'SP1AWENS', product_code: 'WS', unit_price: 1.995 },
    { offering_item: 'notary_storage', product_code: 'NOTARY' },
  ],
};

describe('billing lines: mapping', () => {
  it('sets customer_ref, product_code, unit_price and amount = quantity x price to 2 decimals; the first matching rule wins', async () => {
    const { lines } = await linesOf(rows, { mapping });
    expect(lines.map((l) => [l.tenant_name, l.offering_item, l.customer_ref, l.product_code, l.unit_price, l.amount])).toEqual([
      ['Alpha', 'pw_compute_points', 'ACME-001', 'DR-CP', 0.5, 1.5],
      ['Alpha', 'storage', 'ACME-001', 'BK-GCS', 0.333, 3.33],
      ['Beta', 'mailbox', null, null, null, null],
      ['Beta', 'pc_backup', null, 'WS', 1.995, 5.99], // 5.985 rounds half up
    ]);
  });

  it('leaves out what a rule ignores, and counts it', async () => {
    const { lines, counts } = await linesOf(rows, { mapping });
    expect(lines.some((l) => l.offering_item === 'local_storage')).toBe(false);
    expect(counts.ignored).toBe(1);
  });

  it('keeps what is not mapped and lists it as an exception, never drops it', async () => {
    const { lines, exceptions } = await linesOf(rows, { mapping });
    expect(lines).toHaveLength(4);
    expect(exceptions.map((e) => [e.reason, e.tenant_name, e.offering_item])).toEqual([
      ['unmapped_tenant', 'Beta', 'pc_backup'],
      ['unmapped_tenant', 'Beta', 'mailbox'],
      ['unmapped_product', 'Beta', 'mailbox'],
    ]);
    expect(exceptions[2]!.message).toContain('no product rule matches offering_item mailbox');
  });

  it('reports rules and customers that match nothing in the file', async () => {
    const { unusedMapping } = await linesOf(rows, {
      mapping: { ...mapping, customers: { ...mapping.customers, '99999999-0000-4000-8000-000000000009': 'OLD-9' } },
    });
    expect(unusedMapping).toEqual([
      { field: 'products[2]', message: 'matches no line of this report' },
      { field: 'products[5]', message: 'matches no line of this report' },
      { field: 'customers.99999999-0000-4000-8000-000000000009', message: 'names no tenant with billed lines in this report' },
    ]);
  });

  it('without a customers part, only products are mapped and no tenant is an exception', async () => {
    const { exceptions } = await linesOf(rows, { mapping: { products: mapping.products } });
    expect(exceptions.map((e) => e.reason)).toEqual(['unmapped_product']);
  });
});

describe('billing lines: mapping validation', () => {
  const issuesOf = (input: unknown): string[] => {
    try {
      parseBillingMapping(input);
    } catch (error) {
      expect(error).toBeInstanceOf(BillingMappingError);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as BillingMappingError).issues.map((issue) => `${issue.field} ${issue.message}`);
    }
    throw new Error('the mapping was accepted');
  };

  it('lists every problem at once: unknown keys, bad prices, missing product codes, bad tenant ids', () => {
    expect(
      issuesOf({
        customer: {},
        customers: { 'not-a-uuid': 'X', [CUSTOMER_A]: '' },
        products: [
          { offering_item: 'storage', product_code: 'S', unit_price: '0.05' },
          { offering_item: 'storage', product_code: 'S', unit_price: -1 },
          { offering_item: 'storage', prodct_code: 'S' },
          { offering_item: 'local_storage', ignore: true, product_code: 'L' },
          { offering_item: 7, product_code: 'N' },
          'storage',
        ],
      }),
    ).toEqual([
      'customer is not a known key (known: customers, products, note)',
      'customers.not-a-uuid is not a tenant id (a UUID)',
      `customers.${CUSTOMER_A} should be a non-empty string, the customer reference`,
      'products[0].unit_price should be a number of 0 or more, got "0.05" (write 0.05 without quotes, a dot for decimals)',
      'products[1].unit_price should be a number of 0 or more, got -1',
      'products[2].prodct_code is not a known key (known: offering_item, edition, backend_type, sku, product_code, unit_price, ignore, note)',
      'products[2].product_code is required (or "ignore": true to leave the lines out)',
      'products[3] ignores its lines, so it cannot also give a product_code or unit_price',
      'products[4].offering_item should be a string',
      'products[5] should be an object',
    ]);
  });

  it('refuses a mapping that is not an object, and says so in the error message', () => {
    expect(() => parseBillingMapping([])).toThrow(/Invalid input: mapping should be a JSON object/);
  });

  it('fails before reading the file when the mapping is bad', async () => {
    let pulled = false;
    const file = new ReadableStream<Uint8Array>({ pull: () => void (pulled = true) }, { highWaterMark: 0 });
    await expect(billingLinesOfFile(file, 'csv_v2_0', { mapping: { products: [{ offering_item: 'storage' }] } })).rejects.toBeInstanceOf(BillingMappingError);
    expect(pulled).toBe(false);
  });
});
