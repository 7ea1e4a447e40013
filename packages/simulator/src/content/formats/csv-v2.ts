// csv_v2_0: the machine-readable CSV billing automation reads. Raw units: bytes, counts, seconds.

import type { Tenant } from '../types.js';
import type { ReportPlan, UsageRow } from '../rows.js';
import { csvField, csvLine } from './escape.js';
import { ItemMemo } from './item-memo.js';
import { usageTriple } from './numbers.js';
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

const NO_CHANGE = '0,0,0';

interface ItemText {
  /** From the item name to the infrastructure owner, with the comma that follows. */
  head: string;
  unit: string;
  sku: string;
}

export function csvV2Writer(plan: ReportPlan): FormatWriter {
  let prefix = '';
  let suffix = '';
  const items = new ItemMemo<ItemText>((item) => ({
    head:
      `${csvField(item.name)},${item.applicationId},${csvField(item.edition)},${item.infraId},` +
      `${csvField(item.backendType)},${item.ownerId},`,
    unit: `,${item.measurementUnit}`,
    sku: plan.showSkus ? `,${csvField(item.sku ?? '')}` : '',
  }));
  return {
    begin: () => csvLine(csvV2Columns(plan)),
    tenantStart(tenant: Tenant) {
      prefix = `${csvField(tenant.id)},${tenant.kind},${csvField(tenant.name)},`;
      // `accounts` rows name the tenant's primary (first) user: its administrator and billing contact.
      const user = tenant.users[0];
      suffix = `${plan.accounts ? `,${csvField(user?.login ?? '')},${csvField(user?.email ?? '')}` : ''}\r\n`;
      return '';
    },
    row(row: UsageRow) {
      const text = items.get(row.item);
      const absolute = usageTriple(row.absolute);
      // The vendor's parser wants a number in every usage cell: usage_daily, which reports levels only, says 0.
      const delta = row.delta ? usageTriple(row.delta) : NO_CHANGE;
      // Effective usage is often the very same numbers: the last day's for stock items, the change for counters.
      const effective = row.effective === row.absolute ? absolute : row.effective === row.delta ? delta : usageTriple(row.effective);
      const date = plan.dated ? `,${row.date ?? ''}` : '';
      return `${prefix}${text.head}${absolute},${delta},${effective}${text.unit}${date}${text.sku}${suffix}`;
    },
    tenantEnd: () => '',
    end: () => '',
  };
}
