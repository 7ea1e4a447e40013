import type { ReportsClient } from '@acronis-reports/core/web';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { reportIdLocator } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	reportIdLocator,
	{
		displayName: 'Version',
		name: 'version',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'The version the report must still have to be deleted. 0: look up the current version.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, client: ReportsClient, i: number): Promise<INodeExecutionData[]> {
	const reportId = this.getNodeParameter('reportId', i, '', { extractValue: true }) as string;
	const version = this.getNodeParameter('version', i, 0) as number;
	await client.deleteReport(reportId, version > 0 ? { version } : {});
	return [{ json: { deleted: true, id: reportId } }];
}
