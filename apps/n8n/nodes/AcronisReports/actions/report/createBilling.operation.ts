import type { ReportsClient, ReportLevel } from '@acronis-reports/core/web';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { binaryPropertyField, binaryPropertyOf, tenantIdField, timeoutMinutesField, timeoutMsOf } from '../../../shared/descriptions';
import { downloadJson, downloadToBinary, levelOptions, reportJson, storedJson } from '../../../shared/utils';

const properties: INodeProperties[] = [
	tenantIdField,
	{
		displayName: 'Month',
		name: 'month',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2026-10',
		description: 'The month to bill, as YYYY-MM. Empty: the last full month.',
	},
	{
		displayName: 'Wait for Files',
		name: 'waitForFiles',
		type: 'boolean',
		default: true,
		description: 'Whether to wait until every file is generated (usually 1 to 2 minutes) before continuing',
	},
	{
		displayName: 'Download Files',
		name: 'downloadFiles',
		type: 'boolean',
		default: true,
		displayOptions: { show: { waitForFiles: [true] } },
		description: 'Whether to output one item per file with the decompressed file as binary data. Off: one item with the report and its stored files.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Hide Zero Usage', name: 'hideZeroUsage', type: 'boolean', default: true, description: 'Whether to leave out offering items without usage' },
			{ displayName: 'Level', name: 'level', type: 'options', options: levelOptions, default: 'direct_partners', description: 'Which tenants the report covers' },
			{ ...binaryPropertyField, description: 'Name of the binary property each downloaded file goes to' },
			{ displayName: 'Show SKUs', name: 'showSkus', type: 'boolean', default: true, description: 'Whether to add SKU columns' },
			{ ...timeoutMinutesField, typeOptions: { minValue: 1 }, description: 'How long to wait for the files before failing' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['createBilling'] } }, properties);

export async function execute(this: IExecuteFunctions, client: ReportsClient, i: number): Promise<INodeExecutionData[]> {
	const tenant = (this.getNodeParameter('tenantId', i, '') as string).trim();
	const month = (this.getNodeParameter('month', i, '') as string).trim();
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const report = await client.createBillingReport({
		...(tenant ? { tenantId: tenant } : {}),
		...(month ? { month } : {}),
		...(options.level ? { level: options.level as ReportLevel } : {}),
		...(options.hideZeroUsage !== undefined ? { hideZeroUsage: Boolean(options.hideZeroUsage) } : {}),
		...(options.showSkus !== undefined ? { showSkus: Boolean(options.showSkus) } : {}),
	});
	if (!this.getNodeParameter('waitForFiles', i, true)) return [{ json: reportJson(report) }];
	const stored = await client.waitForStoredReports(report.id, { timeoutMs: timeoutMsOf(options.timeoutMinutes) });
	if (!this.getNodeParameter('downloadFiles', i, true)) {
		return [{ json: { ...reportJson(report), storedReports: stored.map((item) => storedJson(report.id, item)) } }];
	}
	const property = binaryPropertyOf(options.binaryPropertyName);
	const items: INodeExecutionData[] = [];
	for (const file of stored) {
		const download = await client.downloadStoredReport(report.id, file, { report });
		items.push({ json: { report: reportJson(report), ...downloadJson(download) }, binary: { [property]: await downloadToBinary(this, download) } });
	}
	return items;
}
