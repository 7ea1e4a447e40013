// json_v2_0: { "params": {...}, "tenants": [ { "id", "kind", "name", "parent_id", "users"?, "usages": [...] } ] }.
// Raw units as in csv_v2_0: bytes, counts, and seconds for DR compute points (divide by 3600 for points).

import type { Tenant, Usage } from '../types.js';
import type { ReportPlan, UsageRow } from '../rows.js';
import { ItemMemo } from './item-memo.js';
import { jsonV2Params } from './json-v2-params.js';
import { integerText } from './numbers.js';
import type { FormatWriter } from './writer.js';

const usage = (u: Usage): string =>
  `{"production":${integerText(u.production)},"total":${integerText(u.total)},"trial":${integerText(u.trial)}}`;

/** usage_daily reports levels only; its `delta` is still there, as zeros, so every usage has all three. */
const NO_CHANGE = usage({ production: 0, total: 0, trial: 0 });

const json = (value: string | null): string => JSON.stringify(value);

/**
 * `params`: see json-v2-params.ts. Each usage: `name`, `application_id`, `edition`,
 * `infra` {`id`, `backend_type`, `owner_id`}, `measurement_unit`, `date` (daily, breakdown), `sku` (show_skus;
 * '' when none), `absolute`, `delta` (zeros in usage_daily), `effective`. At the accounts level every tenant also
 * lists its `users` ({`id`, `login`, `email`}).
 */
export function jsonV2Writer(plan: ReportPlan): FormatWriter {
  let firstTenant = true;
  let firstUsage = true;
  const items = new ItemMemo((item) => ({
    head:
      `{"name":${json(item.name)},"application_id":${json(item.applicationId)},"edition":${json(item.edition)},` +
      `"infra":{"id":${json(item.infraId)},"backend_type":${json(item.backendType)},"owner_id":${json(item.ownerId)}},` +
      `"measurement_unit":${json(item.measurementUnit)},`,
    sku: plan.showSkus ? `"sku":${json(item.sku ?? '')},` : '',
  }));
  return {
    begin() {
      return `{"params":${JSON.stringify(jsonV2Params(plan))},\n"tenants":[`;
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
      const separator = firstUsage ? '\n' : ',\n';
      firstUsage = false;
      const text = items.get(row.item);
      const absolute = usage(row.absolute);
      const delta = row.delta ? usage(row.delta) : NO_CHANGE;
      // Effective usage is often the very same numbers: the last day's for stock items, the change for counters.
      const effective = row.effective === row.absolute ? absolute : row.effective === row.delta ? delta : usage(row.effective);
      return (
        `${separator}${text.head}${plan.dated ? `"date":${json(row.date)},` : ''}${text.sku}"absolute":${absolute},` +
        `"delta":${delta},"effective":${effective}}`
      );
    },
    tenantEnd: () => ']}',
    end: () => '\n]}\n',
  };
}
