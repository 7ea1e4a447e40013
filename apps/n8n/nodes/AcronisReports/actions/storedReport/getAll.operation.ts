import type { ReportsClient } from '@acronis-reports/core/web';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { reportIdLocator } from '../../../shared/descriptions';
import { asFormats, formatOptions, storedJson, storedStatusOptions } from '../../../shared/utils';

const properties: INodeProperties[] = [
	reportIdLocator,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Formats', name: 'formats', type: 'multiOptions', options: formatOptions, default: [], description: 'Only stored reports in these formats' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: storedStatusOptions,
				default: 'saved',
				description: 'Only stored reports with this status',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['storedReport'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, client: ReportsClient, i: number): Promise<INodeExecutionData[]> {
	const reportId = this.getNodeParameter('reportId', i, '', { extractValue: true }) as string;
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const formats: string[] = asFormats(filters.formats);
	const items = (await client.listStoredReports(reportId)).filter(
		(item) => (formats.length === 0 || formats.includes(item.report_format)) && (!filters.status || item.status === filters.status),
	);
	return items.map((item) => ({ json: storedJson(reportId, item) }));
}
