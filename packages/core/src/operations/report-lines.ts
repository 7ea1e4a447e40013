// Billing lines of a report the data center stores, without a file system: its csv_v2_0 (or json_v2_0) file is
// streamed straight from the download into the line sums, so memory holds the lines, never the file. Hosts that
// keep no files (n8n, Zapier) and library users get the same lines as the CLI writes to billing-lines.csv.

import { isCheckedMapping } from '../billing-lines/compute.js';
import { billingLinesOfFile, parseBillingMapping, type BillingLinesOptions, type BillingLinesResult, type BillingMapping } from '../billing-lines/index.js';
import { LINE_FORMATS } from '../billing-lines/types.js';
import { ValidationError } from '../errors.js';
import type { UsageFormat } from '../download/usage-row.js';
import type { Report, StoredReport } from '../types.js';
import { validateId } from '../validation.js';
import type { CallOptions, ClientContext, WaitDefaults } from './context.js';
import { downloadStoredReport } from './download.js';
import { getReport } from './get-report.js';
import { pickWaitSettings, waitForFilesOf, type WaitProgress } from './wait.js';

export interface LinesOfReportOptions extends CallOptions, Partial<WaitDefaults>, Omit<BillingLinesOptions, 'previous'> {
  /** Last month's report (or any earlier one): its lines, computed the same way, fill the change columns. */
  previousReportId?: string;
  /** Each poll while a file is still being generated (the wait uses the client's defaults and the settings here). */
  onProgress?: (progress: WaitProgress) => void;
}

/** Which report and file the lines were read from. */
export interface LinesSource {
  report: Report;
  storedReport: StoredReport;
}

export interface ReportBillingLines extends BillingLinesResult {
  source: LinesSource;
  /** The report compared with, when `previousReportId` was given. */
  previous: LinesSource | null;
}

const isLineFormat = (format: string): format is UsageFormat => (LINE_FORMATS as readonly string[]).includes(format);

/** The mapping checked before anything is sent, so that a bad one costs no request. */
export function checkedMapping(options: { mapping?: unknown }): BillingMapping | undefined {
  if (options.mapping === undefined || isCheckedMapping(options.mapping)) return options.mapping;
  return parseBillingMapping(options.mapping);
}

/** The format a report's lines are read from: csv_v2_0 when it has it, else json_v2_0. */
export function lineFormatOf(report: Report, field = 'reportId'): UsageFormat {
  const formats = report.parameters.formats ?? [];
  const format = LINE_FORMATS.find((candidate) => formats.includes(candidate));
  if (format) return format;
  throw new ValidationError({
    issues: [
      {
        field,
        message: `names report ${report.id}, made in ${formats.join(', ') || 'no format'}; billing lines are read from csv_v2_0 or json_v2_0: use a report made in one of them (a billing report is)`,
      },
    ],
  });
}

/** Waits for the report's line file (returns at once when it is ready). */
export async function waitForLineFile(ctx: ClientContext, report: Report, options: LinesOfReportOptions, field = 'reportId'): Promise<StoredReport> {
  const [storedReport] = await waitForFilesOf(ctx, report, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...pickWaitSettings(options),
    formats: [lineFormatOf(report, field)],
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return storedReport!;
}

/** Streams a ready line file into lines; a download cut mid-way is read again from the start. */
export async function linesOfStoredFile(
  ctx: ClientContext,
  source: LinesSource,
  options: CallOptions & BillingLinesOptions,
): Promise<BillingLinesResult & { source: LinesSource }> {
  const format = source.storedReport.report_format;
  if (!isLineFormat(format)) {
    throw new ValidationError({ issues: [{ field: 'storedReport.report_format', message: `is ${format}; billing lines are read from csv_v2_0 or json_v2_0` }] });
  }
  const call = options.signal ? { signal: options.signal } : {};
  const download = await downloadStoredReport(ctx, source.report.id, source.storedReport, { ...call, report: source.report });
  const result = await download.retrying((fresh) => billingLinesOfFile(fresh.stream, format, linesOptionsOf(options)));
  return { ...result, source };
}

async function linesOfKnownReport(
  ctx: ClientContext,
  report: Report,
  options: LinesOfReportOptions & { previous?: BillingLinesResult['lines'] },
  field = 'reportId',
): Promise<BillingLinesResult & { source: LinesSource }> {
  const storedReport = await waitForLineFile(ctx, report, options, field);
  return linesOfStoredFile(ctx, { report, storedReport }, options);
}

/** Billing lines of a stored report: its newest csv_v2_0 (or json_v2_0) file, waited for when still generating. */
export async function billingLinesOfReport(ctx: ClientContext, reportId: string, options: LinesOfReportOptions = {}): Promise<ReportBillingLines> {
  const id = validateId(reportId, 'reportId');
  const previousId = options.previousReportId === undefined ? undefined : validateId(options.previousReportId, 'previousReportId');
  const mapping = checkedMapping(options);
  const call = options.signal ? { signal: options.signal } : {};
  const report = await getReport(ctx, id, call);
  lineFormatOf(report);
  let previous: (BillingLinesResult & { source: LinesSource }) | null = null;
  if (previousId !== undefined) {
    const previousReport = await getReport(ctx, previousId, call);
    previous = await linesOfKnownReport(ctx, previousReport, { ...options, mapping: undefined }, 'previousReportId');
  }
  const current = await linesOfKnownReport(ctx, report, { ...options, mapping, ...(previous ? { previous: previous.lines } : {}) });
  return { ...current, previous: previous?.source ?? null };
}

/** The options billingLinesOfFile takes, out of a host call's. */
export function linesOptionsOf(options: BillingLinesOptions): BillingLinesOptions {
  const picked: BillingLinesOptions = {};
  if (options.figure !== undefined) picked.figure = options.figure;
  if (options.includeZero !== undefined) picked.includeZero = options.includeZero;
  if (options.mapping !== undefined) picked.mapping = options.mapping;
  if (options.previous !== undefined) picked.previous = options.previous;
  if (options.changeThreshold !== undefined) picked.changeThreshold = options.changeThreshold;
  return picked;
}
