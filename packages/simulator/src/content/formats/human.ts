// The columns of the human formats (csv, html): names instead of ids, storage in binary GB (1024^3 bytes) and
// DR compute time in points (hours), both with two decimals, counts as whole numbers. Cells come in groups by
// what they depend on (tenant, item, row), so that formats can escape the tenant's and the item's text once.

import type { MeasurementUnit, OfferingItem, Tenant } from '../types.js';
import type { ReportPlan, UsageRow } from '../rows.js';
import { BACKEND_TITLES, CATALOG_BY_NAME, EDITION_TITLES, applicationById } from '../catalog.js';

const GIB = 1024 ** 3;
const SECONDS_PER_POINT = 3600;

export function humanAmount(value: number, unit: MeasurementUnit): string {
  if (unit === 'bytes') return (value / GIB).toFixed(2);
  if (unit === 'seconds') return (value / SECONDS_PER_POINT).toFixed(2);
  return String(value);
}

export function humanUnit(row: Pick<UsageRow, 'item'>): string {
  const { item } = row;
  if (item.measurementUnit === 'bytes') return 'GB';
  if (item.measurementUnit === 'seconds') return 'points';
  return CATALOG_BY_NAME.get(item.name)?.displayUnit ?? 'items';
}

const KIND_TITLES: Readonly<Record<Tenant['kind'], string>> = { partner: 'Partner', customer: 'Customer', folder: 'Folder' };

export interface HumanColumn {
  title: string;
  numeric: boolean;
}

const text = (title: string): HumanColumn => ({ title, numeric: false });
const number = (title: string): HumanColumn => ({ title, numeric: true });

/**
 * Tenant name, Tenant type, Tenant ID, Service, Offering item, Edition, Infrastructure, [Date], Usage,
 * Trial usage, [Usage change], Quota, Unit, [SKU], [Login, Email]. Usage and its change are production usage;
 * trial usage is shown on its own.
 */
export function humanColumns(plan: ReportPlan): HumanColumn[] {
  return [
    text('Tenant name'), text('Tenant type'), text('Tenant ID'), text('Service'), text('Offering item'),
    text('Edition'), text('Infrastructure'),
    ...humanValueColumns(plan),
    text('Unit'),
    ...(plan.showSkus ? [text('SKU')] : []),
    ...(plan.accounts ? [text('Login'), text('Email')] : []),
  ];
}

export function humanTenantCells(tenant: Tenant): string[] {
  return [tenant.name, KIND_TITLES[tenant.kind], tenant.id];
}

/** Text that depends on the item alone (not its quota): fit for an ItemMemo. */
export function humanItemCells(item: OfferingItem): string[] {
  return [
    applicationById(item.applicationId)?.title ?? '',
    CATALOG_BY_NAME.get(item.name)?.title ?? item.name,
    EDITION_TITLES[item.edition] ?? item.edition,
    BACKEND_TITLES[item.backendType] ?? item.backendType,
  ];
}

/** The columns of humanValueCells, in the same order. */
export function humanValueColumns(plan: ReportPlan): HumanColumn[] {
  return [
    ...(plan.dated ? [text('Date')] : []),
    number('Usage'), number('Trial usage'),
    ...(plan.withDelta ? [number('Usage change')] : []),
    number('Quota'),
  ];
}

/** [Date], Usage, Trial usage, [Usage change], Quota: numbers and a date, which never need escaping. */
export function humanValueCells(plan: ReportPlan, row: UsageRow): string[] {
  const { item } = row;
  const unit = item.measurementUnit;
  return [
    ...(plan.dated ? [row.date ?? ''] : []),
    humanAmount(row.absolute.production, unit),
    humanAmount(row.absolute.trial, unit),
    ...(plan.withDelta ? [row.delta ? humanAmount(row.delta.production, unit) : ''] : []),
    item.quota === undefined ? '' : humanAmount(item.quota, unit),
  ];
}

/** Text that depends on the item alone (not its quota): fit for an ItemMemo. */
export function humanUnitCells(plan: ReportPlan, item: OfferingItem): string[] {
  return [humanUnit({ item }), ...(plan.showSkus ? [item.sku ?? ''] : [])];
}

export function humanUserCells(plan: ReportPlan, tenant: Tenant): string[] {
  const user = tenant.users[0];
  return plan.accounts ? [user?.login ?? '', user?.email ?? ''] : [];
}
