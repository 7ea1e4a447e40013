import type { ReportsClient } from '@acronis-reports/core/web';
import { fieldDescriptions } from '@acronis-reports/core/web';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { reportIdLocator } from '../../../shared/descriptions';
import { fieldLabelsOf } from '../../../shared/fieldLabels';
import { kindOptions, levelOptions, reportJson } from '../../../shared/utils';

const properties: INodeProperties[] = [
	{ ...reportIdLocator, description: 'The report to change; only monthly reports can be updated' },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true, description: 'Whether the monthly report keeps running (off pauses it)' },
			{ displayName: 'Hide Zero Usage', name: 'hideZeroUsage', type: 'boolean', default: false, description: 'Whether to leave out offering items that had no usage' },
			{ displayName: 'Kind', name: 'kind', type: 'options', options: kindOptions, default: 'usage_summary', description: fieldDescriptions.kind },
			{ displayName: 'Level', name: 'level', type: 'options', options: levelOptions, default: 'direct_partners', description: fieldDescriptions.level },
			{ displayName: 'Recipients', name: 'recipients', type: 'string', default: '', description: 'User UUIDs who receive the report by e-mail, separated by commas, semicolons or spaces' },
			{ displayName: 'Show SKUs', name: 'showSkus', type: 'boolean', default: false, description: 'Whether to add SKU columns' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['update'] } }, properties);

const labels = fieldLabelsOf(properties, 'Update Fields');

/** The update fields are core's flat fields by name: only what was added is sent. */
export async function execute(this: IExecuteFunctions, client: ReportsClient, i: number): Promise<INodeExecutionData[]> {
	const reportId = this.getNodeParameter('reportId', i, '', { extractValue: true }) as string;
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	return [{ json: reportJson(await client.updateReportFromFields(reportId, fields, { labels })) }];
}
