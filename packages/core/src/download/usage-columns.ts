// One usage row from the csv_v2_0 columns, whichever file it comes from: the CSV reader looks them up in a record,
// the JSON reader in an element. Both readers therefore agree on what is required, what may be empty, and what
// each field becomes.

import { toAmounts, type Cell } from './amounts.js';
import { fileUsage, normalisedUsage, type UsageUnits } from './units.js';
import type { UsageRow } from './usage-row.js';

/** The columns the vendor's own billing parser requires (any order). */
export const REQUIRED_COLUMNS = [
  'tenant.id', 'tenant.kind', 'name', 'application.id', 'edition', 'infra.id', 'infra.backend_type', 'infra.owner_id',
  'usage.absolute.production', 'usage.absolute.total', 'usage.absolute.trial',
  'usage.delta.production', 'usage.delta.total', 'usage.delta.trial',
  'usage.effective.production', 'usage.effective.total', 'usage.effective.trial',
] as const;
/** Columns some reports add (tenant.name, measurement_unit and date in the simulator's files, sku with show_skus). */
export const OPTIONAL_COLUMNS = ['tenant.name', 'measurement_unit', 'date', 'sku'] as const;

export type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** Where a row's values come from. */
export interface UsageColumns {
  /** The value of a column; undefined when the row lacks it. */
  cell(column: Column): Cell;
  /** How an error names that column (or that group) of this row. */
  at(column: Column | 'usage.absolute' | 'usage.delta' | 'usage.effective'): string;
}

/** Must be there, as a string; an empty one passes (the vendor's parser refuses it, core never has). */
function text(columns: UsageColumns, column: Column): string {
  return asString(columns.cell(column), columns, column);
}

/** Absent means empty: edition and infra.* cells are often empty, and JSON leaves such fields out. */
function textOrEmpty(columns: UsageColumns, column: Column): string {
  const value = columns.cell(column);
  return value === undefined || value === null ? '' : asString(value, columns, column);
}

function asString(value: Cell, columns: UsageColumns, column: Column): string {
  if (typeof value !== 'string') throw new Error(`${columns.at(column)} should be a string, got ${JSON.stringify(value ?? null)}.`);
  return value;
}

/** Absent, null or empty all mean "not given". */
function optionalText(columns: UsageColumns, column: Column): string | null {
  return textOrEmpty(columns, column) || null;
}

function amounts(columns: UsageColumns, group: 'absolute' | 'delta' | 'effective') {
  return toAmounts(
    columns.cell(`usage.${group}.production`),
    columns.cell(`usage.${group}.total`),
    columns.cell(`usage.${group}.trial`),
    columns.at(`usage.${group}`),
  );
}

export type TenantFields = Pick<UsageRow, 'tenantId' | 'tenantKind' | 'tenantName'>;

/** The tenant part of a row: read once per tenant where a file nests its usages under it. */
export function tenantFields(columns: UsageColumns): TenantFields {
  return {
    tenantId: text(columns, 'tenant.id'),
    tenantKind: text(columns, 'tenant.kind'),
    tenantName: optionalText(columns, 'tenant.name'),
  };
}

/**
 * The row, with units normalised (or, with `units` 'file', as written); `tenant` when the tenant's fields are
 * read elsewhere.
 */
export function usageRow(columns: UsageColumns, tenant: TenantFields = tenantFields(columns), units: UsageUnits = 'normalised'): UsageRow {
  const offeringItem = text(columns, 'name');
  const absolute = amounts(columns, 'absolute');
  if (!absolute) throw new Error(`${columns.at('usage.absolute')} is empty.`);
  // One literal (no spreading of part objects into another): V8 builds these rows far faster that way.
  return {
    tenantId: tenant.tenantId,
    tenantKind: tenant.tenantKind,
    tenantName: tenant.tenantName,
    applicationId: text(columns, 'application.id'),
    edition: textOrEmpty(columns, 'edition'),
    infraId: textOrEmpty(columns, 'infra.id'),
    backendType: textOrEmpty(columns, 'infra.backend_type'),
    ownerId: textOrEmpty(columns, 'infra.owner_id'),
    sku: optionalText(columns, 'sku'),
    date: optionalText(columns, 'date'),
    ...(units === 'file' ? fileUsage : normalisedUsage)(offeringItem, optionalText(columns, 'measurement_unit'), {
      absolute,
      delta: amounts(columns, 'delta'),
      effective: amounts(columns, 'effective'),
    }),
  };
}
