import type { ReportsClient } from '@acronis-reports/core/web';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { reportIdLocator } from '../../../shared/descriptions';
import { reportJson } from '../../../shared/utils';

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['get'] } }, [reportIdLocator]);

export async function execute(this: IExecuteFunctions, client: ReportsClient, i: number): Promise<INodeExecutionData[]> {
	const reportId = this.getNodeParameter('reportId', i, '', { extractValue: true }) as string;
	return [{ json: reportJson(await client.getReport(reportId)) }];
}
