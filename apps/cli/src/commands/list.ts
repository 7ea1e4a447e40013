import type { Report, ReportPage, ReportsClient } from '@acronis-reports/core';
import type { Command } from 'commander';
import { positiveInteger, wholeNumber } from '../flags.js';
import { listDisplay } from '../progress.js';
import type { Run } from '../run.js';
import { reportsTable } from '../tables.js';

/** Reports fetched at once: twice core's default, as a person waits on the list (core retries a 429 with backoff). */
const concurrency = 8;

interface ListFlags {
  tenantId?: string;
  idsOnly?: boolean;
  limit?: number;
  offset?: number;
  newestFirst?: boolean;
  search?: string;
}

const pageHelp = `
Every report is one request (the API lists ids only), so a tenant with thousands of reports takes a while in full:
on a terminal a live line counts them ("Fetched 1,200 of 5,000 reports"). --limit, --offset or --search fetch one
page instead (the id list once, then only that page's reports); with --json a page prints {reports, total,
nextOffset}, and the next page starts at --offset <nextOffset>.`;

export function registerListCommand(program: Command, run: Run): void {
  program
    .command('list')
    .description("list a tenant's reports, all of them or a page")
    .option('--tenant-id <uuid>', "the tenant (default: the API client's own)")
    .option('--ids-only', 'only the ids, one request')
    .option('--limit <n>', 'a page of at most n reports, 1 to 500 (default 50 with --offset or --search)', positiveInteger)
    .option('--offset <n>', 'where the page starts: 0, or the nextOffset of the page before', wholeNumber)
    .option('--newest-first', 'newest reports first (the API lists the oldest first)')
    .option('--search <text>', 'only reports whose id starts with the text (8 characters or more), or whose kind, level, schedule or period contains it')
    .addHelpText('after', pageHelp)
    .action((flags: ListFlags) =>
      run(async ({ client, out }) => {
        if (flags.idsOnly) {
          const listed = await client.listTenantReportIds(flags.tenantId);
          const ordered = flags.newestFirst ? listed.reverse() : listed;
          const offset = flags.offset ?? 0;
          const ids = ordered.slice(offset, flags.limit === undefined ? undefined : offset + flags.limit);
          return out.data(ids, () => ids.join('\n') || 'No reports.');
        }
        if (flags.limit !== undefined || flags.offset !== undefined || flags.search !== undefined) {
          const page = await pageOf(client, flags);
          out.data(page, () => reportsTable(page.reports));
          if (!out.json) out.note(pageNote(page, flags));
          return;
        }
        const display = await listDisplay(out);
        try {
          const reports = await client.listTenantReports(flags.tenantId, { concurrency, ...(display.onProgress ? { onProgress: display.onProgress } : {}) });
          display.done();
          const ordered = flags.newestFirst ? [...reports].reverse() : reports;
          out.data(ordered, () => reportsTable(ordered));
        } catch (error) {
          display.fail();
          throw error;
        }
      }),
    );
}

/**
 * One page, as `--limit` asks: core's text search stops after a bounded scan, often with fewer matches than asked
 * for, so a search goes on scanning from where the last scan stopped until the page is full or the ids run out.
 */
async function pageOf(client: ReportsClient, flags: ListFlags): Promise<ReportPage> {
  const limit = flags.limit ?? 50;
  const reports: Report[] = [];
  let offset: number | null = flags.offset ?? 0;
  let total = 0;
  while (offset !== null && reports.length < limit) {
    const page: ReportPage = await client.reportPage(flags.tenantId, {
      offset,
      limit: limit - reports.length,
      newestFirst: flags.newestFirst ?? false,
      concurrency,
      ...(flags.search !== undefined ? { search: flags.search } : {}),
    });
    reports.push(...page.reports);
    ({ total, nextOffset: offset } = page);
  }
  return { reports, total, nextOffset: offset };
}

function pageNote(page: ReportPage, flags: ListFlags): string {
  const n = (value: number) => value.toLocaleString('en-US');
  const count = `${n(page.reports.length)} report${page.reports.length === 1 ? '' : 's'}${flags.search !== undefined ? ` matching "${flags.search}"` : ''}`;
  const next = page.nextOffset === null ? 'no more pages.' : `next page: --offset ${page.nextOffset}.`;
  return `${count} from position ${n(flags.offset ?? 0)} of ${n(page.total)}; ${next}`;
}
