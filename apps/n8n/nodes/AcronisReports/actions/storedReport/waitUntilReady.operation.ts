import type { ReportsClient } from '@acronis-reports/core/web';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { reportIdLocator, timeoutMinutesField, timeoutMsOf } from '../../../shared/descriptions';
import { asFormats, formatOptions, storedJson } from '../../../shared/utils';
import { MONTHLY_FILES_NOTE } from '../../../shared/formatHelp';

const properties: INodeProperties[] = [
	reportIdLocator,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Formats', name: 'formats', type: 'multiOptions', options: formatOptions, default: [], description: `Formats to wait for. Empty: the report's own formats. ${MONTHLY_FILES_NOTE}` },
			timeoutMinutesField,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['storedReport'], operation: ['waitUntilReady'] } }, properties);

export async function execute(this: IExecuteFunctions, client: ReportsClient, i: number): Promise<INodeExecutionData[]> {
	const reportId = this.getNodeParameter('reportId', i, '', { extractValue: true }) as string;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const formats = asFormats(options.formats);
	const stored = await client.waitForStoredReports(reportId, {
		...(formats.length > 0 ? { formats } : {}),
		timeoutMs: timeoutMsOf(options.timeoutMinutes),
	});
	return stored.map((item) => ({ json: storedJson(reportId, item) }));
}
