// The monthly job of a host without files, in one call: create the billing report (and last month's, to compare),
// wait for the csv_v2_0 files, and turn them into billing lines. The same steps as the CLI's `billing --compare`,
// with the files streamed into lines instead of saved.

import { lastFullMonth, monthBefore, type BillingReportOptions } from '../billing.js';
import { ValidationError } from '../errors.js';
import type { Report, ReportCreateRequest, StoredReport } from '../types.js';
import { checkedBillingRequest } from './billing-request.js';
import type { CallOptions, ClientContext, WaitDefaults } from './context.js';
import { deleteReport, sendCreate } from './reports.js';
import { checkedMapping, linesOfStoredFile, linesOptionsOf, waitForLineFile, type LinesOfReportOptions, type LinesSource, type ReportBillingLines } from './report-lines.js';
import { pickWaitSettings, type WaitProgress } from './wait.js';

export type ExportLinesProgress =
  | { stage: 'creating'; month: string | null }
  | { stage: 'created'; report: Report; month: string | null }
  | { stage: 'waiting'; progress: WaitProgress }
  | { stage: 'reading'; report: Report; storedReport: StoredReport }
  | { stage: 'deleted'; reportId: string };

export interface ExportLinesOptions
  extends Omit<BillingReportOptions, 'formats'>,
    CallOptions,
    Partial<WaitDefaults>,
    Omit<LinesOfReportOptions, 'previousReportId' | 'onProgress' | keyof CallOptions | keyof WaitDefaults> {
  /** Also create last month's billing report and fill the change columns from it (needs a calendar month). */
  compare?: boolean;
  /** Delete the one-time reports once their lines are read (default false). */
  deleteAfterDownload?: boolean;
  onProgress?: (progress: ExportLinesProgress) => void;
}

export interface ExportLinesResult extends ReportBillingLines {
  /** The reports this call created and then deleted. */
  deleted: string[];
}

interface Planned {
  month: string | null;
  request: ReportCreateRequest;
}

/** Both requests checked whole before anything is created: a bad month or mapping sends nothing. */
async function plan(ctx: ClientContext, options: ExportLinesOptions): Promise<Planned[]> {
  const billing = { ...options, formats: ['csv_v2_0' as const] };
  const month = options.period ? null : (options.month ?? lastFullMonth(ctx.runtime.now()));
  const current: Planned = { month, request: await checkedBillingRequest(ctx, billing) };
  if (!options.compare) return [current];
  if (month === null) {
    throw new ValidationError({ issues: [{ field: 'compare', message: 'needs a calendar month (month, or the default last full month), not a period' }] });
  }
  const previousMonth = monthBefore(month);
  return [current, { month: previousMonth, request: await checkedBillingRequest(ctx, { ...billing, month: previousMonth }) }];
}

export async function exportBillingLines(ctx: ClientContext, options: ExportLinesOptions): Promise<ExportLinesResult> {
  const mapping = checkedMapping(options);
  const call = options.signal ? { signal: options.signal } : {};
  const planned = await plan(ctx, options);
  const created: Report[] = [];
  for (const { month, request } of planned) {
    options.onProgress?.({ stage: 'creating', month });
    const report = await sendCreate(ctx, request, call);
    created.push(report);
    options.onProgress?.({ stage: 'created', report, month });
  }
  const waitOptions: LinesOfReportOptions = { ...call, ...pickWaitSettings(options), onProgress: (progress) => options.onProgress?.({ stage: 'waiting', progress }) };
  const lineOptions = { ...call, ...linesOptionsOf(options) };
  // Both months generate side by side; the wait ends when the slower one is ready.
  const sources: LinesSource[] = await Promise.all(created.map(async (report) => ({ report, storedReport: await waitForLineFile(ctx, report, waitOptions) })));
  const read = (source: LinesSource, readOptions: typeof lineOptions) => {
    options.onProgress?.({ stage: 'reading', ...source });
    return linesOfStoredFile(ctx, source, readOptions);
  };
  const { mapping: _unmapped, ...previousOptions } = lineOptions;
  const previous = sources[1] ? await read(sources[1], previousOptions) : null;
  const current = await read(sources[0]!, { ...lineOptions, ...(mapping ? { mapping } : {}), ...(previous ? { previous: previous.lines } : {}) });
  const deleted: string[] = [];
  if (options.deleteAfterDownload) {
    for (const report of created) {
      await deleteReport(ctx, report.id, { ...call, version: report.version });
      deleted.push(report.id);
      options.onProgress?.({ stage: 'deleted', reportId: report.id });
    }
  }
  return { ...current, previous: previous?.source ?? null, deleted };
}
