import { reportLabel } from '@acronis-reports/core/web';
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { toNodeError } from './errors';
import { reportsClient } from './transport';

// A page a scroll of the picker loads: with 10 reports fetched at a time, about four round trips per page
// however many reports the tenant has. A text search fetches at most SCAN_LIMIT reports for one page.
const PAGE_SIZE = 30;
const SCAN_LIMIT = 100;
const CONCURRENCY = 10;

/**
 * The report picker: the tenant's reports newest first, a page per scroll (n8n passes back the paginationToken we
 * return). The filter matches the start of an id, or the label's kind, level, schedule or period.
 */
export async function searchReports(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	try {
		const client = await reportsClient(this);
		const tenant = String(this.getCurrentNodeParameter('tenantId') ?? '').trim();
		const page = await client.reportPage(tenant || undefined, {
			offset: paginationToken ? Number(paginationToken) : 0,
			limit: PAGE_SIZE,
			newestFirst: true,
			search: filter ?? '',
			scanLimit: SCAN_LIMIT,
			concurrency: CONCURRENCY,
		});
		const results = page.reports.map((report) => ({ name: reportLabel(report), value: report.id }));
		return page.nextOffset === null ? { results } : { results, paginationToken: String(page.nextOffset) };
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}
