// json_v2_0 `tenants` elements to UsageRow. The vendor says each element is one service's usage of one tenant
// and that the file holds the data of csv_v2_0, but does not publish the element's fields; so two shapes are read:
//  - a tenant with its usages (the simulator's): { id, kind, name?, usages: [ { name, application_id, edition,
//    infra: { id, backend_type, owner_id }, measurement_unit?, date?, sku?, absolute, delta?, effective? } ] };
//  - one usage row, the csv_v2_0 columns as nested objects: { tenant: { id, kind, name? }, name,
//    application: { id }, edition, infra: { id, backend_type, owner_id }, usage: { absolute, delta, effective },
//    measurement_unit?, date?, sku? }.
// Both go through the CSV reader's row building, so the three read alike.

import type { Cell } from './amounts.js';
import { tenantFields, usageRow, type UsageColumns } from './usage-columns.js';
import type { UsageUnits } from './units.js';
import type { UsageRow } from './usage-row.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads columns from a JSON object by dotted path (`pathOf` maps a column name to the path in this shape); `where`
 * names the object in errors. A missing, null or empty object on the way (an absent `infra`) reads as empty cells.
 */
function jsonColumns(root: Json, where: string, pathOf: (column: string) => string = (column) => column): UsageColumns {
  return {
    cell: (column) => valueAt(root, pathOf(column), where),
    at: (column) => `${where}.${pathOf(column)}`,
  };
}

/** A value as JSON, cut short: an error names what it found without printing a whole subtree. */
function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 80)}...` : json;
}

function valueAt(root: Json, path: string, where: string): Cell {
  let value: unknown = root;
  let walked = where;
  for (const key of path.split('.')) {
    if (value === undefined || value === null || value === '') return undefined;
    if (!isObject(value)) throw new Error(`${walked} should be an object, got ${shown(value)}.`);
    value = value[key];
    walked += `.${key}`;
  }
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'number') return value;
  throw new Error(`${walked} should be a string or a number, got ${shown(value)}.`);
}

/** Where the simulator's nested usages keep each csv_v2_0 column (the tenant's own are read from the tenant). */
const nestedUsagePath = (column: string): string =>
  column === 'application.id' ? 'application_id' : column.startsWith('usage.') ? column.slice('usage.'.length) : column;

function nestedRows(tenant: Json, where: string, units: UsageUnits): UsageRow[] {
  const usages = tenant['usages'];
  if (!Array.isArray(usages)) throw new Error(`${where}.usages should be an array, got ${shown(usages)}.`);
  const ofTenant = tenantFields(jsonColumns(tenant, where, (column) => column.slice('tenant.'.length)));
  return usages.map((usage: unknown, at): UsageRow => {
    const here = `${where}.usages[${at}]`;
    if (!isObject(usage)) throw new Error(`${here} should be an object, got ${shown(usage)}.`);
    return usageRow(jsonColumns(usage, here, nestedUsagePath), ofTenant, units);
  });
}

/** The usage rows of one element of `tenants`; `index` is its position, for error messages. */
export function elementUsageRows(element: unknown, index: number, units: UsageUnits = 'normalised'): UsageRow[] {
  const where = `json_v2_0 tenants[${index}]`;
  if (!isObject(element)) throw new Error(`${where} should be an object, got ${shown(element)}.`);
  if (Object.hasOwn(element, 'usages')) return nestedRows(element, where, units);
  if (Object.hasOwn(element, 'tenant') || Object.hasOwn(element, 'usage')) return [usageRow(jsonColumns(element, where), undefined, units)];
  throw new Error(
    `${where} is in neither element shape that can be read (${describeKeys(element)}). Accepted are ` +
      `(a) a tenant with its usages, {id, kind, name?, usages: [{name, application_id, edition, infra, absolute, ` +
      `delta, effective}]}, and (b) one usage row with the csv_v2_0 columns as nested objects, {tenant: {id, kind}, ` +
      `name, application: {id}, edition, infra: {id, backend_type, owner_id}, usage: {absolute, delta, effective}}. ` +
      `Download the report's csv_v2_0 file instead: its columns are the ones the vendor's own billing parser reads.`,
  );
}

function describeKeys(element: Json): string {
  const keys = Object.keys(element);
  if (keys.length === 0) return 'it has no keys';
  const shown = keys.slice(0, 20).join(', ');
  return `it has the keys ${shown}${keys.length > 20 ? `, and ${keys.length - 20} more` : ''}`;
}
