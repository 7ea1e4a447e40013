// Small csv_v2_0 files for the billing-lines rules, written row by row; read through core's real parser.
import { billingLinesOfFile, type BillingLinesOptions, type BillingLinesResult } from '../../src/index.js';

export const GIB = 1024 ** 3;
export const CUSTOMER_A = 'aaaaaaaa-0000-4000-8000-000000000001';
export const CUSTOMER_B = 'bbbbbbbb-0000-4000-8000-000000000002';
export const PARTNER = 'cccccccc-0000-4000-8000-000000000003';
export const INFRA_1 = '11111111-0000-4000-8000-00000000000a';
export const INFRA_2 = '22222222-0000-4000-8000-00000000000b';
const APP = 'dddddddd-0000-4000-8000-00000000000d';

const HEADER = [
  'tenant.id', 'tenant.kind', 'tenant.name', 'name', 'application.id', 'edition', 'infra.id', 'infra.backend_type',
  'infra.owner_id', 'usage.absolute.production', 'usage.absolute.total', 'usage.absolute.trial',
  'usage.delta.production', 'usage.delta.total', 'usage.delta.trial', 'usage.effective.production',
  'usage.effective.total', 'usage.effective.trial', 'measurement_unit', 'sku',
];

type Amounts = [production: number, total: number, trial: number];

export interface Row {
  tenant?: string;
  kind?: string;
  tenantName?: string;
  item: string;
  edition?: string;
  infra?: string;
  backend?: string;
  unit?: string;
  sku?: string;
  absolute: Amounts;
  /** null: empty cells (a usage_daily row). Default: zeros. */
  delta?: Amounts | null;
  effective?: Amounts;
}

const field = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function csvOf(rows: Row[]): string {
  const records = rows.map((r) => {
    const delta = r.delta === null ? ['', '', ''] : (r.delta ?? [0, 0, 0]).map(String);
    return [
      r.tenant ?? CUSTOMER_A, r.kind ?? 'customer', r.tenantName ?? 'Alpha GmbH', r.item, APP, r.edition ?? 'standard',
      r.infra ?? '', r.backend ?? '', r.infra ? PARTNER : '', ...r.absolute.map(String), ...delta,
      ...(r.effective ?? r.absolute).map(String), r.unit ?? '', r.sku ?? '',
    ];
  });
  return [HEADER, ...records].map((record) => record.map(field).join(',')).join('\r\n') + '\r\n';
}

export const streamOfText = (text: string): ReadableStream<Uint8Array> => new Blob([text]).stream();

export function linesOf(rows: Row[], options: BillingLinesOptions = {}): Promise<BillingLinesResult> {
  return billingLinesOfFile(streamOfText(csvOf(rows)), 'csv_v2_0', options);
}
