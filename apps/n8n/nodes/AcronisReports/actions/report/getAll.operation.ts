import { mapLimited, type ReportsClient } from '@acronis-reports/core/web';
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
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, client: ReportsClient, i: number): Promise<INodeExecutionData[]> {
	const tenant = (this.getNodeParameter('tenantId', i, '') as string).trim();
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', i, 50) as number);
	// The API lists ids only; fetch just the reports asked for.
	const ids = (await client.listTenantReportIds(tenant || undefined)).slice(0, limit);
	// not client.listTenantReports: that fetches every report, also those past the limit
	const reports = await mapLimited(ids, 4, async (id) => await client.getReport(id));
	return reports.map((report) => ({ json: reportJson(report) }));
}
