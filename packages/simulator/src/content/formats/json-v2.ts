// json_v2_0: { "params": {...}, "tenants": [ { "id", "kind", "name", "parent_id", "users"?, "usages": [...] } ] }.
// Raw units as in csv_v2_0: bytes, counts, and seconds for DR compute points (divide by 3600 for points).

import type { Tenant, Usage } from '../types.js';
import type { ReportPlan, UsageRow } from '../rows.js';
import type { FormatWriter } from './writer.js';

const REPORT_TYPES: Readonly<Record<ReportPlan['kind'], string>> = {
  usage_summary: 'summary',
  usage_daily: 'daily',
  usage_current: 'current',
  usage_breakdown: 'breakdown',
};

const usage = (u: Usage): string => `{"production":${u.production},"total":${u.total},"trial":${u.trial}}`;

/**
 * `params.kind` is the report kind (`usage_summary`...), `report_type` its short form (`summary`...),
 * `report_level` the level, `group_id` the report's tenant. Each usage: `name`, `application_id`, `edition`,
 * `infra` {`id`, `backend_type`, `owner_id`}, `measurement_unit`, `date` (daily, breakdown), `sku` (show_skus;
 * '' when none), `absolute`, `delta` (not in usage_daily), `effective`. At the accounts level every tenant also
 * lists its `users` ({`id`, `login`, `email`}).
 */
export function jsonV2Writer(plan: ReportPlan): FormatWriter {
  let firstTenant = true;
  let firstUsage = true;
  return {
    begin() {
      const params = {
        kind: plan.kind,
        gen_date: plan.generationDate,
        begin_date: plan.beginDate,
        end_date: plan.endDate,
        group_id: plan.tenant.id,
        name: plan.reportName,
        report_level: plan.level,
        report_type: REPORT_TYPES[plan.kind],
      };
      return `{"params":${JSON.stringify(params)},\n"tenants":[`;
    },
    tenantStart(tenant: Tenant) {
      const separator = firstTenant ? '\n' : ',\n';
      firstTenant = false;
      firstUsage = true;
      const users = plan.accounts ? `"users":${JSON.stringify(tenant.users)},` : '';
      return (
        `${separator}{"id":${JSON.stringify(tenant.id)},"kind":${JSON.stringify(tenant.kind)},` +
        `"name":${JSON.stringify(tenant.name)},"parent_id":${JSON.stringify(tenant.parentId)},${users}"usages":[`
      );
    },
    row(row: UsageRow) {
      const { item } = row;
      const separator = firstUsage ? '\n' : ',\n';
      firstUsage = false;
      return (
        `${separator}{"name":${JSON.stringify(item.name)},"application_id":${JSON.stringify(item.applicationId)},` +
        `"edition":${JSON.stringify(item.edition)},"infra":{"id":${JSON.stringify(item.infraId)},` +
        `"backend_type":${JSON.stringify(item.backendType)},"owner_id":${JSON.stringify(item.ownerId)}},` +
        `"measurement_unit":${JSON.stringify(item.measurementUnit)},` +
        (plan.dated ? `"date":${JSON.stringify(row.date)},` : '') +
        (plan.showSkus ? `"sku":${JSON.stringify(item.sku ?? '')},` : '') +
        `"absolute":${usage(row.absolute)},` +
        (row.delta ? `"delta":${usage(row.delta)},` : '') +
        `"effective":${usage(row.effective)}}`
      );
    },
    tenantEnd: () => ']}',
    end: () => '\n]}\n',
  };
}
