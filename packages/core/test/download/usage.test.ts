import { describe, expect, it } from 'vitest';
import { parseUsageRows, type UsageRow } from '../../src/download/index.js';
import { collect, encode, eventually, splitBytes, streamOf } from './helpers.js';

const GIB = 1024 ** 3;
const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const APP = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const INFRA = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

const HEADER = [
  'tenant.id', 'tenant.kind', 'tenant.name', 'name', 'application.id', 'edition', 'infra.id', 'infra.backend_type',
  'infra.owner_id', 'usage.absolute.production', 'usage.absolute.total', 'usage.absolute.trial',
  'usage.delta.production', 'usage.delta.total', 'usage.delta.trial', 'usage.effective.production',
  'usage.effective.total', 'usage.effective.trial', 'measurement_unit', 'sku', 'user.login',
];

const CSV_ROWS = [
  [T1, 'customer', 'Müller, "Main" GmbH', 'storage', APP, 'standard', INFRA, 'acronis', T1, `${2 * GIB}`, `${3 * GIB}`, `${GIB}`, `${GIB / 2}`, `${GIB / 2}`, '0', `${2 * GIB}`, `${3 * GIB}`, `${GIB}`, 'bytes', 'SKU-AS', 'admin'],
  [T1, 'customer', 'Müller, "Main" GmbH', 'compute_points', APP, '', INFRA, 'azure', T1, '5400', '5454', '54', '', '', '', '5400', '5454', '54', 'seconds', '', 'admin'],
  [T2, 'partner', 'Zweite\r\nZeile', 'pc_backup', APP, 'advanced', '', '', '', '7', '9', '2', '-1', '-1', '0', '7', '9', '2', 'quantity', 'SKU-PC', ''],
];

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvText(header: string[], rows: string[][], order?: number[]): string {
  const pick = (row: string[]): string[] => (order ? order.map((i) => row[i]!) : row);
  return [header, ...rows].map((row) => pick(row).map(csvField).join(',')).join('\r\n') + '\r\n';
}

const JSON_DOC = {
  params: {
    kind: 'usage_summary', gen_date: '2026-11-15', begin_date: '2026-10-01', end_date: '2026-10-31', group_id: T1,
    name: 'tenants: ["not", {"these"}]', report_level: 'all_customers', report_type: 'summary',
  },
  tenants: [
    {
      id: T1, kind: 'customer', name: 'Müller, "Main" GmbH', parent_id: T2,
      users: [{ id: 'u', login: 'admin', email: 'a@example.com' }],
      usages: [
        {
          name: 'storage', application_id: APP, edition: 'standard', infra: { id: INFRA, backend_type: 'acronis', owner_id: T1 },
          measurement_unit: 'bytes', sku: 'SKU-AS',
          absolute: { production: 2 * GIB, total: 3 * GIB, trial: GIB }, delta: { production: GIB / 2, total: GIB / 2, trial: 0 },
          effective: { production: 2 * GIB, total: 3 * GIB, trial: GIB },
        },
        {
          name: 'compute_points', application_id: APP, edition: '', infra: { id: INFRA, backend_type: 'azure', owner_id: T1 },
          measurement_unit: 'seconds', sku: '',
          absolute: { production: 5400, total: 5454, trial: 54 }, effective: { production: 5400, total: 5454, trial: 54 },
        },
      ],
    },
    { id: 'ffffffff-0000-4000-8000-000000000000', kind: 'folder', name: 'Empty {folder} \\ "x"', parent_id: T2, usages: [] },
    {
      id: T2, kind: 'partner', name: 'Zweite\r\nZeile', parent_id: null,
      usages: [
        {
          name: 'pc_backup', application_id: APP, edition: 'advanced', infra: { id: '', backend_type: '', owner_id: '' },
          measurement_unit: 'quantity', sku: 'SKU-PC',
          absolute: { production: 7, total: 9, trial: 2 }, delta: { production: -1, total: -1, trial: 0 },
          effective: { production: 7, total: 9, trial: 2 },
        },
      ],
    },
  ],
};

