import type { ReportsClient, ReportUpdateRequest } from '@acronis-reports/core/web';
import { fieldDescriptions } from '@acronis-reports/core/web';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { reportIdLocator } from '../../../shared/descriptions';
import { kindOptions, levelOptions, reportJson, splitList } from '../../../shared/utils';

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
			{ displayName: 'Recipients', name: 'recipients', type: 'string', default: '', description: 'Comma-separated user UUIDs who receive the report by e-mail' },
			{ displayName: 'Show SKUs', name: 'showSkus', type: 'boolean', default: false, description: 'Whether to add SKU columns' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, client: ReportsClient, i: number): Promise<INodeExecutionData[]> {
	const reportId = this.getNodeParameter('reportId', i, '', { extractValue: true }) as string;
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const changes: ReportUpdateRequest = {};
	const parameters: NonNullable<ReportUpdateRequest['parameters']> = {};
	if (fields.kind !== undefined) parameters.kind = fields.kind as typeof parameters.kind;
	if (fields.level !== undefined) parameters.level = fields.level as typeof parameters.level;
	if (fields.hideZeroUsage !== undefined) parameters.hide_zero_usage = Boolean(fields.hideZeroUsage);
	if (fields.showSkus !== undefined) parameters.show_skus = Boolean(fields.showSkus);
	if (Object.keys(parameters).length > 0) changes.parameters = parameters;
	if (fields.enabled !== undefined) changes.schedule = { enabled: Boolean(fields.enabled) };
	if (fields.recipients !== undefined) changes.recipients = splitList(fields.recipients);
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field under Update Fields.', { itemIndex: i });
	}
	return [{ json: reportJson(await client.updateReport(reportId, changes)) }];
}
