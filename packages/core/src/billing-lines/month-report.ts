// Which of a tenant's reports holds the billing data of a month, so that reading a month's billing lines needs no
// new report when one is there already (a billing report, or the monthly export of an earlier run).

import { monthPeriod } from '../billing.js';
import type { Report } from '../types.js';
import { LINE_FORMATS } from './types.js';

/**
 * The report whose files give the month's billing lines: a stored `usage_summary` of exactly that month in
 * csv_v2_0 or json_v2_0, at `level` when given. Of several, the one changed most recently (highest version) is taken, which
 * for reports of one tenant is as good as any: they describe the same month. null when there is none.
 */
export function billingReportOfMonth(reports: readonly Report[], month: string, options: { level?: string } = {}): Report | null {
  const { start, end } = monthPeriod(month);
  const candidates = reports.filter(
    (report) =>
      report.parameters.kind === 'usage_summary' &&
      report.result_action === 'save' &&
      report.parameters.period?.start === start &&
      report.parameters.period?.end === end &&
      (options.level === undefined || report.parameters.level === options.level) &&
      (report.parameters.formats ?? []).some((format) => (LINE_FORMATS as readonly string[]).includes(format)),
  );
  return candidates.sort((a, b) => b.version - a.version)[0] ?? null;
}
