import type { ReportsClient, ReportCreateRequest, ResultAction, ScheduleType } from '@acronis-reports/core/web';
import { fieldDescriptions } from '@acronis-reports/core/web';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { tenantIdField } from '../../../shared/descriptions';
import { MACHINE_FORMAT_NOTE, MONTHLY_FORMATS_NOTE, SCHEDULE_NOTE } from '../../../shared/formatHelp';
import { asFormats, formatOptions, kindOptions, levelOptions, reportJson, resultActionOptions, scheduleTypeOptions, splitList, toDay } from '../../../shared/utils';

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
			{ displayName: 'Recipients', name: 'recipients', type: 'string', default: '', description: 'Comma-separated user UUIDs who receive the report by e-mail (Send only)' },
			{ displayName: 'Show SKUs', name: 'showSkus', type: 'boolean', default: false, description: 'Whether to add SKU columns (not every partner has SKUs)' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, client: ReportsClient, i: number): Promise<INodeExecutionData[]> {
	const tenant = (this.getNodeParameter('tenantId', i, '') as string).trim();
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const resultAction = this.getNodeParameter('resultAction', i) as ResultAction;
	const scheduleType = this.getNodeParameter('scheduleType', i) as ScheduleType;
	const start = toDay(extra.periodStart);
	const end = toDay(extra.periodEnd);
	const body: ReportCreateRequest = {
		result_action: resultAction,
		recipients: splitList(extra.recipients),
		schedule: { type: scheduleType, ...(scheduleType === 'monthly' && extra.enabled !== undefined ? { enabled: Boolean(extra.enabled) } : {}) },
		parameters: {
			tenant_id: tenant || (await client.getOwnTenantId()),
			kind: this.getNodeParameter('kind', i) as ReportCreateRequest['parameters']['kind'],
			level: this.getNodeParameter('level', i) as ReportCreateRequest['parameters']['level'],
			formats: asFormats(this.getNodeParameter('formats', i, [])),
			...(start || end ? { period: { start: start ?? '', end: end ?? '' } } : {}),
			...(extra.hideZeroUsage !== undefined ? { hide_zero_usage: Boolean(extra.hideZeroUsage) } : {}),
			...(extra.showSkus !== undefined ? { show_skus: Boolean(extra.showSkus) } : {}),
		},
		...(toDay(extra.generationDate) ? { generation_date: toDay(extra.generationDate) } : {}),
	};
	if (body.parameters.formats?.length === 0) delete body.parameters.formats;
	const report = await client.createReport(body);
	return [{ json: reportJson(report) }];
}
