// csv_v2_0: the machine-readable CSV billing automation reads. Raw units: bytes, counts, seconds.

import type { Tenant, Usage } from '../types.js';
import type { ReportPlan, UsageRow } from '../rows.js';
import { csvField, csvLine } from './escape.js';
import type { FormatWriter } from './writer.js';

/** The vendor's columns, exactly and in this order; extra columns only ever follow them. */
export const CSV_V2_VENDOR_COLUMNS = [
  'tenant.id', 'tenant.kind', 'tenant.name', 'name', 'application.id', 'edition', 'infra.id', 'infra.backend_type',
  'infra.owner_id', 'usage.absolute.production', 'usage.absolute.total', 'usage.absolute.trial',
  'usage.delta.production', 'usage.delta.total', 'usage.delta.trial', 'usage.effective.production',
  'usage.effective.total', 'usage.effective.trial',
] as const;

/** Vendor columns, then `measurement_unit`, then `date` (daily, breakdown), `sku` (show_skus), user (accounts). */
export function csvV2Columns(plan: Pick<ReportPlan, 'dated' | 'showSkus' | 'accounts'>): string[] {
  return [
    ...CSV_V2_VENDOR_COLUMNS,
    'measurement_unit',
    ...(plan.dated ? ['date'] : []),
    ...(plan.showSkus ? ['sku'] : []),
    ...(plan.accounts ? ['user.login', 'user.email'] : []),
  ];
}

const triple = (u: Usage): string => `${u.production},${u.total},${u.trial}`;

export function csvV2Writer(plan: ReportPlan): FormatWriter {
  let prefix = '';
  let suffix = '';
  return {
    begin: () => csvLine(csvV2Columns(plan)),
    tenantStart(tenant: Tenant) {
      prefix = `${csvField(tenant.id)},${tenant.kind},${csvField(tenant.name)},`;
      // `accounts` rows name the tenant's primary (first) user: its administrator and billing contact.
      const user = tenant.users[0];
      suffix = plan.accounts ? `,${csvField(user?.login ?? '')},${csvField(user?.email ?? '')}` : '';
      return '';
    },
    row(row: UsageRow) {
      const { item } = row;
      return (
        `${prefix}${csvField(item.name)},${item.applicationId},${csvField(item.edition)},${item.infraId},` +
        `${csvField(item.backendType)},${item.ownerId},${triple(row.absolute)},` +
        `${row.delta ? triple(row.delta) : ',,'},${triple(row.effective)},${item.measurementUnit}` +
        `${plan.dated ? `,${row.date ?? ''}` : ''}${plan.showSkus ? `,${csvField(item.sku ?? '')}` : ''}${suffix}\r\n`
      );
    },
    tenantEnd: () => '',
    end: () => '',
  };
}
