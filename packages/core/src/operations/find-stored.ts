// Choosing the stored file to download, with one set of rules for every host: a given stored id, or the newest
// saved file of a format; and when there is none, telling "not ready yet" from "will never exist" from "failed".
import { NotFoundError, ReportGenerationFailedError, StoredFileNotReadyError, StoredFileUnavailableError } from '../errors.js';
import type { Report, ReportFormat, StoredReport } from '../types.js';
import { validateFormats, validateId } from '../validation.js';
import type { CallOptions, ClientContext } from './context.js';
import { getReport } from './get-report.js';
import { createdAtMs, listStoredReports, newestSavedFiles } from './stored.js';

/** The only formats a monthly (scheduled) report makes. */
export const MONTHLY_FORMATS: readonly ReportFormat[] = ['csv', 'html'];

const GENERATION_HINT = 'Generation usually takes 1 to 2 minutes after the report is created: wait for the files, then try again.';

export interface FindStoredFileOptions extends CallOptions {
  /** The format wanted; default: whichever of the report's formats has the newest saved file. Ignored with `storedReportId`. */
  format?: ReportFormat;
  /** A particular stored report instead of the newest. */
  storedReportId?: string;
  /** The report, when the caller has it already (saves a request). */
  report?: Report;
}

export interface FoundStoredFile {
  report: Report;
  storedReport: StoredReport;
}

/**
 * Why the report will never have a stored file in `format` (or at all, without one), or null when it may. A report
 * that e-mails its files stores none; a monthly report makes only csv and html; a report makes only the formats it
 * requested.
 */
export function unavailableFile(report: Report, format?: string): StoredFileUnavailableError | null {
  const reportId = report.id;
  if (report.result_action === 'send') {
    return new StoredFileUnavailableError({
      reportId,
      ...(format ? { format } : {}),
      reason: 'sent_by_email',
      message: `Report ${reportId} e-mails its files to its recipients (result_action send): it stores no file to download${format ? ` in ${format}` : ''}, now or later.`,
      hint: 'Create a report with result_action save to download its files.',
    });
  }
  if (!format) return null;
  if (report.schedule?.type === 'monthly' && !MONTHLY_FORMATS.includes(format as ReportFormat)) {
    return new StoredFileUnavailableError({
      reportId,
      format,
      reason: 'monthly_format',
      message: `Report ${reportId} is a monthly report: it makes only ${MONTHLY_FORMATS.join(' and ')} files, never ${format}.`,
      hint: `Ask for ${MONTHLY_FORMATS.join(' or ')}; for ${format} (billing data), create a one-time report over the month, as the billing report does.`,
    });
  }
  const requested = report.parameters.formats;
  if (requested && requested.length > 0 && !requested.includes(format as ReportFormat)) {
    return new StoredFileUnavailableError({
      reportId,
      format,
      reason: 'format_not_requested',
      message: `Report ${reportId} was created for ${requested.join(', ')}: it will never have a ${format} file.`,
      hint: `Ask for one of ${requested.join(', ')}, or create a report that requests ${format}.`,
    });
  }
  return null;
}

/**
 * The stored file to download: the one with `storedReportId`, or the newest saved file of `format` (of any of the
 * report's formats without one). When there is none: `StoredFileNotReadyError` while it is being generated (or not
 * listed yet), `StoredFileUnavailableError` when it never will be, `ReportGenerationFailedError` when its generation
 * failed, `NotFoundError` for a stored id that is not one of the report's.
 */
export async function findStoredFile(
  ctx: ClientContext,
  reportId: string,
  options: FindStoredFileOptions = {},
  operation = 'findStoredFile',
): Promise<FoundStoredFile> {
  const id = validateId(reportId, 'reportId');
  const storedId = options.storedReportId ? validateId(options.storedReportId, 'storedReportId') : undefined;
  const format = storedId || options.format === undefined ? undefined : (validateFormats([options.format], 'format')[0] as ReportFormat);
  const call = options.signal ? { signal: options.signal } : {};
  if (storedId) {
    // the report and its stored list at once: by id, neither decides whether the other is needed
    const [report, items] = await Promise.all([options.report ?? getReport(ctx, id, call), listStoredReports(ctx, id, call)]);
    const item = items.find((candidate) => candidate.id === storedId);
    if (!item) throw notOneOf(id, storedId, operation);
    if (item.status === 'failed') throw new ReportGenerationFailedError({ reportId: id, failedFormats: [item.report_format] });
    if (item.status !== 'saved') {
      throw new StoredFileNotReadyError({
        reportId: id,
        format: item.report_format,
        status: 'in_progress',
        message: `Stored report ${storedId} (${item.report_format}) of report ${id} is still being generated.`,
        hint: GENERATION_HINT,
      });
    }
    return { report, storedReport: item };
  }
  const report = options.report ?? (await getReport(ctx, id, call));
  const never = unavailableFile(report, format);
  if (never) throw never;
  const formats = format ? [format] : (report.parameters.formats ?? []);
  const items = (await listStoredReports(ctx, id, call)).filter((item) => formats.length === 0 || formats.includes(item.report_format));
  const [newestSaved] = newestSavedFiles(items, format);
  if (newestSaved) return { report, storedReport: newestSaved };
  const newest = [...items].sort((a, b) => createdAtMs(b) - createdAtMs(a))[0];
  const what = format ? `a ${format} file` : 'a file';
  if (newest?.status === 'failed') throw new ReportGenerationFailedError({ reportId: id, failedFormats: [newest.report_format] });
  const monthly = report.schedule?.type === 'monthly';
  throw new StoredFileNotReadyError({
    reportId: id,
    ...(format ? { format } : {}),
    status: newest ? 'in_progress' : 'missing',
    message: newest
      ? `Report ${id} has no saved ${what.slice(2)} yet: it is still being generated.`
      : `Report ${id} has no ${what.slice(2)} yet${monthly ? ': a monthly report makes its files once a month' : ''}.`,
    hint: monthly && !newest ? 'Its files appear after its next monthly run; the trigger on new stored report files catches them.' : GENERATION_HINT,
  });
}

function notOneOf(reportId: string, storedId: string, operation: string): NotFoundError {
  return new NotFoundError({
    status: 404,
    operation,
    message: `Stored report ${storedId} is not one of report ${reportId}'s stored reports.`,
    hint: 'List the stored reports for valid ids.',
  });
}
