import { type ReportsClient } from '@acronis-reports/core/web';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { tenantIdField } from '../../../shared/descriptions';
import { reportJson } from '../../../shared/utils';

const properties: INodeProperties[] = [
	tenantIdField,
	{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: false, description: 'Whether to return all results or only up to a given limit' },
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 500 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, client: ReportsClient, i: number): Promise<INodeExecutionData[]> {
	const tenant = (this.getNodeParameter('tenantId', i, '') as string).trim();
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	// a page fetches only the reports it returns; Return All fetches every one, a few at a time
	const reports = returnAll
		? await client.listTenantReports(tenant || undefined)
		: (await client.reportPage(tenant || undefined, { limit: this.getNodeParameter('limit', i, 50) as number })).reports;
	return reports.map((report) => ({ json: reportJson(report) }));
}
