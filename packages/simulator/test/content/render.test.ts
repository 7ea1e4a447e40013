import { describe, expect, it } from 'vitest';
import { APPLICATIONS, CATALOG, CSV_V2_VENDOR_COLUMNS, createTenantTree, renderReportFile, utf8Length } from '../../src/content/index.js';
import type { ReportFormat, ReportKind, ReportLevel, Tenant } from '../../src/content/index.js';
import { SEED, csvRecords, parseCsv, render, request, tree } from './helpers.js';

const FORMATS: ReportFormat[] = ['csv', 'html', 'json_v1', 'csv_v2_0', 'json_v2_0'];
const KINDS: ReportKind[] = ['usage_daily', 'usage_summary', 'usage_current', 'usage_breakdown'];
const LEVELS: ReportLevel[] = ['itself', 'direct_partners', 'all_partners', 'all_customers', 'accounts'];

const all = [tree.root, ...tree.descendants(tree.root)];
const subPartner = tree.root.children.find((t) => t.kind === 'partner' && t.children.some((c) => c.kind === 'partner'))!;
const customer = all.find((t) => t.kind === 'customer' && t.offeringItems.length >= 8)!;

interface JsonV2 {
  params: Record<string, number | string>;
  tenants: { id: string; kind: string; name: string; parent_id: string | null; users?: unknown[]; usages: Record<string, any>[] }[];
}

/** UNIX timestamp (seconds) of an ISO instant. */
const seconds = (iso: string) => Date.parse(iso) / 1000;
const ids = (tenants: Tenant[]) => tenants.map((t) => t.id);
const unique = <T>(values: T[]) => [...new Set(values)];
const throughFolders = (ts: Tenant[]): Tenant[] => ts.flatMap((t) => (t.kind === 'folder' ? throughFolders(t.children) : [t]));

function expectedTenants(of: Tenant, level: ReportLevel): string[] {
  if (level === 'itself') return [of.id];
  if (level === 'direct_partners') return ids(throughFolders(of.children));
  const below = tree.descendants(of);
  return ids(level === 'all_partners' ? below.filter((t) => t.kind === 'partner') : below.filter((t) => t.kind !== 'folder'));
}

describe('the test CSV reader', () => {
  it('is strict, so a quoting bug cannot pass unnoticed', () => {
    expect(parseCsv('a,"b,""c""",\r\nd,e,f\r\n')).toEqual([['a', 'b,"c"', ''], ['d', 'e', 'f']]);
    expect(() => parseCsv('a,b"c\r\n')).toThrow();
    expect(() => parseCsv('a,"b"c\r\n')).toThrow();
    expect(() => parseCsv('a,"b\r\n')).toThrow();
    expect(() => parseCsv('a,b\nc\r\n')).toThrow();
  });
});

