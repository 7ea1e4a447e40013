// Month over month: previous_quantity, change, change_percent and the flags new, gone, changed and empty.
import { describe, expect, it } from 'vitest';
import { compareWithPrevious, type BillingLine } from '../../src/index.js';
import { CUSTOMER_A, CUSTOMER_B, linesOf, type Row } from './rows.js';

const lastMonth: Row[] = [
  { tenant: CUSTOMER_A, tenantName: 'Alpha', item: 'pc_backup', absolute: [10, 10, 0] },
  { tenant: CUSTOMER_A, tenantName: 'Alpha', item: 'vm_backup', absolute: [4, 4, 0] },
  { tenant: CUSTOMER_A, tenantName: 'Alpha', item: 'server_backup', absolute: [4, 4, 0] },
  { tenant: CUSTOMER_A, tenantName: 'Alpha', item: 'mailbox', absolute: [8, 8, 0] },
  { tenant: CUSTOMER_B, tenantName: 'Beta', item: 'pc_backup', absolute: [2, 2, 0] },
];
const thisMonth: Row[] = [
  { tenant: CUSTOMER_A, tenantName: 'Alpha', item: 'pc_backup', absolute: [12.5, 12.5, 0] }, // +25 %: not beyond
  { tenant: CUSTOMER_A, tenantName: 'Alpha', item: 'vm_backup', absolute: [5.01, 5.01, 0] }, // +25.25 %
  { tenant: CUSTOMER_A, tenantName: 'Alpha', item: 'server_backup', absolute: [2, 2, 0] }, // -50 %
  { tenant: CUSTOMER_A, tenantName: 'Alpha', item: 'm365_seats', absolute: [3, 3, 0] },
  { tenant: CUSTOMER_B, tenantName: 'Beta', item: 'pc_backup', absolute: [0, 0, 0] },
];

const view = (lines: BillingLine[]) =>
  lines.map((l) => [l.tenant_name, l.offering_item, l.quantity, l.previous_quantity, l.change, l.change_percent, l.flag]);

describe('billing lines: compare with the previous month', () => {
  it('fills previous_quantity, change, change_percent and flags new, gone, changed and empty', async () => {
    const previous = (await linesOf(lastMonth)).lines;
    const { lines } = await linesOf(thisMonth, { previous });
    expect(view(lines)).toEqual([
      ['Alpha', 'm365_seats', 3, null, null, null, 'new'],
      ['Alpha', 'mailbox', 0, 8, -8, -100, 'gone'],
      ['Alpha', 'pc_backup', 12.5, 10, 2.5, 25, ''],
      ['Alpha', 'server_backup', 2, 4, -2, -50, 'changed'],
      ['Alpha', 'vm_backup', 5.01, 4, 1.01, 25.25, 'changed'],
      ['Beta', 'pc_backup', 0, 2, -2, -100, 'gone'],
    ]);
  });

  it('keeps a gone line with the previous fields and a quantity of 0', async () => {
    const previous = (await linesOf(lastMonth)).lines;
    const { lines } = await linesOf(thisMonth, { previous });
    expect(lines.find((l) => l.offering_item === 'mailbox')).toMatchObject({ tenant_id: CUSTOMER_A, unit: 'count', raw_quantity: 0, figure: 'absolute.total' });
  });

  it('takes another threshold when given', async () => {
    const previous = (await linesOf(lastMonth)).lines;
    const { lines } = await linesOf(thisMonth, { previous, changeThreshold: 20 });
    expect(lines.find((l) => l.offering_item === 'pc_backup' && l.tenant_name === 'Alpha')!.flag).toBe('changed');
  });

  it('leaves the change columns empty without a previous month', async () => {
    const { lines } = await linesOf(thisMonth);
    expect(lines.every((l) => l.previous_quantity === null && l.change === null && l.change_percent === null && l.flag === null)).toBe(true);
  });

  it('flags a rise from 0 as changed, with no percent', async () => {
    const previous = (await linesOf([{ item: 'pc_backup', absolute: [0, 0, 0] }], { includeZero: true })).lines;
    const lines = compareWithPrevious((await linesOf([{ item: 'pc_backup', absolute: [1, 1, 0] }])).lines, previous);
    expect(view(lines)).toEqual([['Alpha GmbH', 'pc_backup', 1, 0, 1, null, 'changed']]);
  });
});
