import { describe, expect, it } from 'vitest';
import { parseUsageRows, type UsageRow } from '../../src/download/index.js';
import { collect, encode, splitBytes, streamOf } from './helpers.js';
import { usageFile, type Line } from './usage-files.js';

const GIB = 1024 ** 3;
const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const APP = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const INFRA = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

const LINES: Line[] = [
  {
    tenant: { id: T1, kind: 'customer', name: 'Müller, "Main" {GmbH}' }, name: 'storage', application: APP,
    edition: 'standard', infra: { id: INFRA, backend_type: 'acronis', owner_id: T1 }, unit: 'bytes', sku: 'SKU-AS',
    absolute: [2 * GIB, 3 * GIB, GIB], delta: [GIB / 2, GIB / 2, 0], effective: [2 * GIB, 3 * GIB, GIB],
  },
  {
    tenant: { id: T1, kind: 'customer', name: 'Müller, "Main" {GmbH}' }, name: 'pc_backup', application: APP,
    edition: 'advanced', unit: 'quantity', absolute: [7, 9, 2], delta: [-1, -1, 0], effective: [7, 9, 2],
  },
  {
    tenant: { id: T2, kind: 'partner' }, name: 'local_storage', application: APP, date: '2026-10-05',
    absolute: [GIB, GIB, 0],
  },
];

const EXPECTED: UsageRow[] = [
  {
    tenantId: T1, tenantKind: 'customer', tenantName: 'Müller, "Main" {GmbH}', offeringItem: 'storage', applicationId: APP,
    edition: 'standard', infraId: INFRA, backendType: 'acronis', ownerId: T1, sku: 'SKU-AS', date: null, unit: 'GB',
    rawUnit: 'bytes', absolute: { production: 2, total: 3, trial: 1 }, delta: { production: 0.5, total: 0.5, trial: 0 },
    effective: { production: 2, total: 3, trial: 1 },
  },
  {
    tenantId: T1, tenantKind: 'customer', tenantName: 'Müller, "Main" {GmbH}', offeringItem: 'pc_backup', applicationId: APP,
    edition: 'advanced', infraId: '', backendType: '', ownerId: '', sku: null, date: null, unit: 'count',
    rawUnit: 'quantity', absolute: { production: 7, total: 9, trial: 2 }, delta: { production: -1, total: -1, trial: 0 },
    effective: { production: 7, total: 9, trial: 2 },
  },
  {
    // No edition, infra, measurement_unit, delta or effective: read as the CSV reads the same empty cells.
    tenantId: T2, tenantKind: 'partner', tenantName: null, offeringItem: 'local_storage', applicationId: APP,
    edition: '', infraId: '', backendType: '', ownerId: '', sku: null, date: '2026-10-05', unit: 'GB', rawUnit: null,
    absolute: { production: 1, total: 1, trial: 0 }, delta: null, effective: null,
  },
];

const jsonRows = (text: string, size = Infinity): Promise<UsageRow[]> => {
  const bytes = encode(text);
  return collect(parseUsageRows(streamOf(size === Infinity ? [bytes] : splitBytes(bytes, size)), 'json_v2_0'));
};

const tenants = (text: string): unknown[] => (JSON.parse(text) as { tenants: unknown[] }).tenants;
const doc = (elements: unknown[]): string => JSON.stringify({ params: { kind: 5 }, tenants: elements }, null, 1);