describe('renderReportFile: determinism and chunks', () => {
  it('gives byte-identical output for the same request, in every format', () => {
    for (const format of FORMATS) {
      expect(render({ format, level: 'all_customers' })).toBe(render({ format, level: 'all_customers' }));
    }
    expect(render({ seed: SEED + 1 })).not.toBe(render());
  });

  it('yields chunks of at most 64 KB', () => {
    let count = 0;
    for (const chunk of renderReportFile(request({ format: 'json_v2_0', kind: 'usage_daily', targetBytes: 2_000_000 }))) {
      expect(utf8Length(chunk)).toBeLessThanOrEqual(64 * 1024);
      expect(chunk.length).toBeGreaterThan(0);
      count++;
    }
    expect(count).toBeGreaterThan(20);
  });

  it('counts UTF-8 bytes like Node does', () => {
    for (const text of ['plain', 'Café "Zum Löwen"', 'Dvořák', '€ and 😀', '\ud800 lone']) {
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('pads to the first synthetic customer that reaches targetBytes, counting UTF-8 bytes exactly', () => {
    // A root with a non-ASCII name, and fillers with names like "Müller" or "Dvořák": a miscount of even one
    // byte would stop one customer early or late, and one of the two targets below would tell.
    const named = createTenantTree({ seed: SEED, rootName: 'Zürich "Dvořák" <IT> & Co' });
    const ENDINGS: Record<ReportFormat, string> = { csv: '', csv_v2_0: '', json_v1: '\n]}\n', json_v2_0: '\n]}\n', html: '</tbody>\n</table>\n</body>\n</html>\n' };
    const size = (format: ReportFormat, targetBytes: number) =>
      Buffer.byteLength([...renderReportFile(request({ tree: named, tenantId: named.root.id, format, level: 'accounts', targetBytes }))].join(''));
    for (const format of FORMATS) {
      const padded = size(format, 150_000);
      expect(padded).toBeGreaterThanOrEqual(150_000);
      const beforeEnd = padded - ENDINGS[format].length;
      expect(size(format, beforeEnd)).toBe(padded);
      expect(size(format, beforeEnd + 1)).toBeGreaterThan(padded);
    }
  });

  it('pads with the same synthetic customers whether or not the report lists users', () => {
    const plain = parseCsv(render({ level: 'all_customers', targetBytes: 200_000 }));
    const accounts = parseCsv(render({ level: 'accounts', targetBytes: 200_000 })).map((row) => row.slice(0, -2));
    const common = Math.min(plain.length, accounts.length);
    expect(common).toBeGreaterThan(500);
    expect(accounts.slice(0, common)).toEqual(plain.slice(0, common));
  });

  it('rejects what it cannot render', () => {
    expect(() => render({ tenantId: '00000000-0000-4000-8000-000000000000' })).toThrow(/not in the tenant tree/);
    expect(() => render({ period: { start: '2025-05-31', end: '2025-05-01' } })).toThrow(/after its end/);
    expect(() => render({ period: { start: '2025-02-30', end: '2025-03-01' } })).toThrow(/calendar date/);
    expect(() => render({ targetBytes: -1 })).toThrow(/targetBytes/);
  });
});

describe('levels', () => {
  for (const of of [tree.root, subPartner]) {
    for (const level of LEVELS) {
      it(`${level} of ${of === tree.root ? 'the root' : 'a sub-partner'} covers the right tenants`, () => {
        const expected = expectedTenants(of, level);
        const json = JSON.parse(render({ format: 'json_v2_0', tenantId: of.id, level })) as JsonV2;
        expect(json.tenants.map((t) => t.id)).toEqual(expected);
        const rows = csvRecords(render({ tenantId: of.id, level }));
        expect(unique(rows.map((r) => r['tenant.id']))).toEqual(expected.filter((id) => tree.byId.get(id)!.offeringItems.length > 0));
        for (const row of rows) expect(row['tenant.kind']).not.toBe('folder');
      });
    }
  }

  it('lists customers inside folders as direct customers, never the folder', () => {
    const folder = tree.root.children.find((t) => t.kind === 'folder')!;
    const json = JSON.parse(render({ format: 'json_v2_0', level: 'direct_partners' })) as JsonV2;
    const listed = json.tenants.map((t) => t.id);
    expect(listed).not.toContain(folder.id);
    for (const c of folder.children) expect(listed).toContain(c.id);
  });

  it('adds user account details at the accounts level', () => {
    const rows = csvRecords(render({ level: 'accounts' }));
    for (const row of rows) {
      const tenant = tree.byId.get(row['tenant.id']!)!;
      expect(row['user.login']).toBe(tenant.users[0]!.login);
      expect(row['user.email']).toBe(tenant.users[0]!.email);
    }
    const json = JSON.parse(render({ format: 'json_v2_0', level: 'accounts' })) as JsonV2;
    for (const t of json.tenants) expect(t.users).toEqual(tree.byId.get(t.id)!.users);
    expect(render({ level: 'all_customers' })).not.toContain('user.login');
    const v1 = JSON.parse(render({ format: 'json_v1', level: 'accounts' }));
    expect(v1.rows[0].login).toBe(tree.byId.get(v1.rows[0].tenant_id)!.users[0]!.login);
    expect(parseCsv(render({ format: 'csv', level: 'accounts' }))[0]!.slice(-2)).toEqual(['Login', 'Email']);
  });
});

describe('csv_v2_0', () => {
  it('starts with the vendor columns, exactly and in order, then measurement_unit', () => {
    const [header] = parseCsv(render());
    expect(header).toEqual([...CSV_V2_VENDOR_COLUMNS, 'measurement_unit']);
    expect(CSV_V2_VENDOR_COLUMNS.join(',')).toBe(
      'tenant.id,tenant.kind,tenant.name,name,application.id,edition,infra.id,infra.backend_type,infra.owner_id,' +
        'usage.absolute.production,usage.absolute.total,usage.absolute.trial,usage.delta.production,usage.delta.total,' +
        'usage.delta.trial,usage.effective.production,usage.effective.total,usage.effective.trial',
    );
    expect(parseCsv(render({ kind: 'usage_daily', showSkus: true, level: 'accounts' }))[0]!.slice(18)).toEqual([
      'measurement_unit', 'date', 'sku', 'user.login', 'user.email',
    ]);
  });

  it('quotes names with commas and quotes so every row parses back to the tenant name', () => {
    const text = render({ level: 'all_customers' });
    const [header, ...rows] = parseCsv(text);
    expect(text).toMatch(/\r\n$/);
    const tricky = rows.filter((r) => /[",]/.test(r[2]!));
    expect(tricky.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toHaveLength(header!.length);
      expect(row[2]).toBe(tree.byId.get(row[0]!)!.name);
    }
  });

  it('has a whole number in every usage cell of every kind, as the vendor\'s billing parser requires', () => {
    const usageColumns = CSV_V2_VENDOR_COLUMNS.filter((column) => column.startsWith('usage.'));
    expect(usageColumns).toHaveLength(9);
    for (const kind of KINDS) {
      const rows = csvRecords(render({ kind, level: 'all_customers', period: { start: '2025-05-01', end: '2025-05-03' } }));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) for (const column of usageColumns) expect(row[column], `${kind} ${column}`).toMatch(/^-?\d+$/);
    }
  });

  it('reports integers in raw units that add up', () => {
    for (const row of csvRecords(render({ level: 'all_customers' }))) {
      for (const part of ['absolute', 'delta', 'effective']) {
        const [p, t, tr] = ['production', 'total', 'trial'].map((k) => Number(row[`usage.${part}.${k}`]));
        expect(Number.isInteger(t)).toBe(true);
        expect(t).toBe(p! + tr!);
      }
      expect(['bytes', 'quantity', 'seconds']).toContain(row['measurement_unit']);
    }
  });
});

describe('kinds', () => {
  const period = { start: '2025-05-01', end: '2025-05-10' };

  it('usage_daily has one row per item and day, dated, with deltas of 0', () => {
    const rows = csvRecords(render({ kind: 'usage_daily', tenantId: customer.id, level: 'itself', period }));
    expect(rows).toHaveLength(10 * customer.offeringItems.length);
    const days = unique(rows.map((r) => r['date']));
    expect(days).toHaveLength(10);
    expect(days[0]).toBe('2025-05-01');
    expect(days[9]).toBe('2025-05-10');
    for (const day of days) expect(rows.filter((r) => r['date'] === day)).toHaveLength(customer.offeringItems.length);
    for (const row of rows) expect([row['usage.delta.production'], row['usage.delta.total'], row['usage.delta.trial']]).toEqual(['0', '0', '0']);
    const partnerRows = csvRecords(render({ kind: 'usage_daily', tenantId: subPartner.id, level: 'itself', period }));
    expect(partnerRows).toHaveLength(10 * subPartner.offeringItems.length);
  });

  it('usage_breakdown chains each day to the day before, and summary agrees with it', () => {
    const rows = csvRecords(render({ kind: 'usage_breakdown', tenantId: customer.id, level: 'itself', period }));
    expect(rows).toHaveLength(10 * customer.offeringItems.length);
    const key = (r: Record<string, string>) => `${r['name']}|${r['edition']}|${r['infra.id']}`;
    const byItem = new Map<string, Record<string, string>[]>();
    for (const row of rows) byItem.set(key(row), [...(byItem.get(key(row)) ?? []), row]);
    const summary = csvRecords(render({ tenantId: customer.id, level: 'itself', period }));
    expect(summary).toHaveLength(customer.offeringItems.length);
    for (const s of summary) {
      const days = byItem.get(key(s))!;
      for (let i = 1; i < days.length; i++) {
        const change = Number(days[i]!['usage.absolute.total']) - Number(days[i - 1]!['usage.absolute.total']);
        expect(Number(days[i]!['usage.delta.total'])).toBe(change);
      }
      expect(s['usage.absolute.total']).toBe(days[9]!['usage.absolute.total']);
      const sinceStart = Number(days[9]!['usage.absolute.total']) - Number(days[0]!['usage.absolute.total']);
      expect(Number(s['usage.delta.total'])).toBe(sinceStart);
      const peak = Math.max(...days.map((d) => Number(d['usage.absolute.total'])));
      const counter = CATALOG.find((c) => c.name === s['name'])!.shape === 'counter';
      expect(Number(s['usage.effective.total'])).toBe(counter ? sinceStart : peak);
    }
  });

  it('usage_current covers the month to the day before generation', () => {
    const json = JSON.parse(render({ format: 'json_v2_0', kind: 'usage_current', generationDate: '2025-06-17' })) as JsonV2;
    expect(json.params).toMatchObject({ kind: 8, begin_date: seconds('2025-06-01T00:00:00Z'), end_date: seconds('2025-06-16T23:59:59Z'), gen_date: seconds('2025-06-17T00:00:00Z') });
    const early = JSON.parse(render({ format: 'json_v2_0', kind: 'usage_current', generationDate: '2025-07-01' })) as JsonV2;
    expect(early.params).toMatchObject({ begin_date: seconds('2025-06-01T00:00:00Z'), end_date: seconds('2025-06-30T23:59:59Z') });
    expect(json.tenants.every((t) => t.usages.every((u) => u['date'] === undefined && u['delta'] !== undefined))).toBe(true);
  });
});

describe('hide_zero_usage and show_skus', () => {
  const allZero = (r: Record<string, string>) =>
    ['absolute', 'delta', 'effective'].every((p) => Number(r[`usage.${p}.total`] || 0) === 0);

  it('drops the items without usage in the period, and only those', () => {
    for (const kind of ['usage_summary', 'usage_daily'] as const) {
      const shown = csvRecords(render({ kind, level: 'all_customers' }));
      const hidden = csvRecords(render({ kind, level: 'all_customers', hideZeroUsage: true }));
      const key = (r: Record<string, string>) => `${r['tenant.id']}|${r['name']}|${r['edition']}|${r['infra.id']}`;
      const zeroItems = new Set(shown.map(key));
      for (const row of shown) if (!allZero(row)) zeroItems.delete(key(row));
      expect(zeroItems.size).toBeGreaterThan(0);
      expect(hidden.length).toBe(shown.filter((r) => !zeroItems.has(key(r))).length);
      expect(hidden.some((r) => zeroItems.has(key(r)))).toBe(false);
    }
  });

  it('adds an sku column only with show_skus, empty where there is no SKU', () => {
    expect(parseCsv(render())[0]).not.toContain('sku');
    const rows = csvRecords(render({ showSkus: true, level: 'all_customers' }));
    expect(rows.some((r) => /^S[A-Z0-9]+ENS$/.test(r['sku']!))).toBe(true);
    expect(rows.some((r) => r['sku'] === '')).toBe(true);
    for (const row of rows.filter((r) => r['name'] === 'local_storage')) expect(row['sku']).toBe('');

    const withSkus = JSON.parse(render({ format: 'json_v2_0', showSkus: true })) as JsonV2;
    expect(withSkus.tenants.flatMap((t) => t.usages).every((u) => typeof u['sku'] === 'string')).toBe(true);
    const without = JSON.parse(render({ format: 'json_v2_0' })) as JsonV2;
    expect(without.tenants.flatMap((t) => t.usages).some((u) => 'sku' in u)).toBe(false);
    expect(parseCsv(render({ format: 'csv', showSkus: true }))[0]).toContain('SKU');
    expect(JSON.parse(render({ format: 'json_v1', showSkus: true })).rows[0]).toHaveProperty('sku');
  });
});

describe('json_v2_0 params', () => {
  it.each([
    ['usage_daily', 4],
    ['usage_summary', 5],
    ['usage_current', 8],
    ['usage_breakdown', 9],
  ] as const)('number the kind %s as %i, in kind and in report_type', (kind, number) => {
    const { params } = JSON.parse(render({ format: 'json_v2_0', kind })) as JsonV2;
    expect([params['kind'], params['report_type']]).toEqual([number, number]);
  });

  it.each([
    ['direct_partners', 1],
    ['all_customers', 2],
    ['accounts', 3],
    ['all_partners', 4],
    ['itself', 0],
  ] as const)('number the level %s as %i', (level, number) => {
    expect((JSON.parse(render({ format: 'json_v2_0', level })) as JsonV2).params['report_level']).toBe(number);
  });

  it('name the report tenant by a numeric v1 id of its own, the same in every report, and by its name', () => {
    const groupIds = all.map((tenant) => {
      const { params } = JSON.parse(render({ format: 'json_v2_0', tenantId: tenant.id, level: 'itself' })) as JsonV2;
      expect(params['name']).toBe(tenant.name);
      expect(Number.isInteger(params['group_id'])).toBe(true);
      expect(params['group_id']).toBeGreaterThan(0);
      expect(params['group_id']).toBeLessThan(2 ** 31);
      return params['group_id'];
    });
    expect(new Set(groupIds).size).toBe(all.length);
    const other = JSON.parse(render({ format: 'json_v2_0', tenantId: all[3]!.id, kind: 'usage_daily', period: { start: '2025-04-01', end: '2025-04-02' } })) as JsonV2;
    expect(other.params['group_id']).toBe(groupIds[3]);
  });

  it('give gen_date as the instant of generation when it is known', () => {
    const { params } = JSON.parse(render({ format: 'json_v2_0', generatedAt: '2025-06-01T07:36:58.250Z' })) as JsonV2;
    expect(params['gen_date']).toBe(seconds('2025-06-01T07:36:58Z'));
  });
});

describe('json_v2_0 usages', () => {
  it('always carry absolute, delta and effective, each with production, total and trial numbers', () => {
    for (const kind of KINDS) {
      const json = JSON.parse(render({ format: 'json_v2_0', kind, level: 'all_customers', period: { start: '2025-05-01', end: '2025-05-03' } })) as JsonV2;
      const usages = json.tenants.flatMap((t) => t.usages);
      expect(usages.length).toBeGreaterThan(0);
      for (const u of usages) {
        for (const part of ['absolute', 'delta', 'effective']) {
          for (const figure of ['production', 'total', 'trial']) expect(Number.isInteger(u[part]?.[figure]), `${kind} ${part}.${figure}`).toBe(true);
        }
      }
      if (kind === 'usage_daily') expect(usages.every((u) => u['delta'].total === 0)).toBe(true);
    }
  });
});

describe('every format, kind and level', () => {
  it('parses: JSON as JSON, CSV as rectangular RFC 4180, HTML as balanced markup', () => {
    for (const format of FORMATS) {
      for (const kind of KINDS) {
        for (const level of LEVELS) {
          const period = { start: '2025-05-01', end: '2025-05-07' };
          const text = render({ format, kind, level, period, showSkus: level === 'accounts', hideZeroUsage: kind === 'usage_daily' });
          if (format === 'json_v1' || format === 'json_v2_0') {
            expect(() => JSON.parse(text)).not.toThrow();
          } else if (format === 'html') {
            expectBalancedHtml(text);
          } else {
            const [header, ...rows] = parseCsv(text);
            expect(rows.length).toBeGreaterThan(0);
            expect(rows.filter((row) => row.length !== header!.length)).toEqual([]);
          }
        }
      }
    }
  });

  it('describes the report in json_v2_0 params and json_v1 report', () => {
    const v2 = JSON.parse(render({ format: 'json_v2_0', reportName: 'May billing' })) as JsonV2;
    // as the vendor documents them: numbers for kind and level, UNIX timestamps, the tenant's v1 id and name
    expect(v2.params).toEqual({
      kind: 5,
      gen_date: seconds('2025-06-01T00:00:00Z'),
      begin_date: seconds('2025-05-01T00:00:00Z'),
      end_date: seconds('2025-05-31T23:59:59Z'),
      group_id: 1_396_930_744,
      name: 'Demo MSP',
      report_level: 1,
      report_type: 5,
    });
    const tenant = v2.tenants[0]!;
    expect(Object.keys(tenant)).toEqual(['id', 'kind', 'name', 'parent_id', 'usages']);
    expect(Object.keys(tenant.usages[0]!)).toEqual(['name', 'application_id', 'edition', 'infra', 'measurement_unit', 'absolute', 'delta', 'effective']);
    expect(Object.keys(tenant.usages[0]!['infra'])).toEqual(['id', 'backend_type', 'owner_id']);
    const v1 = JSON.parse(render({ format: 'json_v1' }));
    expect(v1.report).toMatchObject({ kind: 'usage_summary', level: 'direct_partners', tenant_id: tree.root.id });
    expect(v1.rows.length).toBeGreaterThan(0);
  });
});

describe('units', () => {
  it('keeps bytes and seconds in v2 and json_v1, and shows GB and points in csv and html', () => {
    const base = { tenantId: tree.root.id, level: 'itself' as const };
    const v2 = csvRecords(render(base));
    const table = csvRecords(render({ ...base, format: 'csv' }));
    const v1 = JSON.parse(render({ ...base, format: 'json_v1' })).rows as Record<string, any>[];
    const json = (JSON.parse(render({ ...base, format: 'json_v2_0' })) as JsonV2).tenants[0]!.usages;
    expect(table).toHaveLength(v2.length);
    const checked = new Set<string>();
    v2.forEach((row, i) => {
      const production = Number(row['usage.absolute.production']);
      expect(json[i]!['absolute']['production']).toBe(production);
      expect(v1[i]!['value_production']).toBe(production);
      const human = table[i]!;
      if (row['measurement_unit'] === 'bytes') {
        expect(human['Usage']).toBe((production / 1024 ** 3).toFixed(2));
        expect(human['Unit']).toBe('GB');
      } else if (row['measurement_unit'] === 'seconds') {
        expect(human['Usage']).toBe((production / 3600).toFixed(2));
        expect(human['Unit']).toBe('points');
      } else {
        expect(human['Usage']).toBe(String(production));
      }
      checked.add(row['measurement_unit']!);
    });
    expect([...checked].sort()).toEqual(['bytes', 'quantity', 'seconds']);
  });

  it('names compute points as the vendor does (compute_points for Disaster Recovery), in seconds', () => {
    const vendorNames = ['compute_points', 'pw_compute_points', 'dre_compute_points', 'p_dre_compute_points'];
    const rows = csvRecords(render({ level: 'all_customers' }));
    const seconds = rows.filter((row) => row['measurement_unit'] === 'seconds');
    expect(seconds.length).toBeGreaterThan(0);
    for (const row of seconds) expect(vendorNames).toContain(row['name']);
    const dr = APPLICATIONS.disaster_recovery.id;
    expect(unique(seconds.filter((row) => row['application.id'] === dr).map((row) => row['name']))).toEqual(['compute_points']);
    expect(rows.filter((row) => row['name']!.includes('compute_points') && !vendorNames.includes(row['name']!))).toEqual([]);
  });
});

describe('html', () => {
  it('is a complete page with one table row per usage row and escaped names', () => {
    const html = render({ format: 'html', level: 'all_customers' });
    const csvRows = csvRecords(render({ format: 'csv', level: 'all_customers' }));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expectBalancedHtml(html);
    expect(html.match(/<tr>/g)).toHaveLength(csvRows.length + 1);
    const quoted = all.find((t) => t.name.includes('"'))!;
    expect(html).toContain(`<td>${quoted.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}</td>`);
    expect(html).not.toContain(`<td>${quoted.name}</td>`);
  });

  it('says so when there is nothing to show', () => {
    const html = render({ format: 'html', period: { start: '2010-01-01', end: '2010-01-31' }, hideZeroUsage: true });
    expect(html).toContain('No usage in this period.');
    expectBalancedHtml(html);
  });
});

function expectBalancedHtml(html: string): void {
  const stack: string[] = [];
  const mismatches: string[] = [];
  const VOID = new Set(['meta', 'br', 'hr', 'img', 'link']);
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^<>]*>/g)) {
    const [, closing, name] = match;
    const tag = name!.toLowerCase();
    if (VOID.has(tag)) continue;
    if (!closing) stack.push(tag);
    else if (stack.pop() !== tag) mismatches.push(`</${tag}> at ${match.index}`);
  }
  expect(mismatches).toEqual([]);
  expect(stack).toEqual([]);
  // Every < that is not a tag was escaped.
  expect(html.replace(/<!DOCTYPE html>|<\/?[a-zA-Z][a-zA-Z0-9]*[^<>]*>/g, '')).not.toMatch(/[<>]/);
}
