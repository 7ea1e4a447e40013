// Writes the same usage lines as each file shape core reads, so one expectation covers every shape.

import type { UsageFormat } from '../../src/download/index.js';

type Triple = [production: number, total: number, trial: number];

export interface Line {
  tenant: { id: string; kind: string; name?: string };
  name: string;
  application: string;
  edition?: string;
  infra?: { id: string; backend_type: string; owner_id: string };
  /** Omitted: the file has no measurement_unit for this line (no column at all when no line has one). */
  unit?: string;
  absolute: Triple;
  delta?: Triple;
  effective?: Triple;
  sku?: string;
  date?: string;
}

export type Shape = 'csv' | 'json-nested' | 'json-flat';
export const SHAPES: readonly Shape[] = ['csv', 'json-nested', 'json-flat'];

export const formatOf = (shape: Shape): UsageFormat => (shape === 'csv' ? 'csv_v2_0' : 'json_v2_0');

export function usageFile(shape: Shape, lines: readonly Line[]): string {
  if (shape === 'csv') return csvFile(lines);
  if (shape === 'json-nested') return JSON.stringify({ params: {}, tenants: nestedTenants(lines) });
  return JSON.stringify({ params: {}, tenants: lines.map(flatElement) });
}

const amounts = (triple?: Triple) => triple && { production: triple[0], total: triple[1], trial: triple[2] };

function optional(line: Line) {
  return { measurement_unit: line.unit, sku: line.sku, date: line.date };
}

/** The csv_v2_0 columns as nested objects: the element shape that reads like one csv row. */
function flatElement(line: Line) {
  return {
    tenant: line.tenant,
    name: line.name,
    application: { id: line.application },
    edition: line.edition,
    infra: line.infra,
    usage: { absolute: amounts(line.absolute), delta: amounts(line.delta), effective: amounts(line.effective) },
    ...optional(line),
  };
}

/** One tenant per run of lines with the same tenant, each with its `usages` list (the simulator's shape). */
function nestedTenants(lines: readonly Line[]) {
  const tenants: { id: string; kind: string; name?: string; usages: unknown[] }[] = [];
  for (const line of lines) {
    const last = tenants.at(-1);
    const tenant = last?.id === line.tenant.id ? last : { ...line.tenant, usages: [] };
    if (tenant !== last) tenants.push(tenant);
    tenant.usages.push({
      name: line.name,
      application_id: line.application,
      edition: line.edition ?? '',
      infra: line.infra,
      absolute: amounts(line.absolute),
      delta: amounts(line.delta),
      effective: amounts(line.effective),
      ...optional(line),
    });
  }
  return tenants;
}

const CSV_COLUMNS = [
  'tenant.id', 'tenant.kind', 'tenant.name', 'name', 'application.id', 'edition', 'infra.id', 'infra.backend_type',
  'infra.owner_id', 'usage.absolute.production', 'usage.absolute.total', 'usage.absolute.trial',
  'usage.delta.production', 'usage.delta.total', 'usage.delta.trial', 'usage.effective.production',
  'usage.effective.total', 'usage.effective.trial', 'sku', 'date',
];

function csvFile(lines: readonly Line[]): string {
  const withUnit = lines.some((line) => line.unit !== undefined);
  const header = withUnit ? [...CSV_COLUMNS, 'measurement_unit'] : CSV_COLUMNS;
  const cells = (triple?: Triple): string[] => (triple ? triple.map(String) : ['', '', '']);
  const records = lines.map((line) => [
    line.tenant.id, line.tenant.kind, line.tenant.name ?? '', line.name, line.application, line.edition ?? '',
    line.infra?.id ?? '', line.infra?.backend_type ?? '', line.infra?.owner_id ?? '',
    ...cells(line.absolute), ...cells(line.delta), ...cells(line.effective), line.sku ?? '', line.date ?? '',
    ...(withUnit ? [line.unit ?? ''] : []),
  ]);
  const field = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [header, ...records].map((record) => record.map(field).join(',')).join('\r\n') + '\r\n';
}
