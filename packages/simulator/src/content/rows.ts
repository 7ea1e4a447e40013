// Turns a report request into its rows: which tenants, which items, which days, and the numbers.

import type { OfferingItem, ReportFileRequest, ReportFormat, ReportKind, ReportLevel, Tenant, Usage } from './types.js';
import { fromDay, monthStart, toDay } from './dates.js';
import { selectTenants } from './levels.js';
import { SpanUsage } from './span.js';
import { isCounter, isZeroOverPeriod, usageOnDay } from './usage.js';

/** One row of a report. Rows are handed out one at a time and may be reused: format them before the next. */
export interface UsageRow {
  tenant: Tenant;
  item: OfferingItem;
  /** The day of a `usage_daily` / `usage_breakdown` row; null for one row per item. */
  date: string | null;
  absolute: Usage;
  /** Null for `usage_daily`, which reports levels only. */
  delta: Usage | null;
  effective: Usage;
}

/** Everything about a report that the formats print besides its rows. */
export interface ReportPlan {
  kind: ReportKind;
  level: ReportLevel;
  format: ReportFormat;
  tenant: Tenant;
  tenants: Tenant[];
  /** The days the report covers (for `usage_current`: the first of the month up to yesterday). */
  first: number;
  last: number;
  beginDate: string;
  endDate: string;
  generationDate: string;
  /** Milliseconds since the epoch. */
  generatedAt: number;
  reportName: string;
  hideZeroUsage: boolean;
  showSkus: boolean;
  seed: number;
  /** One row per day (`usage_daily`, `usage_breakdown`) rather than one per item. */
  dated: boolean;
  /** Whether rows carry a delta (all kinds but `usage_daily`). */
  withDelta: boolean;
  /** `accounts` level: user details go with every tenant. */
  accounts: boolean;
}

const DAY_MS = 86_400_000;
const KINDS: readonly ReportKind[] = ['usage_daily', 'usage_summary', 'usage_current', 'usage_breakdown'];
const LEVELS: readonly ReportLevel[] = ['itself', 'direct_partners', 'all_partners', 'all_customers', 'accounts'];
const FORMATS: readonly ReportFormat[] = ['csv', 'html', 'json_v1', 'csv_v2_0', 'json_v2_0'];

export const DEFAULT_REPORT_NAMES: Readonly<Record<ReportKind, string>> = {
  usage_summary: 'Usage summary',
  usage_daily: 'Daily usage',
  usage_current: 'Current usage',
  usage_breakdown: 'Usage breakdown',
};

export function planReport(request: ReportFileRequest): ReportPlan {
  const { kind, level, format } = request;
  if (!KINDS.includes(kind)) throw new RangeError(`Unknown report kind: ${String(kind)}`);
  if (!LEVELS.includes(level)) throw new RangeError(`Unknown report level: ${String(level)}`);
  if (!FORMATS.includes(format)) throw new RangeError(`Unknown report format: ${String(format)}`);
  const tenant = request.tree.byId.get(request.tenantId.toLowerCase());
  if (!tenant) throw new RangeError(`Tenant ${request.tenantId} is not in the tenant tree`);
  const generation = toDay(request.generationDate);
  const generatedAt = request.generatedAt === undefined ? generation * DAY_MS : Date.parse(request.generatedAt);
  if (Number.isNaN(generatedAt)) throw new RangeError(`Not a date-time: ${JSON.stringify(request.generatedAt)}`);

  let first: number;
  let last: number;
  if (kind === 'usage_current') {
    last = generation - 1;
    first = monthStart(last);
  } else {
    first = toDay(request.period.start);
    last = toDay(request.period.end);
    if (first > last) throw new RangeError(`Period start ${request.period.start} is after its end ${request.period.end}`);
  }

  return {
    kind,
    level,
    format,
    tenant,
    tenants: selectTenants(request.tree, tenant, level),
    first,
    last,
    beginDate: fromDay(first),
    endDate: fromDay(last),
    generationDate: request.generationDate,
    generatedAt,
    reportName: request.reportName ?? DEFAULT_REPORT_NAMES[kind],
    hideZeroUsage: request.hideZeroUsage,
    showSkus: request.showSkus,
    seed: request.seed,
    dated: kind === 'usage_daily' || kind === 'usage_breakdown',
    withDelta: kind !== 'usage_daily',
    accounts: level === 'accounts',
  };
}

function visibleItems(plan: ReportPlan, tenant: Tenant): OfferingItem[] {
  if (!plan.hideZeroUsage) return tenant.offeringItems;
  return tenant.offeringItems.filter((item) => !isZeroOverPeriod(tenant, item, plan.seed, plan.first, plan.last));
}

const minus = (a: Usage, b: Usage): Usage => ({
  production: a.production - b.production,
  trial: a.trial - b.trial,
  total: a.total - b.total,
});

/**
 * The rows of each tenant of a report, as a function of the tenant; each row is valid until the next one is
 * asked for, and a tenant's rows until the next tenant's are. Summary: values at the end of the period, delta
 * from the end of its first day (the vendor's "as of 23:59:59 of the start and end dates"). Current: month to
 * date, delta from the end of the previous month. Daily and breakdown: each day, items in tree order within the
 * day, delta from the day before.
 */
export function rowsOf(plan: ReportPlan): (tenant: Tenant) => Iterable<UsageRow> {
  if (plan.dated) return (tenant) => datedRows(plan, tenant);
  const rows = new SpanRows(plan);
  return (tenant) => rows.of(tenant);
}

/**
 * One row per item, computed as it is asked for into the same row object: padded summaries allocate nothing
 * per row, nor per tenant.
 */
class SpanRows implements IterableIterator<UsageRow> {
  private items: OfferingItem[] = [];
  private index = 0;
  private readonly before: number;
  private readonly span = new SpanUsage();
  private readonly row: UsageRow;
  private readonly result: IteratorYieldResult<UsageRow>;

  constructor(private readonly plan: ReportPlan) {
    this.before = plan.kind === 'usage_current' ? plan.first - 1 : plan.first;
    const { absolute, delta, effective } = this.span;
    // Tenant and item are set before the row is handed out.
    this.row = { tenant: plan.tenant, item: undefined as unknown as OfferingItem, date: null, absolute, delta, effective };
    this.result = { done: false, value: this.row };
  }

  /** Starts over with the items of `tenant`. */
  of(tenant: Tenant): this {
    this.row.tenant = tenant;
    this.items = visibleItems(this.plan, tenant);
    this.index = 0;
    return this;
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<UsageRow> {
    const item = this.items[this.index++];
    if (item === undefined) return { done: true, value: undefined };
    const { plan, row } = this;
    row.item = item;
    row.effective = this.span.compute(row.tenant, item, plan.seed, this.before, plan.first, plan.last).effective;
    return this.result;
  }
}

/** One row per item and day: as many as the period is long, so made one by one. */
function* datedRows(plan: ReportPlan, tenant: Tenant): Generator<UsageRow> {
  const items = visibleItems(plan, tenant);
  const counters = items.map(isCounter);
  const previous = items.map((item) => usageOnDay(tenant, item, plan.first - 1, plan.seed));
  for (let day = plan.first; day <= plan.last; day++) {
    const date = fromDay(day);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const absolute = usageOnDay(tenant, item, day, plan.seed);
      const change = minus(absolute, previous[i]!);
      previous[i] = absolute;
      yield {
        tenant,
        item,
        date,
        absolute,
        delta: plan.withDelta ? change : null,
        effective: counters[i] ? change : absolute,
      };
    }
  }
}
