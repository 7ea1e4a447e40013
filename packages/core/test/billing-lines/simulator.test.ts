// A simulator report's billing lines, computed twice: by core (streamed, through its parser) and here by a plain
// reading of the CSV that shares no code with core (own CSV split, own figure choice, own units, own rounding).
// Both must agree on every line; the json_v2_0 file of the same report must give the same lines.
import { describe, expect, it } from 'vitest';
import { billingLinesCsv, billingLinesOfFile, type BillingLine, type StoredReportDownload } from '../../src/index.js';
import { clientFor, useSimulator } from '../support.js';

const sim = useSimulator();

/** RFC 4180, the slow obvious way: a character at a time. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

interface Expected {
  key: string;
  tenant: string;
  kind: string;
  item: string;
  unitOfFile: string;
  figure: string;
  byInfra: Map<string, number>;
}

/** The billing lines as the issue states them, written out longhand. */
function expectedLines(csv: string) {
  const [header, ...rows] = readCsv(csv);
  const col = (name: string) => header!.indexOf(name);
  const lines = new Map<string, Expected>();
  for (const row of rows) {
    const get = (name: string) => (col(name) < 0 ? '' : row[col(name)]!);
    const item = get('name');
    const kind = get('tenant.kind');
    const measure = item.includes('compute_points') ? 'delta' : 'absolute';
    const part = kind === 'customer' ? 'total' : 'production';
    const key = [get('tenant.id'), item, get('edition'), get('infra.backend_type'), get('sku')].join('|');
    const line = lines.get(key) ?? { key, tenant: get('tenant.name'), kind, item, unitOfFile: get('measurement_unit'), figure: `${measure}.${part}`, byInfra: new Map() };
    line.byInfra.set(get('infra.id'), Number(get(`usage.${measure}.${part}`)));
    lines.set(key, line);
  }
  return [...lines.values()].map((line) => {
    let raw = 0;
    for (const value of line.byInfra.values()) raw += value;
    let quantity = raw;
    let unit = 'count';
    if (line.unitOfFile === 'bytes') [quantity, unit] = [raw / 1024 / 1024 / 1024, 'GB'];
    if (line.unitOfFile === 'seconds') [quantity, unit] = [raw / 3600, 'points'];
    // half up to 2 decimals on the decimal text: 3 decimals first (enough for these sums), then up from 5
    const cents = Math.round(Number((quantity * 100).toFixed(6)) + 1e-9);
    return { key: line.key, tenant: line.tenant, kind: line.kind, unit, quantity: cents / 100, raw, figure: line.figure };
  });
}

const keyOf = (l: BillingLine) => [l.tenant_id, l.offering_item, l.edition, l.backend_type, l.sku].join('|');

describe('billing lines of a simulator report', () => {
  it('agree with a plain reading of the csv_v2_0 file, and the json_v2_0 file gives the same lines', async () => {
    const client = clientFor(sim());
    const files = new Map<string, Uint8Array>();
    await client.exportBillingReport({
      month: '2026-10',
      level: 'all_customers',
      formats: ['csv_v2_0', 'json_v2_0'],
      consume: async (download: StoredReportDownload) => void files.set(download.format, new Uint8Array(await new Response(download.stream).arrayBuffer())),
    });
    const csv = files.get('csv_v2_0')!;
    const fromCore = await billingLinesOfFile(new Blob([csv as Uint8Array<ArrayBuffer>]).stream(), 'csv_v2_0', { includeZero: true });
    const expected = expectedLines(new TextDecoder().decode(csv));
    expect(expected.length).toBeGreaterThan(20);
    expect(new Set(expected.map((e) => e.unit))).toEqual(new Set(['GB', 'count', 'points']));
    const core = new Map(fromCore.lines.map((line) => [keyOf(line), line]));
    expect([...core.keys()].sort()).toEqual(expected.map((e) => e.key).sort());
    for (const e of expected) {
      const line = core.get(e.key)!;
      expect({ key: e.key, tenant: line.tenant_name, kind: line.tenant_kind, unit: line.unit, quantity: line.quantity, raw: line.raw_quantity, figure: line.figure }).toEqual(e);
    }

    const fromJson = await billingLinesOfFile(new Blob([files.get('json_v2_0')! as Uint8Array<ArrayBuffer>]).stream(), 'json_v2_0', { includeZero: true });
    expect(billingLinesCsv(fromJson.lines)).toBe(billingLinesCsv(fromCore.lines));
  });

  it('compares two simulator months with every flag: a customer joined, one left, usage moved', async () => {
    const client = clientFor(sim());
    const csvOf = async (month: string) => {
      let bytes = new Uint8Array();
      await client.exportBillingReport({ month, formats: ['csv_v2_0'], consume: async (d) => void (bytes = new Uint8Array(await new Response(d.stream).arrayBuffer())) });
      return () => new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
    };
    const [october, september] = [await csvOf('2026-10'), await csvOf('2026-09')];
    const previous = (await billingLinesOfFile(september(), 'csv_v2_0')).lines;
    const { lines } = await billingLinesOfFile(october(), 'csv_v2_0', { previous });
    const flags = new Map<string, BillingLine[]>();
    for (const line of lines) flags.set(line.flag!, [...(flags.get(line.flag!) ?? []), line]);
    expect([...flags.keys()].sort()).toEqual(['', 'changed', 'gone', 'new']);
    // whole tenants come and go, not just an item here and there
    const tenantsOf = (flag: string) => new Set(flags.get(flag)!.map((l) => l.tenant_id));
    expect([...tenantsOf('new')].some((id) => !previous.some((l) => l.tenant_id === id))).toBe(true);
    expect([...tenantsOf('gone')].some((id) => !lines.some((l) => l.tenant_id === id && l.flag !== 'gone'))).toBe(true);
    expect(lines.some((l) => l.sku !== '') && lines.some((l) => l.sku === '')).toBe(true);
  });
});