const EXPECTED: UsageRow[] = [
  {
    tenantId: T1, tenantKind: 'customer', tenantName: 'Müller, "Main" GmbH', offeringItem: 'storage', applicationId: APP,
    edition: 'standard', infraId: INFRA, backendType: 'acronis', ownerId: T1, sku: 'SKU-AS', date: null, unit: 'GB',
    rawUnit: 'bytes', absolute: { production: 2, total: 3, trial: 1 }, delta: { production: 0.5, total: 0.5, trial: 0 },
    effective: { production: 2, total: 3, trial: 1 },
  },
  {
    tenantId: T1, tenantKind: 'customer', tenantName: 'Müller, "Main" GmbH', offeringItem: 'compute_points',
    applicationId: APP, edition: '', infraId: INFRA, backendType: 'azure', ownerId: T1, sku: null, date: null,
    unit: 'points', rawUnit: 'seconds', absolute: { production: 1.5, total: 1.52, trial: 0.02 }, delta: null,
    effective: { production: 1.5, total: 1.52, trial: 0.02 },
  },
  {
    tenantId: T2, tenantKind: 'partner', tenantName: 'Zweite\r\nZeile', offeringItem: 'pc_backup', applicationId: APP,
    edition: 'advanced', infraId: '', backendType: '', ownerId: '', sku: 'SKU-PC', date: null, unit: 'count',
    rawUnit: 'quantity', absolute: { production: 7, total: 9, trial: 2 }, delta: { production: -1, total: -1, trial: 0 },
    effective: { production: 7, total: 9, trial: 2 },
  },
];

const rows = (text: string, format: 'csv_v2_0' | 'json_v2_0', size = Infinity): Promise<UsageRow[]> => {
  const bytes = encode(text);
  return collect(parseUsageRows(streamOf(size === Infinity ? [bytes] : splitBytes(bytes, size)), format));
};

describe('parseUsageRows, csv_v2_0', () => {
  it('maps columns by name and normalises units, whatever the chunking', async () => {
    const text = `\uFEFF${csvText(HEADER, CSV_ROWS)}`;
    for (const size of [1, 2, 5, 64, Infinity]) expect(await rows(text, 'csv_v2_0', size)).toEqual(EXPECTED);
  });

  it('does not care about column order, unknown columns, or missing optional ones', async () => {
    const reversed = HEADER.map((_, i) => HEADER.length - 1 - i);
    expect(await rows(csvText(HEADER, CSV_ROWS, reversed), 'csv_v2_0')).toEqual(EXPECTED);

    const extra = [...HEADER, 'future.column'];
    expect(await rows(csvText(extra, CSV_ROWS.map((row) => [...row, 'whatever'])), 'csv_v2_0')).toEqual(EXPECTED);

    // No tenant.name, measurement_unit or sku: units are inferred from the item names.
    const keep = HEADER.map((_, i) => i).filter((i) => !['tenant.name', 'measurement_unit', 'sku', 'user.login'].includes(HEADER[i]!));
    const bare = await rows(csvText(HEADER, CSV_ROWS, keep), 'csv_v2_0');
    expect(bare).toEqual(EXPECTED.map((row) => ({ ...row, tenantName: null, sku: null, rawUnit: null })));
  });

  it('names a missing required column', async () => {
    const order = HEADER.map((_, i) => i).filter((i) => HEADER[i] !== 'infra.owner_id');
    await expect(rows(csvText(HEADER, CSV_ROWS, order), 'csv_v2_0')).rejects.toThrow(/lacks the column infra\.owner_id/);
    await expect(rows('just,some,columns\r\n1,2,3\r\n', 'csv_v2_0')).rejects.toThrow(/tenant\.id, tenant\.kind, name/);
  });

  it('reads dates, and refuses broken numbers, half-empty groups and short rows', async () => {
    const dated = [...HEADER, 'date'];
    const [row] = await rows(csvText(dated, [[...CSV_ROWS[2]!, '2026-10-05']]), 'csv_v2_0');
    expect(row!.date).toBe('2026-10-05');

    const broken = CSV_ROWS[2]!.map((cell, i) => (HEADER[i] === 'usage.absolute.total' ? '9GB' : cell));
    await expect(rows(csvText(HEADER, [broken]), 'csv_v2_0')).rejects.toThrow(/data row 1: usage\.absolute\.total should be a number, got "9GB"/);
    const half = CSV_ROWS[2]!.map((cell, i) => (HEADER[i] === 'usage.delta.trial' ? '' : cell));
    await expect(rows(csvText(HEADER, [half]), 'csv_v2_0')).rejects.toThrow(/usage\.delta\.trial should be a number/);
    const noAbsolute = CSV_ROWS[2]!.map((cell, i) => (HEADER[i]!.startsWith('usage.absolute') ? '' : cell));
    await expect(rows(csvText(HEADER, [noAbsolute]), 'csv_v2_0')).rejects.toThrow(/usage\.absolute is empty/);
    const cut = csvText(HEADER, CSV_ROWS).slice(0, -40);
    await expect(rows(cut, 'csv_v2_0')).rejects.toThrow(/data row 3 has \d+ fields where the header has 21/);
  });

  it('treats an empty file as an error and a header alone as no rows', async () => {
    await expect(rows('', 'csv_v2_0')).rejects.toThrow(/no header/);
    expect(await rows(`${HEADER.join(',')}\r\n`, 'csv_v2_0')).toEqual([]);
  });
});

