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

import type { ReportPlan, UsageRow } from '../rows.js';
import type { FormatWriter } from './writer.js';

export function jsonV1Writer(plan: ReportPlan): FormatWriter {
  let first = true;
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
    tenantStart: () => '',
    row(row: UsageRow) {
      const { tenant, item } = row;
      const user = tenant.users[0];
      const out: Record<string, unknown> = {
        tenant_id: tenant.id,
        tenant_name: tenant.name,
        tenant_kind: tenant.kind,
        parent_id: tenant.parentId,
        offering_item: item.name,
        application_id: item.applicationId,
        edition: item.edition,
        infra_id: item.infraId,
        backend_type: item.backendType,
        measurement_unit: item.measurementUnit,
      };
      if (plan.dated) out['date'] = row.date;
      out['value'] = row.absolute.total;
      out['value_production'] = row.absolute.production;
      out['value_trial'] = row.absolute.trial;
      if (row.delta) out['delta'] = row.delta.total;
      out['effective'] = row.effective.total;
      out['quota'] = item.quota ?? null;
      if (plan.showSkus) out['sku'] = item.sku ?? '';
      if (plan.accounts) {
        out['login'] = user?.login ?? '';
        out['email'] = user?.email ?? '';
      }
      const separator = first ? '\n' : ',\n';
      first = false;
      return separator + JSON.stringify(out);
    },
    tenantEnd: () => '',
    end: () => '\n]}\n',
  };
}
