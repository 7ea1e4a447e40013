import { mapLimited, reportFetchWidth } from '../concurrency.js';
import { reportLabel } from '../report-label.js';
import type { Report } from '../types.js';
import type { CallOptions, ClientContext } from './context.js';
import { getReport } from './get-report.js';
import { listTenantReportIds } from './tenants.js';

export interface ReportPageOptions extends CallOptions {
  /** Where the page starts: 0, or the previous page's `nextOffset` (with the same search and order). */
  offset?: number;
  /** Reports on the page, 1 to 500 (default 50). */
  limit?: number;
  /**
   * Newest first: the reverse of the order the API lists ids in (oldest first, as the data center and the simulator
   * answer; the vendor does not promise it, and a report has no creation time to sort by).
   */
  newestFirst?: boolean;
  /**
   * Only reports that match. A UUID prefix of 8 characters or more (the short id a label shows) matches ids and
   * fetches only the page's reports. Anything else also matches the report's label (`reportLabel`: kind, level,
   * schedule, period) case-insensitively, which needs each report fetched: at most `scanLimit` per page.
   */
  search?: string;
  /** A text search fetches at most this many reports to fill one page (default 200). */
  scanLimit?: number;
  /** How many reports are fetched at once (default 4, at most 16). */
  concurrency?: number;
}

export interface ReportPage {
  reports: Report[];
  /** How many reports the pages are drawn from: the tenant's, or those whose id matches an id search. */
  total: number;
  /**
   * The `offset` of the next page, or null when there is none. A text search can stop at `scanLimit` with fewer
   * reports than `limit` (even none) and a `nextOffset`: the next page goes on from there.
   */
  nextOffset: number | null;
}

const idPrefixPattern = /^[0-9a-f]{8}(-[0-9a-f]{0,4}(-[0-9a-f]{0,4}(-[0-9a-f]{0,4}(-[0-9a-f]{0,12})?)?)?)?$/;

/** One page of a tenant's reports: the ids are listed once (one request), then only what the page needs is fetched. */
export async function reportPage(ctx: ClientContext, tenantId: string | undefined, options: ReportPageOptions = {}): Promise<ReportPage> {
  const offset = options.offset ?? 0;
  const limit = options.limit ?? 50;
  const concurrency = reportFetchWidth(options.concurrency);
  const listed = await listTenantReportIds(ctx, tenantId, options);
  const ids = options.newestFirst ? listed.reverse() : listed;
  const search = (options.search ?? '').trim().toLowerCase();
  const fetch = (id: string) => getReport(ctx, id, options);

  if (search === '' || idPrefixPattern.test(search)) {
    const candidates = search === '' ? ids : ids.filter((id) => id.startsWith(search));
    const end = Math.min(offset + limit, candidates.length);
    const reports = await mapLimited(candidates.slice(offset, end), concurrency, fetch);
    return { reports, total: candidates.length, nextOffset: end < candidates.length ? end : null };
  }

  const reports: Report[] = [];
  let scanned = 0;
  let position = offset;
  const scanLimit = options.scanLimit ?? 200;
  while (position < ids.length && reports.length < limit && scanned < scanLimit) {
    const batch = ids.slice(position, position + Math.min(concurrency, scanLimit - scanned));
    const fetched = await mapLimited(batch, concurrency, fetch);
    scanned += batch.length;
    for (const report of fetched) {
      position++;
      if (report.id.startsWith(search) || reportLabel(report).toLowerCase().includes(search)) reports.push(report);
      // Full: the rest of this batch is left for the next page (fetched again then).
      if (reports.length === limit) break;
    }
  }
  return { reports, total: ids.length, nextOffset: position < ids.length ? position : null };
}
