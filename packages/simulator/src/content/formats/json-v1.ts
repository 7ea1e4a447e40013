// json_v1, the API v1 compatible JSON. The vendor does not publish its shape; this is ours:
//
// {
//   "report": { "name", "kind", "level", "tenant_id", "tenant_name", "period": { "start", "end" },
//               "generation_date", "hide_zero_usage", "show_skus" },
//   "rows": [ { "tenant_id", "tenant_name", "tenant_kind", "parent_id", "offering_item", "application_id",
//               "edition", "infra_id", "backend_type", "measurement_unit", "date"?, "value", "value_production",
//               "value_trial", "delta"?, "effective", "quota", "sku"?, "login"?, "email"? } ]
// }
//
// Flat rows, snake_case keys, values in raw units like v2 (bytes, counts, seconds: divide compute seconds by
// 3600 for points). `value`, `delta` and `effective` are totals (production + trial); `delta` is left out of
// usage_daily rows; `date` is only in usage_daily / usage_breakdown rows; `quota` is null without a quota;
// `sku` ('' when the item has none) only with show_skus; `login` / `email` (the tenant's primary user) only at
// the accounts level.

import type { Tenant } from '../types.js';
import type { ReportPlan, UsageRow } from '../rows.js';
import { ItemMemo } from './item-memo.js';
import { integerText } from './numbers.js';
import type { FormatWriter } from './writer.js';

const json = (value: string | null): string => JSON.stringify(value);

export function jsonV1Writer(plan: ReportPlan): FormatWriter {
  let first = true;
  let tenantText = '';
  let userText = '';
  // Keys in the order above; the item's text (its quota aside) is the same for every row of the item.
  const items = new ItemMemo((item) => ({
    head:
      `"offering_item":${json(item.name)},"application_id":${json(item.applicationId)},"edition":${json(item.edition)},` +
      `"infra_id":${json(item.infraId)},"backend_type":${json(item.backendType)},"measurement_unit":${json(item.measurementUnit)},`,
    sku: plan.showSkus ? `,"sku":${json(item.sku ?? '')}` : '',
  }));
  return {
    begin() {
      const report = {
        name: plan.reportName,
        kind: plan.kind,
        level: plan.level,
        tenant_id: plan.tenant.id,
        tenant_name: plan.tenant.name,
        period: { start: plan.beginDate, end: plan.endDate },
        generation_date: plan.generationDate,
        hide_zero_usage: plan.hideZeroUsage,
        show_skus: plan.showSkus,
      };
      return `{"report":${JSON.stringify(report)},\n"rows":[`;
    },
    tenantStart(tenant: Tenant) {
      tenantText =
        `{"tenant_id":${json(tenant.id)},"tenant_name":${json(tenant.name)},"tenant_kind":${json(tenant.kind)},` +
        `"parent_id":${json(tenant.parentId)},`;
      const user = tenant.users[0];
      userText = plan.accounts ? `,"login":${json(user?.login ?? '')},"email":${json(user?.email ?? '')}` : '';
      return '';
    },
    row(row: UsageRow) {
      const { item } = row;
      const text = items.get(item);
      const separator = first ? '\n' : ',\n';
      first = false;
      return (
        `${separator}${tenantText}${text.head}${plan.dated ? `"date":${json(row.date)},` : ''}` +
        `"value":${integerText(row.absolute.total)},"value_production":${integerText(row.absolute.production)},` +
        `"value_trial":${integerText(row.absolute.trial)},${row.delta ? `"delta":${integerText(row.delta.total)},` : ''}` +
        `"effective":${integerText(row.effective.total)},"quota":${item.quota === undefined ? 'null' : integerText(item.quota)}` +
        `${text.sku}${userText}}`
      );
    },
    tenantEnd: () => '',
    end: () => '\n]}\n',
  };
}
