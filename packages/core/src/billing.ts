import { ValidationError } from './errors.js';
import type { ReportCreateRequest, ReportFormat, ReportLevel } from './types.js';
import { todayUtc, validateCreateRequest } from './validation.js';

export interface BillingReportOptions {
  /** The tenant to bill; default: the API client's own tenant. */
  tenantId?: string;
  /** A calendar month, `YYYY-MM`; default: the last full month. Ignored when `period` is given. */
  month?: string;
  /** An explicit period instead of a month. */
  period?: { start: string; end: string };
  /** Default `direct_partners`: one row set per direct customer and partner, as billing needs. */
  level?: ReportLevel;
  /** Default `csv_v2_0` and `json_v2_0`, the formats meant for billing automation. */
  formats?: ReportFormat[];
  /** Default true: leave out offering items without usage. */
  hideZeroUsage?: boolean;
  /** Default true: add SKU columns (not every partner has SKUs). */
  showSkus?: boolean;
}

/** The calendar month before the one `now` falls in, as `YYYY-MM`. */
export function lastFullMonth(now: number): string {
  const date = new Date(now);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

/** The calendar month before a `YYYY-MM` month, as `YYYY-MM`. */
export function monthBefore(month: string): string {
  const { start } = monthPeriod(month);
  const [year, monthNumber] = start.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber - 2, 1)).toISOString().slice(0, 7);
}

export function monthPeriod(month: string): { start: string; end: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const monthIndex = match ? Number(match[2]) - 1 : -1;
  if (!match || monthIndex < 0 || monthIndex > 11) {
    throw new ValidationError({ issues: [{ field: 'month', message: `must be a month as YYYY-MM, got ${JSON.stringify(month)}` }] });
  }
  const year = Number(match[1]);
  const last = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  return { start: `${match[1]}-${match[2]}-01`, end: `${match[1]}-${match[2]}-${String(last).padStart(2, '0')}` };
}

/** A month is billed once it has ended: the current month, or a later one, is refused in words a person uses. */
function refuseUnendedMonth(month: string, period: { start: string; end: string }, today: string, now: number): void {
  if (period.end < today) return;
  const state = period.start > today ? 'is in the future' : 'has not ended yet';
  throw new ValidationError({ issues: [{ field: 'month', message: `${month} ${state} (today is ${today} UTC); the last full month is ${lastFullMonth(now)}` }] });
}

/** The request's fields a billing caller sets under their own option names (`formats`, not `parameters.formats`). */
const optionNameOf = (field: string) => field.replace(/^parameters\.(period|level|formats)\b/, '$1');

/**
 * The vendor's billing report request: `usage_summary` at `direct_partners` in `csv_v2_0` + `json_v2_0`, zero
 * usage hidden, SKUs shown, stored for download, generated once, for a month (the last full one by default).
 * Built and checked whole once; a problem is named after the option that caused it.
 */
export function billingReportRequest(tenantId: string, options: Omit<BillingReportOptions, 'tenantId'>, now: number): ReportCreateRequest {
  const month = options.period ? undefined : (options.month ?? lastFullMonth(now));
  const period = options.period ?? monthPeriod(month!);
  const today = todayUtc(now);
  if (month !== undefined) refuseUnendedMonth(month, period, today, now);
  const request = {
    result_action: 'save',
    recipients: [],
    schedule: { type: 'once' },
    parameters: {
      tenant_id: tenantId,
      kind: 'usage_summary',
      level: options.level ?? 'direct_partners',
      formats: options.formats ?? ['csv_v2_0', 'json_v2_0'],
      period,
      hide_zero_usage: options.hideZeroUsage ?? true,
      show_skus: options.showSkus ?? true,
    },
  };
  try {
    return validateCreateRequest(request, today);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError({ issues: error.issues.map((issue) => ({ ...issue, field: optionNameOf(issue.field) })) });
  }
}
