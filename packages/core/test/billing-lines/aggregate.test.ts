// The rules of a billing line: its key, sums over infra, own rows only, figure, units and rounding, zeros.
import { describe, expect, it } from 'vitest';
import { CUSTOMER_A, CUSTOMER_B, GIB, INFRA_1, INFRA_2, PARTNER, linesOf } from './rows.js';

describe('billing lines: key and sums', () => {
  it('makes one line per tenant, offering item, edition, backend type and SKU', async () => {
    const { lines } = await linesOf([
      { item: 'pc_backup', edition: 'standard', absolute: [3, 3, 0] },
      { item: 'pc_backup', edition: 'advanced', absolute: [4, 4, 0] },
      { item: 'storage', infra: INFRA_1, backend: 'acronis', absolute: [GIB, GIB, 0] },
      { item: 'storage', infra: INFRA_2, backend: 'google', absolute: [2 * GIB, 2 * GIB, 0] },
      { item: 'vm_backup', sku: 'SKU-1', absolute: [1, 1, 0] },
      { item: 'vm_backup', sku: 'SKU-2', absolute: [2, 2, 0] },
      { item: 'vm_backup', absolute: [5, 5, 0] },
    ]);
    expect(lines.map((l) => [l.offering_item, l.edition, l.backend_type, l.sku, l.quantity])).toEqual([
      ['pc_backup', 'advanced', '', '', 4],
      ['pc_backup', 'standard', '', '', 3],
      ['storage', 'standard', 'acronis', '', 1],
      ['storage', 'standard', 'google', '', 2],
      ['vm_backup', 'standard', '', '', 5],
      ['vm_backup', 'standard', '', 'SKU-1', 1],
      ['vm_backup', 'standard', '', 'SKU-2', 2],
    ]);
  });

  it('sums a line over infra.id, and a repeated infra.id replaces its earlier row (as the vendor module does)', async () => {
    const { lines, counts } = await linesOf([
      { item: 'storage', infra: INFRA_1, backend: 'acronis', absolute: [GIB, GIB, 0] },
      { item: 'storage', infra: INFRA_2, backend: 'acronis', absolute: [2 * GIB, 2 * GIB, 0] },
      { item: 'storage', infra: INFRA_1, backend: 'acronis', absolute: [4 * GIB, 4 * GIB, 0] },
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.quantity).toBe(6);
    expect(counts.rows).toBe(3);
  });

  it('bills every tenant from its own rows only: a partner is not the sum of its customers', async () => {
    const { lines } = await linesOf([
      { tenant: CUSTOMER_A, tenantName: 'Alpha', item: 'pc_backup', absolute: [3, 3, 0] },
      { tenant: CUSTOMER_B, tenantName: 'Beta', item: 'pc_backup', absolute: [4, 4, 0] },
      { tenant: PARTNER, kind: 'partner', tenantName: 'Reseller', item: 'pc_backup', absolute: [10, 10, 0] },
    ]);
    expect(lines.map((l) => [l.tenant_name, l.tenant_kind, l.quantity])).toEqual([
      ['Alpha', 'customer', 3],
      ['Beta', 'customer', 4],
      ['Reseller', 'partner', 10],
    ]);
  });
});

describe('billing lines: which figure', () => {
  const rows = [
    { tenant: CUSTOMER_A, item: 'pc_backup', absolute: [3, 5, 2], delta: [1, 1, 0], effective: [7, 8, 1] },
    { tenant: PARTNER, kind: 'partner', tenantName: 'Reseller', item: 'pc_backup', absolute: [3, 5, 2], delta: [1, 1, 0], effective: [7, 8, 1] },
    { tenant: CUSTOMER_A, item: 'compute_points', infra: INFRA_1, absolute: [36000, 72000, 36000], delta: [3600, 7200, 3600] },
    { tenant: PARTNER, kind: 'partner', tenantName: 'Reseller', item: 'pw_compute_points', infra: INFRA_1, absolute: [36000, 72000, 36000], delta: [3600, 7200, 3600] },
  ] as const satisfies Parameters<typeof linesOf>[0];

  it('bills absolute.total for customers, absolute.production for other kinds, and delta for compute points', async () => {
    const { lines } = await linesOf([...rows]);
    expect(lines.map((l) => [l.tenant_kind, l.offering_item, l.figure, l.quantity])).toEqual([
      ['customer', 'compute_points', 'delta.total', 2],
      ['customer', 'pc_backup', 'absolute.total', 5],
      ['partner', 'pc_backup', 'absolute.production', 3],
      ['partner', 'pw_compute_points', 'delta.production', 1],
    ]);
  });

  it('bills the figure the caller chooses, and says so on every line', async () => {
    const { lines } = await linesOf([...rows], { figure: 'effective.production' });
    expect(lines.map((l) => [l.offering_item, l.figure, l.quantity])).toEqual([
      ['compute_points', 'effective.production', 10],
      ['pc_backup', 'effective.production', 7],
      ['pc_backup', 'effective.production', 7],
      ['pw_compute_points', 'effective.production', 10],
    ]);
  });

  it('refuses to bill delta from a row without change figures, naming the row', async () => {
    await expect(linesOf([{ item: 'compute_points', absolute: [3600, 3600, 0], delta: null }])).rejects.toThrow(
      /tenant aaaaaaaa-0000-4000-8000-000000000001, offering item compute_points, has no delta figures/,
    );
  });
});

describe('billing lines: units and rounding', () => {
  it('bills storage in binary GB: bytes / 1024^3, raw_quantity keeps the bytes', async () => {
    const { lines } = await linesOf([{ item: 'storage', unit: 'bytes', absolute: [1.5 * GIB, 1.5 * GIB, 0] }]);
    expect(lines[0]).toMatchObject({ unit: 'GB', quantity: 1.5, raw_quantity: 1.5 * GIB, raw_unit: 'bytes' });
  });

  it('converts compute-point seconds once: the summed seconds / 3600, raw_quantity in seconds, unrounded', async () => {
    // 4 infra rows of 18 s: each alone is 0.005 points, which per-row rounding would make 0.04 in all
    const { lines } = await linesOf(
      [INFRA_1, INFRA_2, 'x-3', 'x-4'].map((infra) => ({ item: 'compute_points', unit: 'seconds', infra, absolute: [0, 0, 0], delta: [18, 18, 0] })),
    );
    expect(lines[0]).toMatchObject({ unit: 'points', quantity: 0.02, raw_quantity: 72, raw_unit: 'seconds', figure: 'delta.total' });
  });

  it('infers the file unit from the item name when the file has no measurement_unit column value', async () => {
    const { lines } = await linesOf([
      { item: 'storage', absolute: [GIB, GIB, 0] },
      { item: 'compute_points', absolute: [0, 0, 0], delta: [5400, 5400, 0] },
      { item: 'pc_backup', absolute: [7, 7, 0] },
    ]);
    expect(lines.map((l) => [l.offering_item, l.unit, l.raw_unit, l.quantity])).toEqual([
      ['compute_points', 'points', 'seconds', 1.5],
      ['pc_backup', 'count', 'quantity', 7],
      ['storage', 'GB', 'bytes', 1],
    ]);
  });

  it('rounds quantities half up to 2 decimals', async () => {
    const { lines } = await linesOf([
      { item: 'storage', absolute: [1.125 * GIB, 1.125 * GIB, 0] }, // 1.125 -> 1.13 (half even would say 1.12)
      { item: 'local_storage', absolute: [1.1249 * GIB, 1.1249 * GIB, 0] },
      { item: 'compute_points', absolute: [0, 0, 0], delta: [18, 18, 0] }, // 0.005 points -> 0.01
    ]);
    expect(lines.map((l) => [l.offering_item, l.quantity])).toEqual([
      ['compute_points', 0.01],
      ['local_storage', 1.12],
      ['storage', 1.13],
    ]);
    expect(lines[1]!.raw_quantity).toBe(1.1249 * GIB);
  });

  it('leaves out lines whose quantity is 0, unless asked, and counts them', async () => {
    const rows = [
      { item: 'pc_backup', absolute: [0, 0, 0] as [number, number, number] },
      { item: 'storage', absolute: [1000, 1000, 0] as [number, number, number] }, // 0.000001 GB rounds to 0
      { item: 'vm_backup', absolute: [2, 2, 0] as [number, number, number] },
    ];
    const left = await linesOf(rows);
    expect(left.lines.map((l) => l.offering_item)).toEqual(['vm_backup']);
    expect(left.counts.zeroLeftOut).toBe(2);
    const all = await linesOf(rows, { includeZero: true });
    expect(all.lines.map((l) => [l.offering_item, l.quantity])).toEqual([['pc_backup', 0], ['storage', 0], ['vm_backup', 2]]);
    expect(all.counts.zeroLeftOut).toBe(0);
  });
});
