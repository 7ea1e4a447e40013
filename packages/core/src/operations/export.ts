import type { BillingReportOptions } from '../billing.js';
import type { Report, StoredReport } from '../types.js';
import type { CallOptions, ClientContext, WaitDefaults } from './context.js';
import { downloadStoredReport, type StoredReportDownload } from './download.js';
import { deleteReport, sendCreate } from './reports.js';
import { checkedBillingRequest } from './billing-request.js';
import { pickWaitSettings, waitForStoredReports, type WaitProgress } from './wait.js';

export type ExportProgress =
  | { stage: 'creating' }
  | { stage: 'created'; report: Report }
  | { stage: 'waiting'; progress: WaitProgress }
  | { stage: 'downloading'; storedReport: StoredReport; fileName: string }
  | { stage: 'downloaded'; storedReport: StoredReport; fileName: string }
  | { stage: 'deleted'; reportId: string };

export interface ExportOptions<T> extends BillingReportOptions, CallOptions, Partial<WaitDefaults> {
  /**
   * Receives each file in turn; the export goes on once it has consumed the stream. When a file's connection drops
   * mid-way, the file is downloaded again and `consume` runs again on it (within the retry budget): write it where
   * a second run starts over (a temporary file renamed at the end, as `saveDownload` does).
   */
  consume: (download: StoredReportDownload) => Promise<T>;
  /** Delete the one-time report once every file was consumed (default false). */
  deleteAfterDownload?: boolean;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportResult<T> {
  report: Report;
  files: T[];
  deleted: boolean;
}

/** The monthly billing export: create the billing report, wait for its files, hand each over, optionally delete. */
export async function exportBillingReport<T>(ctx: ClientContext, options: ExportOptions<T>): Promise<ExportResult<T>> {
  const call = options.signal ? { signal: options.signal } : {};
  const request = await checkedBillingRequest(ctx, options);
  options.onProgress?.({ stage: 'creating' });
  const report = await sendCreate(ctx, request, call);
  options.onProgress?.({ stage: 'created', report });
  const ready = await waitForStoredReports(ctx, report.id, {
    ...call,
    report, // the create's answer: no GET of the report just made
    ...pickWaitSettings(options),
    onProgress: (progress) => options.onProgress?.({ stage: 'waiting', progress }),
  });
  const files: T[] = [];
  for (const storedReport of ready) {
    const download = await downloadStoredReport(ctx, report.id, storedReport, { ...call, report });
    options.onProgress?.({ stage: 'downloading', storedReport, fileName: download.fileName });
    files.push(await download.retrying(options.consume));
    options.onProgress?.({ stage: 'downloaded', storedReport, fileName: download.fileName });
  }
  let deleted = false;
  if (options.deleteAfterDownload) {
    await deleteReport(ctx, report.id, { ...call, version: report.version });
    deleted = true;
    options.onProgress?.({ stage: 'deleted', reportId: report.id });
  }
  return { report, files, deleted };
}
