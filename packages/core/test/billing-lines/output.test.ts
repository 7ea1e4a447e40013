// billing-lines.csv and .json: exact columns in order, sorting, quoting, decimals, empty cells.
import { describe, expect, it } from 'vitest';
import { billingLinesCsv, billingLinesJson, BILLING_LINE_COLUMNS } from '../../src/index.js';
import { CUSTOMER_A, CUSTOMER_B, GIB, INFRA_1, PARTNER, linesOf } from './rows.js';

const HEADER =
  'tenant_id,tenant_name,tenant_kind,offering_item,edition,backend_type,sku,unit,quantity,raw_quantity,raw_unit,figure,' +
  'customer_ref,product_code,unit_price,amount,previous_quantity,change,change_percent,flag';

describe('billing-lines.csv and billing-lines.json', () => {
  it('writes exactly the columns of the issue, in order', () => {
    expect(BILLING_LINE_COLUMNS.join(',')).toBe(HEADER);
    expect(billingLinesCsv([])).toBe(`${HEADER}\r\n`);
  });

  it('sorts by tenant name then offering item, quotes what needs quoting, and leaves cells empty where nothing applies', async () => {
    const { lines } = await linesOf(
      [
        { tenant: PARTNER, kind: 'partner', tenantName: 'Zeta "Resale", Ltd', item: 'pc_backup', sku: 'SP1AWENS', absolute: [3, 3, 0] },
        { tenant: CUSTOMER_B, tenantName: 'Beta\nTwo', item: 'vm_backup', absolute: [2, 2, 0] },
        { tenant: CUSTOMER_A, tenantName: 'Alpha', item: 'storage', infra: INFRA_1, backend: 'acronis', unit: 'bytes', absolute: [2.5 * GIB, 2.5 * GIB, 0] },
        { tenant: CUSTOMER_A, tenantName: 'Alpha', item: 'pc_backup', absolute: [7, 7, 0] },
      ],
      { mapping: { customers: { [CUSTOMER_A]: 'A-1' }, products: [{ offering_item: 'storage', product_code: 'ST', unit_price: 0.1 }] } },
    );
    expect(billingLinesCsv(lines).split('\r\n')).toEqual([
      HEADER,
      `${CUSTOMER_A},Alpha,customer,pc_backup,standard,,,count,7.00,7,quantity,absolute.total,A-1,,,,,,,`,
      `${CUSTOMER_A},Alpha,customer,storage,standard,acronis,,GB,2.50,2684354560,bytes,absolute.total,A-1,ST,0.1,0.25,,,,`,
      `${CUSTOMER_B},"Beta\nTwo",customer,vm_backup,standard,,,count,2.00,2,quantity,absolute.total,,,,,,,,`,
      `${PARTNER},"Zeta ""Resale"", Ltd",partner,pc_backup,standard,,SP1AWENS,count,3.00,3,quantity,absolute.production,,,,,,,,`,
      '',
    ]);
  });

  it('keeps a tenant name that starts like a formula from running in a spreadsheet; the JSON keeps it as it is', async () => {
    const { lines } = await linesOf([
      { tenant: CUSTOMER_A, tenantName: '=HYPERLINK("http://x.test","click")', item: 'pc_backup', absolute: [1, 1, 0] },
      { tenant: CUSTOMER_B, tenantName: '@SUM(1+1)', item: 'pc_backup', absolute: [2, 2, 0] },
    ]);
    const rows = billingLinesCsv(lines).split('\r\n');
    expect(rows[1]).toContain(`${CUSTOMER_A},"'=HYPERLINK(""http://x.test"",""click"")",customer`);
    expect(rows[2]).toContain(`${CUSTOMER_B},'@SUM(1+1),customer`);
    expect(JSON.parse(billingLinesJson(lines))[0].tenant_name).toBe('=HYPERLINK("http://x.test","click")');
  });

  it('writes the change columns and flags with dots as decimal separators', async () => {
    const previous = (await linesOf([{ item: 'pc_backup', absolute: [3, 3, 0] }])).lines;
    const { lines } = await linesOf([{ item: 'pc_backup', absolute: [4, 4, 0] }], { previous });
    expect(billingLinesCsv(lines).split('\r\n')[1]).toBe(`${CUSTOMER_A},Alpha GmbH,customer,pc_backup,standard,,,count,4.00,4,quantity,absolute.total,,,,,3.00,1.00,33.33,changed`);
  });

  it('writes the JSON file with the same fields in the same order, null for an empty cell', async () => {
    const { lines } = await linesOf([{ item: 'storage', absolute: [GIB / 4, GIB / 4, 0] }]);
    const [line] = JSON.parse(billingLinesJson(lines)) as Record<string, unknown>[];
    expect(Object.keys(line!)).toEqual([...BILLING_LINE_COLUMNS]);
    expect(line).toMatchObject({ quantity: 0.25, raw_quantity: GIB / 4, unit: 'GB', customer_ref: null, flag: null });
  });
});
