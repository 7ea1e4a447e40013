import { ReportGenerationFailedError, ValidationError, WaitTimeoutError } from '../errors.js';
import { throwIfAborted } from '../runtime.js';
import type { Report, ReportFormat, StoredReport } from '../types.js';
import { validateFormats, validateId } from '../validation.js';
import type { CallOptions, ClientContext, WaitDefaults } from './context.js';
import { unavailableFile } from './find-stored.js';
import { getReport } from './get-report.js';
import { createdAtMs, listStoredReports } from './stored.js';

/** Where each format stands: `missing` until its stored report appears. */
export type FormatStatus = 'missing' | 'in_progress' | 'saved' | 'failed';

export interface WaitProgress {
  reportId: string;
  elapsedMs: number;
  /** Polls so far, this one included. */
  polls: number;
  statuses: Record<string, FormatStatus>;
  /** Pause before the next poll, or null when the wait is over. */
  nextPollInMs: number | null;
}

export interface WaitOptions extends CallOptions, Partial<WaitDefaults> {
  /** Formats to wait for; default: the report's own formats. */
  formats?: ReportFormat[];
  /** Only stored reports created at or after this time count (for a monthly report's next set). */
  since?: Date | string | number;
  onProgress?: (progress: WaitProgress) => void;
  /** The report, when the caller has it already (saves a request). */
  report?: Report;
}

/** For each format, the newest stored report (by `created_at`) not older than `since`. */
export function newestByFormat(items: StoredReport[], formats: readonly string[], sinceMs: number | null): Map<string, StoredReport> {
  const newest = new Map<string, StoredReport>();
  for (const item of items) {
    if (!formats.includes(item.report_format)) continue;
    const created = createdAtMs(item);
    if (sinceMs !== null && created < sinceMs) continue;
    const known = newest.get(item.report_format);
    if (!known || createdAtMs(known) <= created) newest.set(item.report_format, item);
  }
  return newest;
}

/**
 * Waits until the report's files are ready: for every requested format, the newest stored report is `saved`.
 * Polls with a growing pause up to a cap, tolerates an empty list at first, stops on `failed`, and gives up after
 * the timeout. Returns one stored report per format, in the order of `formats`.
 */
export async function waitForStoredReports(ctx: ClientContext, reportId: string, options: WaitOptions = {}): Promise<StoredReport[]> {
  const id = validateId(reportId, 'reportId');
  const sinceMs = options.since === undefined ? null : new Date(options.since).getTime();
  if (sinceMs !== null && Number.isNaN(sinceMs)) throw new ValidationError({ issues: [{ field: 'since', message: `is not a time: ${String(options.since)}` }] });
  const started = ctx.runtime.now();
  const report = options.report ?? (await getReport(ctx, id, options.signal ? { signal: options.signal } : {}));
  return waitForFilesOf(ctx, report, options, started);
}

/** The wait itself, for a report already fetched (callers that hold it save a request). */
export async function waitForFilesOf(ctx: ClientContext, report: Report, options: WaitOptions = {}, started = ctx.runtime.now()): Promise<StoredReport[]> {
  const id = report.id;
  const settings = { ...ctx.wait, ...pickWaitSettings(options) };
  const sinceMs = options.since === undefined ? null : new Date(options.since).getTime();
  const formats = options.formats ? validateFormats(options.formats) : (report.parameters.formats ?? []);
  // a file that will never exist is said at once, not after the timeout
  for (const format of formats.length > 0 ? formats : [undefined]) {
    const never = unavailableFile(report, format);
    if (never) throw never;
  }
  if (formats.length === 0) throw new ValidationError({ issues: [{ field: 'formats', message: 'are unknown for this report; name the formats to wait for' }] });

  let delay = settings.initialDelayMs;
  for (let polls = 1; ; polls += 1) {
    throwIfAborted(options.signal);
    const newest = newestByFormat(await listStoredReports(ctx, id, options), formats, sinceMs);
    const statuses = Object.fromEntries(formats.map((format) => [format, (newest.get(format)?.status ?? 'missing') as FormatStatus]));
    const elapsedMs = ctx.runtime.now() - started;
    const failed = formats.filter((format) => statuses[format] === 'failed');
    const done = failed.length > 0 || formats.every((format) => statuses[format] === 'saved');
    const remaining = settings.timeoutMs - elapsedMs;
    const pause = done || remaining <= 0 ? null : Math.min(delay, remaining);
    options.onProgress?.({ reportId: id, elapsedMs, polls, statuses, nextPollInMs: pause });
    if (failed.length > 0) throw new ReportGenerationFailedError({ reportId: id, failedFormats: failed });
    if (done) return formats.map((format) => newest.get(format)!);
    if (pause === null) throw new WaitTimeoutError({ reportId: id, waitedMs: elapsedMs, statuses });
    await ctx.runtime.sleep(pause, options.signal);
    delay = Math.min(settings.maxDelayMs, delay * settings.factor);
  }
}

/** The wait settings a caller set, leaving the others to the client's defaults. */
export function pickWaitSettings(options: Partial<WaitDefaults>): Partial<WaitDefaults> {
  const picked: Partial<WaitDefaults> = {};
  for (const key of ['initialDelayMs', 'maxDelayMs', 'factor', 'timeoutMs'] as const) {
    if (options[key] !== undefined) picked[key] = options[key];
  }
  return picked;
}
