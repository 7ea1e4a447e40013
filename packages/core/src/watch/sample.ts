import { mapLimited } from '../concurrency.js';
import type { ClientContext } from '../operations/context.js';
import { getReport } from '../operations/get-report.js';
import { createdAtMs, listStoredReports } from '../operations/stored.js';
import { getOwnTenantId, listTenantReportIds } from '../operations/tenants.js';
import { checkWatchOptions, type SampleOptions } from './options.js';
import { watchConcurrency } from './poll.js';
import type { WatchedFile, WatchSample } from './result.js';

/**
 * Real items for a trigger's test (n8n's "Test step", Zapier's "Test trigger"), within the budget: the newest
 * reports of the list, a few at a time from the end, until `limit` matching files (or reports) are found.
 */
export async function sampleWatch(ctx: ClientContext, options: SampleOptions): Promise<WatchSample> {
  const watch = checkWatchOptions(options, true);
  const call = watch.signal ? { signal: watch.signal } : {};
  let requests = 0;
  let ids: string[];
  if (watch.reportId) ids = [watch.reportId];
  else {
    const lookup = !watch.tenantId && !ctx.ownTenantId ? 1 : 0;
    const tenantId = watch.tenantId ?? (await getOwnTenantId(ctx, call));
    requests += lookup + 1;
    ids = await listTenantReportIds(ctx, tenantId, call);
  }
  const newestFirst = [...ids].reverse();
  if (watch.event === 'newReport') {
    const picked = newestFirst.slice(0, Math.min(watch.limit, watch.budget - requests));
    requests += picked.length;
    return { files: [], reports: await mapLimited(picked, watchConcurrency, (id) => getReport(ctx, id, call)), requests };
  }
  const files: WatchedFile[] = [];
  const matches = (format: string, status: string) => status === watch.event && (watch.formats.length === 0 || watch.formats.includes(format as never));
  // each report costs its stored list, and its answer when it has a match: two requests counted for each
  for (let at = 0; at < newestFirst.length && files.length < watch.limit; ) {
    const batch = newestFirst.slice(at, at + Math.min(watchConcurrency, Math.floor((watch.budget - requests) / 2)));
    if (batch.length === 0) break;
    at += batch.length;
    const found = await mapLimited(batch, watchConcurrency, async (id) => {
      const items = (await listStoredReports(ctx, id, call)).filter((item) => matches(item.report_format, item.status));
      if (items.length === 0) return { asked: 1, files: [] };
      const report = await getReport(ctx, id, call);
      return { asked: 2, files: items.map((item) => ({ report, item })) };
    });
    for (const result of found) {
      requests += result.asked;
      files.push(...result.files);
    }
  }
  files.sort((a, b) => createdAtMs(b.item) - createdAtMs(a.item));
  return { files: files.slice(0, watch.limit), reports: [], requests };
}