describe('parseUsageRows, json_v2_0', () => {
  const text = JSON.stringify(JSON_DOC, null, 1);

  it('reads tenants one by one, whatever the chunking, to the same rows as the CSV', async () => {
    for (const size of [1, 2, 3, 16, 1000, Infinity]) expect(await rows(text, 'json_v2_0', size)).toEqual(EXPECTED);
    expect(await rows(JSON.stringify(JSON_DOC), 'json_v2_0', 1)).toEqual(EXPECTED);
  });

  it('finds "tenants" wherever it sits among the members, written with escapes too', async () => {
    const reordered = JSON.stringify({ tenants: JSON_DOC.tenants, params: JSON_DOC.params, extra: { tenants: 1 } });
    expect(await rows(reordered, 'json_v2_0', 7)).toEqual(EXPECTED);
    const escaped = JSON.stringify(JSON_DOC).replace('"tenants":', '"ten\\u0061nts":');
    expect(await rows(escaped, 'json_v2_0', 1)).toEqual(EXPECTED);
  });

  it('infers units when measurement_unit is missing, and accepts missing sku, delta, effective and infra', async () => {
    const doc = {
      params: {},
      tenants: [{ id: T1, kind: 'customer', name: '', usages: [{ name: 'dr_storage', application_id: APP, edition: '', infra: null, absolute: { production: GIB, total: GIB, trial: 0 } }] }],
    };
    expect(await rows(JSON.stringify(doc), 'json_v2_0')).toEqual([
      {
        tenantId: T1, tenantKind: 'customer', tenantName: null, offeringItem: 'dr_storage', applicationId: APP, edition: '',
        infraId: '', backendType: '', ownerId: '', sku: null, date: null, unit: 'GB', rawUnit: null,
        absolute: { production: 1, total: 1, trial: 0 }, delta: null, effective: null,
      },
    ]);
  });

  it('fails clearly on cut-off or malformed files', async () => {
    await expect(rows(text.slice(0, text.length / 2), 'json_v2_0')).rejects.toThrow(/cut off/);
    await expect(rows(text.slice(0, -2), 'json_v2_0')).rejects.toThrow(/cut off/);
    await expect(rows('', 'json_v2_0')).rejects.toThrow(/empty/);
    await expect(rows('[1,2]', 'json_v2_0')).rejects.toThrow(/not one JSON object/);
    await expect(rows('{"params":{}}', 'json_v2_0')).rejects.toThrow(/no "tenants" array/);
    await expect(rows('{"tenants":{}}', 'json_v2_0')).rejects.toThrow(/"tenants" is not an array/);
    await expect(rows('{"tenants":[1]}', 'json_v2_0')).rejects.toThrow(/other than objects/);
    await expect(rows('{"tenants":[]} {}', 'json_v2_0')).rejects.toThrow(/content after its end/);
    await expect(rows('{"tenants":[{"id":1,"kind":"x","usages":[]}]}', 'json_v2_0')).rejects.toThrow(/tenants\[0\]\.id should be a string/);
    const badInfra = JSON.stringify({ tenants: [{ id: 'a', kind: 'b', usages: [{ name: 'x', application_id: '', edition: '', infra: 'none', absolute: { production: 1, total: 1, trial: 0 } }] }] });
    await expect(rows(badInfra, 'json_v2_0')).rejects.toThrow(/tenants\[0\]\.usages\[0\]\.infra should be an object/);
    const noName = JSON.stringify({ tenants: [{ id: 'a', kind: 'b', usages: [{ application_id: '', edition: '', absolute: { production: 1, total: 1, trial: 0 } }] }] });
    await expect(rows(noName, 'json_v2_0')).rejects.toThrow(/tenants\[0\]\.usages\[0\]\.name should be a string, got null/);
    await expect(rows('{"tenants":[{"id":"a","kind":"b","usages":[}]}', 'json_v2_0')).rejects.toThrow(SyntaxError);
  });

  it('yields the first tenant before the file is over, and cancels the source when the reader stops', async () => {
    const bytes = encode(text);
    const firstTenantEnds = text.indexOf('"usages": []') - 10;
    const body = streamOf(splitBytes(bytes.slice(0, firstTenantEnds), 100), { hang: true });
    for await (const row of parseUsageRows(body, 'json_v2_0')) {
      expect(row.offeringItem).toBe('storage');
      break;
    }
    expect(await eventually(() => body.probe.cancelled.length === 1)).toBe(true);
  });

  it('refuses other formats', () => {
    expect(() => parseUsageRows(streamOf<Uint8Array>([]), 'csv' as 'csv_v2_0')).toThrow(/csv_v2_0 and json_v2_0/);
  });
});
