// json_v2_0's `params`, as the vendor documents them: kind and level as numbers, dates as UNIX timestamps in
// seconds, the report's tenant by its API v1 id and its name. Where the vendor is silent, the simulator chose
// (see the README): usage_breakdown is kind 9, itself is level 0, the period runs from 00:00:00 UTC of its
// first day to 23:59:59 UTC of its last.

import type { ReportKind, ReportLevel } from '../types.js';
import type { ReportPlan } from '../rows.js';
import { v1TenantId } from '../v1-id.js';

export const REPORT_KIND_NUMBERS: Readonly<Record<ReportKind, number>> = {
  usage_daily: 4,
  usage_summary: 5,
  usage_current: 8,
  usage_breakdown: 9,
};

export const REPORT_LEVEL_NUMBERS: Readonly<Record<ReportLevel, number>> = {
  itself: 0,
  direct_partners: 1,
  all_customers: 2,
  accounts: 3,
  all_partners: 4,
};

const DAY_SECONDS = 86_400;

export interface JsonV2Params {
  kind: number;
  gen_date: number;
  begin_date: number;
  end_date: number;
  group_id: number;
  name: string;
  report_level: number;
  report_type: number;
}

export function jsonV2Params(plan: ReportPlan): JsonV2Params {
  const kind = REPORT_KIND_NUMBERS[plan.kind];
  return {
    kind,
    gen_date: Math.floor(plan.generatedAt / 1000),
    begin_date: plan.first * DAY_SECONDS,
    end_date: (plan.last + 1) * DAY_SECONDS - 1,
    group_id: v1TenantId(plan.tenant),
    name: plan.tenant.name,
    report_level: REPORT_LEVEL_NUMBERS[plan.level],
    // The vendor describes report_type as the report kind again, in the same enumeration.
    report_type: kind,
  };
}
