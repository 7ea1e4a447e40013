import type { ReportsClient } from '@acronis-reports/core/web';
import { fieldDescriptions } from '@acronis-reports/core/web';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { tenantIdField } from '../../../shared/descriptions';
import { fieldLabelsOf } from '../../../shared/fieldLabels';
import { MACHINE_FORMAT_NOTE, MONTHLY_FORMATS_NOTE, SCHEDULE_NOTE } from '../../../shared/formatHelp';
import { formatOptions, kindOptions, levelOptions, reportJson, resultActionOptions, scheduleTypeOptions } from '../../../shared/utils';

const properties: INodeProperties[] = [
	tenantIdField,
	{ displayName: 'Kind', name: 'kind', type: 'options', options: kindOptions, default: 'usage_summary', description: fieldDescriptions.kind },
	{ displayName: 'Level', name: 'level', type: 'options', options: levelOptions, default: 'direct_partners', description: fieldDescriptions.level },
	{
		displayName: 'Formats',
		name: 'formats',
		type: 'multiOptions',
		options: formatOptions,
		default: ['csv_v2_0', 'json_v2_0'],
		description: `${fieldDescriptions.formats} ${MONTHLY_FORMATS_NOTE} ${MACHINE_FORMAT_NOTE}`,
	},
	{
		displayName: 'Result Action',
		name: 'resultAction',
		type: 'options',
		options: resultActionOptions,
		default: 'save',
		description: fieldDescriptions.resultAction,
	},
	{
		displayName: 'Schedule',
		name: 'scheduleType',
		type: 'options',
		options: scheduleTypeOptions,
		default: 'once',
		description: `${fieldDescriptions.scheduleType} ${SCHEDULE_NOTE}`,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true, description: 'Whether a monthly report runs (monthly reports only)' },
			{ displayName: 'Generation Date', name: 'generationDate', type: 'dateTime', default: '', description: 'When a one-time report is generated' },
			{ displayName: 'Hide Zero Usage', name: 'hideZeroUsage', type: 'boolean', default: false, description: `Whether to ${fieldDescriptions.hideZeroUsage.charAt(0).toLowerCase()}${fieldDescriptions.hideZeroUsage.slice(1, -1)}` },
			{ displayName: 'Period End', name: 'periodEnd', type: 'dateTime', default: '', description: 'Last day of the period (inclusive, not in the future)' },
			{ displayName: 'Period Start', name: 'periodStart', type: 'dateTime', default: '', description: 'First day of the period' },
			{ displayName: 'Recipients', name: 'recipients', type: 'string', default: '', description: 'User UUIDs who receive the report by e-mail (Send only), separated by commas, semicolons or spaces' },
			{ displayName: 'Show SKUs', name: 'showSkus', type: 'boolean', default: false, description: 'Whether to add SKU columns (not every partner has SKUs)' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['create'] } }, properties);

const labels = fieldLabelsOf(properties);

/** The parameters are core's flat fields by name; core builds the request (and finds the own tenant when none is given). */
export async function execute(this: IExecuteFunctions, client: ReportsClient, i: number): Promise<INodeExecutionData[]> {
	const fields = {
		tenantId: this.getNodeParameter('tenantId', i, ''),
		kind: this.getNodeParameter('kind', i),
		level: this.getNodeParameter('level', i),
		formats: this.getNodeParameter('formats', i, []),
		resultAction: this.getNodeParameter('resultAction', i),
		scheduleType: this.getNodeParameter('scheduleType', i),
		...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
	};
	return [{ json: reportJson(await client.createReportFromFields(fields, { labels })) }];
}
