// csv_v2_0 rows to UsageRow. Columns are found by header name, never by position: the vendor adds columns
// (tenant.name, measurement_unit, date, sku, user.*) depending on the report, and may add more.

import { normalisedUsage } from './units.js';
import { toAmounts } from './amounts.js';
import type { UsageRow } from './usage-row.js';

const REQUIRED = [
  'tenant.id', 'tenant.kind', 'name', 'application.id', 'edition', 'infra.id', 'infra.backend_type', 'infra.owner_id',
  'usage.absolute.production', 'usage.absolute.total', 'usage.absolute.trial',
  'usage.delta.production', 'usage.delta.total', 'usage.delta.trial',
  'usage.effective.production', 'usage.effective.total', 'usage.effective.trial',
] as const;
const OPTIONAL = ['tenant.name', 'measurement_unit', 'date', 'sku'] as const;

type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/** Reads records of one csv_v2_0 file: the header first, then data records. */
export class CsvUsageReader {
  private index: Map<Column, number> | null = null;
  private width = 0;
  private row = 0;

  /** The usage row of a record, or null for the header. */
  read(record: readonly string[]): UsageRow | null {
    if (!this.index) {
      this.index = indexHeader(record);
      this.width = record.length;
      return null;
    }
    this.row++;
    if (record.length !== this.width) {
      // A short record is usually a cut-off file; either way its cells cannot be trusted to their columns.
      throw new Error(`csv_v2_0 data row ${this.row} has ${record.length} fields where the header has ${this.width}.`);
    }
    const index = this.index;
    const cell = (column: Column): string | undefined => {
      const at = index.get(column);
      return at === undefined ? undefined : record[at];
    };
    const text = (column: Column): string => cell(column) ?? '';
    const optional = (column: Column): string | null => cell(column) || null;
    const group = (name: 'absolute' | 'delta' | 'effective') =>
      toAmounts(
        cell(`usage.${name}.production`),
        cell(`usage.${name}.total`),
        cell(`usage.${name}.trial`),
        `csv_v2_0 data row ${this.row}: usage.${name}`,
      );

    const offeringItem = text('name');
    const rawUnit = optional('measurement_unit');
    const absolute = group('absolute');
    if (!absolute) throw new Error(`csv_v2_0 data row ${this.row}: usage.absolute is empty.`);
    return {
      tenantId: text('tenant.id'),
      tenantKind: text('tenant.kind'),
      tenantName: optional('tenant.name'),
      applicationId: text('application.id'),
      edition: text('edition'),
      infraId: text('infra.id'),
      backendType: text('infra.backend_type'),
      ownerId: text('infra.owner_id'),
      sku: optional('sku'),
      date: optional('date'),
      ...normalisedUsage(offeringItem, rawUnit, { absolute, delta: group('delta'), effective: group('effective') }),
    };
  }
}

function indexHeader(header: readonly string[]): Map<Column, number> {
  const positions = new Map<string, number>();
  header.forEach((name, at) => {
    const key = name.trim();
    if (!positions.has(key)) positions.set(key, at);
  });
  const missing = REQUIRED.filter((column) => !positions.has(column));
  if (missing.length > 0) {
    const found = header.join(', ');
    throw new Error(
      `csv_v2_0 header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; is this a csv_v2_0 ` +
        `report? Found: ${found.length > 200 ? `${found.slice(0, 200)}...` : found}`,
    );
  }
  const index = new Map<Column, number>();
  for (const column of [...REQUIRED, ...OPTIONAL]) {
    const at = positions.get(column);
    if (at !== undefined) index.set(column, at);
  }
  return index;
}
