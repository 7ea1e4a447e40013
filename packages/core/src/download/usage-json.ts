// json_v2_0 tenants to UsageRow: { id, kind, name, parent_id, users?, usages: [ { name, application_id, edition,
// infra: { id, backend_type, owner_id }, measurement_unit, date?, sku?, absolute, delta?, effective? } ] }.

import { toAmounts, type Cell } from './amounts.js';
import { normalisedUsage } from './units.js';
import type { UsageAmounts, UsageRow } from './usage-row.js';

type Json = Record<string, unknown>;

const NO_INFRA: Json = { id: '', backend_type: '', owner_id: '' };

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function object(value: unknown, where: string): Json {
  if (!isObject(value)) throw new Error(`${where} should be an object.`);
  return value;
}

function text(parent: Json, key: string, where: string): string {
  const value = parent[key];
  if (typeof value !== 'string') throw new Error(`${where}.${key} should be a string, got ${JSON.stringify(value ?? null)}.`);
  return value;
}

/** A string that may be absent, null or empty: all three mean "not given". */
function optionalText(parent: Json, key: string, where: string): string | null {
  const value = parent[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new Error(`${where}.${key} should be a string, got ${JSON.stringify(value)}.`);
  return value;
}

function amounts(parent: Json, key: string, where: string): UsageAmounts | null {
  const value = parent[key];
  if (value === undefined || value === null) return null;
  const group = object(value, `${where}.${key}`);
  return toAmounts(group['production'] as Cell, group['total'] as Cell, group['trial'] as Cell, `${where}.${key}`);
}

/** The usage rows of one element of `tenants`; `index` is its position, for error messages. */
export function tenantUsageRows(value: unknown, index: number): UsageRow[] {
  const where = `json_v2_0 tenants[${index}]`;
  const tenant = object(value, where);
  const usages = tenant['usages'] ?? [];
  if (!Array.isArray(usages)) throw new Error(`${where}.usages should be an array.`);
  const tenantId = text(tenant, 'id', where);
  const tenantKind = text(tenant, 'kind', where);
  const tenantName = optionalText(tenant, 'name', where);
  return usages.map((item: unknown, at): UsageRow => {
    const here = `${where}.usages[${at}]`;
    const usage = object(item, here);
    // No infra object (or null) reads as an item bound to no infrastructure, like the empty cells of the CSV.
    const infra = usage['infra'] === undefined || usage['infra'] === null ? NO_INFRA : object(usage['infra'], `${here}.infra`);
    const offeringItem = text(usage, 'name', here);
    const rawUnit = optionalText(usage, 'measurement_unit', here);
    const absolute = amounts(usage, 'absolute', here);
    if (!absolute) throw new Error(`${here}.absolute is missing.`);
    return {
      tenantId,
      tenantKind,
      tenantName,
      applicationId: text(usage, 'application_id', here),
      edition: text(usage, 'edition', here),
      infraId: text(infra, 'id', `${here}.infra`),
      backendType: text(infra, 'backend_type', `${here}.infra`),
      ownerId: text(infra, 'owner_id', `${here}.infra`),
      sku: optionalText(usage, 'sku', here),
      date: optionalText(usage, 'date', here),
      ...normalisedUsage(offeringItem, rawUnit, { absolute, delta: amounts(usage, 'delta', here), effective: amounts(usage, 'effective', here) }),
    };
  });
}