describe('json_v2_0 elements: a tenant with usages, or one usage row', () => {
  it('reads one element per tenant and item (the csv_v2_0 columns nested) to the same rows as the CSV', async () => {
    const flat = usageFile('json-flat', LINES);
    expect(tenants(flat)[0]).not.toHaveProperty('usages');
    for (const size of [1, 2, 7, 64, Infinity]) expect(await jsonRows(flat, size)).toEqual(EXPECTED);
    expect(await collect(parseUsageRows(streamOf([encode(usageFile('csv', LINES))]), 'csv_v2_0'))).toEqual(EXPECTED);
    expect(await jsonRows(usageFile('json-nested', LINES))).toEqual(EXPECTED);
  });

  it('reads both shapes mixed in one file, in file order, whatever the chunk boundaries', async () => {
    const nested = tenants(usageFile('json-nested', LINES.slice(0, 2)));
    const flat = tenants(usageFile('json-flat', LINES));
    const text = doc([flat[2], ...nested, flat[0], { id: T2, kind: 'partner', usages: [] }, flat[1]]);
    const expected = [EXPECTED[2], EXPECTED[0], EXPECTED[1], EXPECTED[0], EXPECTED[1]];
    // Size 1 cuts every element at every character; the others put boundaries in keys, strings and numbers.
    for (const size of [1, 3, 5, 17, 100, Infinity]) expect(await jsonRows(text, size)).toEqual(expected);
  });

  it('reads a row element with empty or null infra, numbers as text and a missing tenant name', async () => {
    const element = {
      tenant: { id: T2, kind: 'partner', name: null }, name: 'local_storage', application: { id: APP },
      edition: null, infra: { id: '', backend_type: '', owner_id: '' }, date: '2026-10-05',
      usage: { absolute: { production: `${GIB}`, total: GIB, trial: '0' }, delta: null },
    };
    for (const infra of [{}, null, '', undefined, element.infra]) {
      expect(await jsonRows(doc([{ ...element, infra }]), 5)).toEqual([EXPECTED[2]]);
    }
  });

  it('says which keys an element of neither shape has, and which two shapes are read', async () => {
    const v2Like = { tenant_uuid: T1, tenant_id: 42, application_id: APP, usage_name: 'storage', value: 1 };
    const failure = jsonRows(doc([...tenants(usageFile('json-flat', LINES)), v2Like]), 9);
    await expect(failure).rejects.toThrow(/tenants\[3\] is in neither element shape/);
    await expect(failure).rejects.toThrow(/it has the keys tenant_uuid, tenant_id, application_id, usage_name, value/);
    await expect(failure).rejects.toThrow(/\(a\) a tenant with its usages, \{id, kind, name\?, usages: \[/);
    await expect(failure).rejects.toThrow(/\(b\) one usage row with the csv_v2_0 columns as nested objects, \{tenant: \{id, kind\}/);
    await expect(jsonRows(doc([{}]))).rejects.toThrow(/tenants\[0\] is in neither element shape that can be read \(it has no keys\)/);
  });

  it('names the field at fault in a row element', async () => {
    const [good] = tenants(usageFile('json-flat', LINES)) as Record<string, unknown>[];
    const broken = (change: Record<string, unknown>) => jsonRows(doc([good, { ...good, ...change }]));
    await expect(broken({ tenant: { kind: 'customer' } })).rejects.toThrow(/tenants\[1\]\.tenant\.id should be a string, got null/);
    await expect(broken({ tenant: T1 })).rejects.toThrow(/tenants\[1\]\.tenant should be an object, got "/);
    await expect(broken({ application: APP })).rejects.toThrow(/tenants\[1\]\.application should be an object/);
    await expect(broken({ edition: 3 })).rejects.toThrow(/tenants\[1\]\.edition should be a string, got 3/);
    await expect(broken({ usage: { delta: { production: 1, total: 1, trial: 0 } } })).rejects.toThrow(/tenants\[1\]\.usage\.absolute is empty/);
    await expect(broken({ usage: { absolute: { production: 1, total: '1 GB', trial: 0 } } })).rejects.toThrow(
      /tenants\[1\]\.usage\.absolute\.total should be a number, got "1 GB"/,
    );
    await expect(broken({ usage: { absolute: { production: 1, total: 1, trial: {} } } })).rejects.toThrow(
      /tenants\[1\]\.usage\.absolute\.trial should be a string or a number, got \{\}/,
    );
  });
});
