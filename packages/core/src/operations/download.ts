import { NetworkError, ResponseError } from '../errors.js';
import { findStoredFile, type FindStoredFileOptions, type FoundStoredFile } from './find-stored.js';
import { typedBody } from '../download/typed-body.js';
import { backoffMs } from '../transport/retry.js';
import { followingController } from '../transport/following-controller.js';
import { decodeStoredReportBody } from '../download/gzip.js';
import { formatInfo } from '../download/formats.js';
import { readBytes, readJson, readText } from '../download/read.js';
import { storedReportFileName } from '../download/file-name.js';
import type { Report, ReportFormat, StoredReport } from '../types.js';
import { validateId } from '../validation.js';
import { call, type CallOptions, type ClientContext } from './context.js';
import { getReport } from './get-report.js';
import { lastFullMonth, monthPeriod } from '../billing.js';
import { createdAtMs } from './stored.js';

/** A stored report being downloaded: the decompressed file as a stream, with what a host needs to save it. */
export interface StoredReportDownload {
  reportId: string;
  storedReport: StoredReport;
  format: ReportFormat;
  /** For example `text/csv; charset=utf-8`. */
  contentType: string;
  /** For example `usage_summary-2026-10.csv`. */
  fileName: string;
  /** Size of the compressed file, as listed. */
  compressedSize: number;
  /** The decompressed file. Read it once: stream it, or use one of the helpers below. */
  stream: ReadableStream<Uint8Array>;
  text(): Promise<string>;
  json<T = unknown>(): Promise<T>;
  bytes(): Promise<Uint8Array>;
  /**
   * Runs `consume` on this download; when the file's connection drops before its end (a `NetworkError`), downloads
   * it again and runs `consume` on the fresh download, up to the client's `retry.maxRetries` times, with backoff.
   * For callers that write the file somewhere they can start over (a temporary file, a buffer).
   */
  retrying<T>(consume: (download: StoredReportDownload) => Promise<T>): Promise<T>;
}

export interface DownloadOptions extends CallOptions {
  /** The report, when the caller has it already (saves a request; used for the file name). */
  report?: Report;
}

/**
 * Downloads a stored report. The file always comes out decompressed, whether the data center sent it with
 * `Content-Encoding: gzip` (already decoded by fetch) or as raw gzip bytes (decoded here).
 */
export async function downloadStoredReport(
  ctx: ClientContext,
  reportId: string,
  stored: StoredReport | string,
  options: DownloadOptions = {},
): Promise<StoredReportDownload> {
  const id = validateId(reportId, 'reportId');
  if (typeof stored === 'string') return downloadById(ctx, id, validateId(stored, 'storedReportId'), 'downloadStoredReport', options);
  const storedId = validateId(stored.id, 'storedReport.id');
  const report = options.report ?? (await getReport(ctx, id, options));
  return open(ctx, id, stored, storedId, report, options);
}

/**
 * A download by stored id alone: the file is asked for at once, beside the lookups of the report and its stored
 * list that name and check it (format, status, file name), so the caller waits one round trip instead of three.
 * When a lookup says the file cannot be had (not one of the report's, still generating, failed), its typed error
 * wins and the file's request is abandoned.
 */
async function downloadById(ctx: ClientContext, id: string, storedId: string, operation: string, options: DownloadOptions): Promise<StoredReportDownload> {
  const caller = options.signal;
  const abandon = followingController(caller);
  const body = requestFile(ctx, id, storedId, { signal: abandon.signal });
  body.catch(() => undefined); // its failure is reported below, after the lookups, whose answer explains more
  let found: FoundStoredFile;
  try {
    found = await findStoredFile(ctx, id, { storedReportId: storedId, ...(options.report ? { report: options.report } : {}), ...(caller ? { signal: caller } : {}) }, operation);
  } catch (error) {
    abandon.abort();
    body.then((stream) => stream.cancel(), () => undefined);
    throw error;
  }
  return wrap(ctx, id, found.storedReport, storedId, found.report, await body, options);
}

async function requestFile(ctx: ClientContext, id: string, storedId: string, options: CallOptions): Promise<ReadableStream<Uint8Array>> {
  const body = await call(ctx, 'downloadStoredReport', () =>
    ctx.api.GET('/reports/{report_id}/stored/{stored_report_id}', {
      params: { path: { report_id: id, stored_report_id: storedId } },
      parseAs: 'stream',
      signal: options.signal,
    }),
  );
  if (!body) throw new ResponseError({ operation: 'downloadStoredReport', message: `The download of stored report ${storedId} had no body.` });
  return body as ReadableStream<Uint8Array>;
}

async function open(ctx: ClientContext, id: string, item: StoredReport, storedId: string, report: Report, options: CallOptions): Promise<StoredReportDownload> {
  return wrap(ctx, id, item, storedId, report, await requestFile(ctx, id, storedId, options), options);
}

function wrap(ctx: ClientContext, id: string, item: StoredReport, storedId: string, report: Report, body: ReadableStream<Uint8Array>, options: CallOptions): StoredReportDownload {
  const stream = decodeStoredReportBody(typedBody(body, { storedId, baseUrl: ctx.baseUrl, secrets: ctx.secrets }));
  const format = item.report_format;
  const download: StoredReportDownload = {
    reportId: id,
    storedReport: item,
    format,
    contentType: formatInfo(format).contentType,
    fileName: storedReportFileName({ kind: report.parameters.kind, ...periodOf(report, item), format, createdAt: item.created_at }),
    compressedSize: item.size,
    stream,
    text: () => readText(stream),
    json: <T>() => readJson<T>(stream),
    bytes: () => readBytes(stream),
    async retrying<T>(consume: (download: StoredReportDownload) => Promise<T>): Promise<T> {
      let current = download;
      for (let retry = 0; ; retry += 1) {
        try {
          return await consume(current);
        } catch (error) {
          if (!(error instanceof NetworkError) || options.signal?.aborted || retry >= ctx.retry.maxRetries) throw error;
          await current.stream.cancel().catch(() => undefined);
          await ctx.runtime.sleep(backoffMs(ctx.retry, ctx.runtime, retry), options.signal);
          current = await open(ctx, id, item, storedId, report, options);
        }
      }
    },
  };
  return download;
}

/** The period a stored file covers: the report's own, or for a monthly report the month before the file's. */
function periodOf(report: Report, item: StoredReport): { period?: { start: string; end: string } } {
  if (report.schedule?.type !== 'monthly') return report.parameters.period ? { period: report.parameters.period } : {};
  const created = createdAtMs(item);
  // createdAtMs gives 0 for a time it cannot read: no period then, rather than December 1969
  return created > 0 ? { period: monthPeriod(lastFullMonth(created)) } : {};
}

/**
 * The stored file `findStoredFile` chooses (a stored id, or the newest saved file of a format), downloaded: one
 * rule set for every host, and with the report and the file known, the download itself is one request.
 */
export async function downloadStoredFile(ctx: ClientContext, reportId: string, options: FindStoredFileOptions = {}): Promise<StoredReportDownload> {
  const id = validateId(reportId, 'reportId');
  const call = options.signal ? { signal: options.signal } : {};
  if (options.storedReportId) {
    return downloadById(ctx, id, validateId(options.storedReportId, 'storedReportId'), 'downloadStoredFile', { ...call, ...(options.report ? { report: options.report } : {}) });
  }
  const { report, storedReport } = await findStoredFile(ctx, id, options);
  return open(ctx, id, storedReport, validateId(storedReport.id, 'storedReport.id'), report, call);
}
