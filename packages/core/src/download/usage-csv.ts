// csv_v2_0 rows to UsageRow. Columns are found by header name, never by position: the vendor adds columns
// (tenant.name, measurement_unit, date, sku, user.*) depending on the report, and may add more.

import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS, usageRow, type Column } from './usage-columns.js';
import type { UsageUnits } from './units.js';
import type { UsageRow } from './usage-row.js';

/** Reads records of one csv_v2_0 file: the header first, then data records. */
export class CsvUsageReader {
  private index: Map<Column, number> | null = null;
  private width = 0;
  private row = 0;

  constructor(private readonly units: UsageUnits = 'normalised') {}

  /** The usage row of a record, or null for the header. */
  read(record: readonly string[]): UsageRow | null {
    if (!this.index) {
      this.index = indexHeader(record);
      this.width = record.length;
      return null;
    }
    this.row++;
    if (record.length !== this.width) {
      throw widthError(this.row, record.length, this.width);
    }
    return recordUsageRow(record, this.index, this.row, this.units);
  }
}

/** The usage row of data record number `row` (1 for the first after the header), its columns found by `index`. */
export function recordUsageRow(record: readonly string[], index: Map<Column, number>, row: number, units: UsageUnits): UsageRow {
  return usageRow({
    cell: (column) => {
      const at = index.get(column);
      return at === undefined ? undefined : record[at];
    },
    at: (column) => `csv_v2_0 data row ${row}: ${column}`,
  }, undefined, units);
}

/** A record with the wrong number of fields: usually a cut-off file; its cells cannot be trusted to their columns. */
export const widthError = (row: number, fields: number, width: number): Error =>
  new Error(`csv_v2_0 data row ${row} has ${fields} fields where the header has ${width}.`);

/** Where each column is in a header record; fails when a required column is missing. */
export function indexHeader(header: readonly string[]): Map<Column, number> {
  const positions = new Map<string, number>();
  header.forEach((name, at) => {
    const key = name.trim();
    if (!positions.has(key)) positions.set(key, at);
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !positions.has(column));
  if (missing.length > 0) {
    const found = header.join(', ');
    throw new Error(
      `csv_v2_0 header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; is this a csv_v2_0 ` +
        `report? Found: ${found.length > 200 ? `${found.slice(0, 200)}...` : found}`,
    );
  }
  const index = new Map<Column, number>();
  for (const column of [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]) {
    const at = positions.get(column);
    if (at !== undefined) index.set(column, at);
  }
  return index;
}
