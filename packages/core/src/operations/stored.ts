import type { StoredReport } from '../types.js';
import { validateId } from '../validation.js';
import { call, type CallOptions, type ClientContext } from './context.js';

export async function listStoredReports(ctx: ClientContext, reportId: string, options: CallOptions = {}): Promise<StoredReport[]> {
  const id = validateId(reportId, 'reportId');
  const list = await call(ctx, 'listStoredReports', () => ctx.api.GET('/reports/{report_id}/stored', { params: { path: { report_id: id } }, signal: options.signal }));
  return list.items;
}

/**
 * `created_at` as milliseconds; the API writes it with an offset or without one (then it is UTC). A value that
 * is not a time counts as the oldest, so that sorting newest first never puts it ahead.
 */
export function createdAtMs(item: Pick<StoredReport, 'created_at'>): number {
  const text = String(item.created_at ?? '');
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const ms = Date.parse(hasZone ? text : `${text}Z`);
  return Number.isNaN(ms) ? 0 : ms;
}

/** The saved files among `items` (of one format, when given), newest first; ties in time go by id. */
export function newestSavedFiles<T extends Pick<StoredReport, 'created_at' | 'id' | 'status' | 'report_format'>>(items: readonly T[], format?: string): T[] {
  return items
    .filter((item) => item.status === 'saved' && (!format || item.report_format === format))
    .sort((a, b) => createdAtMs(b) - createdAtMs(a) || (a.id < b.id ? 1 : -1));
}
