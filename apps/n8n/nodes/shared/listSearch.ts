import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { toNodeError } from './errors';
import { reportsClient } from './transport';

/** The tenant's reports for the report picker, newest first by version, filtered by id, kind or period. */
export async function searchReports(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	try {
		const client = await reportsClient(this);
		const tenant = String(this.getCurrentNodeParameter('tenantId') ?? '').trim();
		const reports = await client.listTenantReports(tenant || undefined, { concurrency: 4 });
		const needle = (filter ?? '').toLowerCase();
		const results = reports
			.map((report) => {
				const period = report.parameters.period ? ` ${report.parameters.period.start} to ${report.parameters.period.end}` : '';
				const name = `${report.parameters.kind} (${report.schedule?.type ?? 'once'}${period}) ${report.id.slice(0, 8)}`;
				return { name, value: report.id };
			})
			.filter((entry) => !needle || entry.name.toLowerCase().includes(needle) || entry.value.includes(needle));
		return { results };
	} catch (error) {
		throw toNodeError(this.getNode(), error, 0);
	}
}
