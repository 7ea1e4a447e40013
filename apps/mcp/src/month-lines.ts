// The billing lines of a month as the read-only tools find them: the month's stored billing report (no new report
// is created), the month before's for the compare, the mapping file, all by core's rules.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import {
  AcronisReportsError,
  billingReportOfMonth,
  FIGURES,
  lastFullMonth,
  monthBefore,
  ValidationError,
  type Figure,
  type Report,
  type ReportBillingLines,
  type ReportsClient,
  type WaitProgress,
} from '@acronis-reports/core';
import { idSchema, levelSchema, monthSchema, tenantIdSchema } from './field-schemas.js';
import type { ServerSettings } from './settings.js';
import type { ToolContext } from './tool-kit.js';

/** No stored report holds the month's billing data yet. */
export class MissingReportError extends AcronisReportsError {
  override name = 'MissingReportError';
}

export const linesInput = {
  month: monthSchema.optional().describe("The month, YYYY-MM (default: the last full month). Its stored billing report is read; none is created (create_billing_report makes one)."),
  reportId: idSchema('Read this report instead of looking the month up: a usage_summary saved in csv_v2_0 or json_v2_0.').optional(),
  previousReportId: idSchema('With reportId: the earlier report to compare with.').optional(),
  tenantId: tenantIdSchema.optional(),
  level: levelSchema.optional().describe('Only reports at this level count when the month is looked up (default: direct_partners first, as billing reports are made, then any).'),
  compare: z.boolean().optional().describe('Compare with the month before (its stored billing report): lines get new, gone and changed flags (default true).'),
  mappingFile: z.string().optional().describe("A billing mapping JSON file on the server's machine: customer references, product codes, prices. Default: the server's --mapping, if any."),
  figure: z.enum(FIGURES as [Figure, ...Figure[]]).optional().describe("Which usage figure to bill, `<measure>.<part>`; default: per item, as the vendor's billing module does."),
  changeThreshold: z.number().min(0).optional().describe('Percent beyond which a change is flagged `changed` (default 25).'),
  includeZero: z.boolean().optional().describe('Keep lines whose quantity rounds to 0 (left out by default).'),
};

type LinesArgs = { [K in keyof typeof linesInput]?: z.infer<(typeof linesInput)[K]> };

export interface MonthLines {
  month: string | null;
  result: ReportBillingLines;
  /** What a person should know: a compare that could not be made, a report chosen among several. */
  notes: string[];
}

export function waitText(progress: WaitProgress): string {
  const states = Object.entries(progress.statuses).map(([format, status]) => `${format} ${status.replace('_', ' ')}`);
  return `Waiting for report ${progress.reportId} (${Math.round(progress.elapsedMs / 1000)} s): ${states.join(', ')}`;
}

async function readMapping(file: string | undefined): Promise<unknown> {
  if (!file) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ValidationError({ issues: [{ field: 'mappingFile', message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${file}` }] });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError({ issues: [{ field: 'mappingFile', message: `is not JSON: ${(error as Error).message}` }] });
  }
}

function monthReport(reports: readonly Report[], month: string, level: string | undefined): Report | null {
  if (level) return billingReportOfMonth(reports, month, { level });
  return billingReportOfMonth(reports, month, { level: 'direct_partners' }) ?? billingReportOfMonth(reports, month);
}

/** Reports fetched a page at a time while looking for a month's billing report. */
const SCAN_PAGE = 50;

/**
 * The tenant's reports, newest first, a page at a time, until `enough` is true of those seen (or none are left): a
 * month's billing report is usually among the newest, and a tenant may have thousands of reports.
 */
async function reportsUntil(client: ReportsClient, tenantId: string | undefined, signal: AbortSignal | undefined, enough: (seen: readonly Report[]) => boolean) {
  const seen: Report[] = [];
  let offset = 0;
  for (;;) {
    const page = await client.reportPage(tenantId, { offset, limit: SCAN_PAGE, newestFirst: true, ...(signal ? { signal } : {}) });
    seen.push(...page.reports);
    if (enough(seen) || page.nextOffset === null) return { seen, total: page.total };
    offset = page.nextOffset;
  }
}

export async function monthLines(client: ReportsClient, args: LinesArgs, settings: ServerSettings, context: Pick<ToolContext, 'progress' | 'signal'>): Promise<MonthLines> {
  const { signal } = context;
  const mapping = await readMapping(args.mappingFile ?? settings.mappingFile);
  const notes: string[] = [];
  let month: string | null = null;
  let reportId = args.reportId;
  let previousReportId = args.previousReportId;
  if (reportId === undefined) {
    month = args.month ?? lastFullMonth(Date.now());
    context.progress(`Looking for the stored billing report of ${month}`);
    const wanted = month;
    const compare = args.compare !== false;
    // found when the preferred report is seen: at the level asked for, or without one at direct_partners (any
    // other level is only a fallback, so its finding does not end the scan), and the month before's too
    const { seen: reports, total } = await reportsUntil(client, args.tenantId, signal, (seen) => {
      const preferred = billingReportOfMonth(seen, wanted, { level: args.level ?? 'direct_partners' });
      return preferred !== null && (!compare || billingReportOfMonth(seen, monthBefore(wanted), { level: preferred.parameters.level }) !== null);
    });
    const found = monthReport(reports, month, args.level);
    if (!found) {
      throw new MissingReportError({
        message: `No stored billing report of ${month} among the tenant's ${total} reports.`,
        hint: `Create it with create_billing_report (month ${month}; writes must be on), or name a reportId from list_reports.`,
      });
    }
    reportId = found.id;
    if (compare) {
      const previousMonth = monthBefore(month);
      const previous = monthReport(reports, previousMonth, args.level ?? found.parameters.level);
      if (previous) previousReportId = previous.id;
      else notes.push(`Not compared: no stored billing report of ${previousMonth} (create_billing_report for ${previousMonth} makes one).`);
    }
  } else if (args.compare !== false && previousReportId === undefined) {
    notes.push('Not compared: give previousReportId with reportId to compare.');
  }
  const options = {
    signal,
    onProgress: (progress: WaitProgress) => context.progress(waitText(progress)),
    ...(previousReportId && args.compare !== false ? { previousReportId } : {}),
    ...(mapping !== undefined ? { mapping } : {}),
    ...(args.figure !== undefined ? { figure: args.figure } : {}),
    ...(args.changeThreshold !== undefined ? { changeThreshold: args.changeThreshold } : {}),
    ...(args.includeZero !== undefined ? { includeZero: args.includeZero } : {}),
  };
  const result = await client.getBillingLines(reportId, options);
  return { month, result, notes };
}

/** Where the lines came from, for the structured result. */
export function sourceOf(source: ReportBillingLines['source'] | null) {
  if (!source) return null;
  return { reportId: source.report.id, storedReportId: source.storedReport.id, format: source.storedReport.report_format, period: source.report.parameters.period ?? null };
}
