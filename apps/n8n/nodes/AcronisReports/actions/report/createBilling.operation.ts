import { parseBooleanField, parseMonthField, type ReportsClient, type ReportLevel } from '@acronis-reports/core/web';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { binaryPropertyField, binaryPropertyOf, tenantIdField, timeoutMinutesField, timeoutMsOf } from '../../../shared/descriptions';
import { binaryOf, downloadJson, levelOptions, reportJson, storedJson } from '../../../shared/utils';
import { addLineHints, changeThresholdField, EXCEPTIONS_NOTE, figureField, includeZeroField, lineItems, lineOptionsOf, mappingField, mappingOf } from '../../../shared/billingLines';

const forOutput = (output: 'files' | 'lines') => ({ displayOptions: { show: { '/output': [output] } } });

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
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'Files', value: 'files', description: 'The report, its stored files, or the files themselves as binary data (see Wait for Files and Download Files)' },
			{
				name: 'Billing Lines',
				value: 'lines',
				description: 'One item per invoice-ready billing line, read from the csv_v2_0 file: waits for it, maps and compares when asked',
			},
		],
		default: 'files',
	},
	{
		displayName: 'Wait for Files',
		name: 'waitForFiles',
		type: 'boolean',
		default: true,
		displayOptions: { show: { output: ['files'] } },
		description: 'Whether to wait until every file is generated (usually 1 to 2 minutes) before continuing',
	},
	{
		displayName: 'Download Files',
		name: 'downloadFiles',
		type: 'boolean',
		default: true,
		displayOptions: { show: { output: ['files'], waitForFiles: [true] } },
		description: 'Whether to output one item per file with the decompressed file as binary data. Off: one item with the report and its stored files.',
	},
	{
		displayName: 'Compare With Previous Month',
		name: 'compare',
		type: 'boolean',
		default: false,
		displayOptions: { show: { output: ['lines'] } },
		description:
			'Whether to also create the previous month\'s billing report (generated side by side) and fill previous_quantity, change and change_percent, flagging each line "new", "gone" (kept with quantity 0), "changed" or ""',
	},
	{ ...mappingField, displayOptions: { show: { output: ['lines'] } } },
	{
		displayName: 'Delete Report After',
		name: 'deleteAfter',
		type: 'boolean',
		default: false,
		displayOptions: { show: { output: ['lines'] } },
		description: 'Whether to delete the one-time report(s) this node created once their lines are read. Off: they stay in the tenant\'s reports, with their files.',
	},
	{
		displayName: `One item per billing line, with exactly the fields tenant_id … flag, ready for an invoice or accounting node. ${EXCEPTIONS_NOTE}`,
		name: 'linesNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { output: ['lines'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ ...changeThresholdField, ...forOutput('lines') },
			{ ...figureField, ...forOutput('lines') },
			{ displayName: 'Hide Zero Usage', name: 'hideZeroUsage', type: 'boolean', default: true, description: 'Whether to leave out offering items without usage' },
			{ ...includeZeroField, ...forOutput('lines') },
			{ displayName: 'Level', name: 'level', type: 'options', options: levelOptions, default: 'direct_partners', description: 'Which tenants the report covers' },
			{ ...binaryPropertyField, description: 'Name of the binary property each downloaded file goes to', ...forOutput('files') },
			{ displayName: 'Show SKUs', name: 'showSkus', type: 'boolean', default: true, description: 'Whether to add SKU columns' },
			{ ...timeoutMinutesField, typeOptions: { minValue: 1 }, description: 'How long to wait for the files (or the csv_v2_0 files of Billing Lines) before failing' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['createBilling'] } }, properties);

export async function execute(this: IExecuteFunctions, client: ReportsClient, i: number): Promise<INodeExecutionData[]> {
	const tenant = (this.getNodeParameter('tenantId', i, '') as string).trim();
	// core's rules for flat values: a month may come as an ISO date-time from an expression, and "false" is false
	const month = parseMonthField(this.getNodeParameter('month', i, ''), 'Month');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const hideZeroUsage = parseBooleanField(options.hideZeroUsage, 'Hide Zero Usage');
	const showSkus = parseBooleanField(options.showSkus, 'Show SKUs');
	const billing = {
		...(tenant ? { tenantId: tenant } : {}),
		...(month ? { month } : {}),
		...(options.level ? { level: options.level as ReportLevel } : {}),
		...(hideZeroUsage !== undefined ? { hideZeroUsage } : {}),
		...(showSkus !== undefined ? { showSkus } : {}),
	};
	if (this.getNodeParameter('output', i, 'files') === 'lines') {
		const mapping = mappingOf(this, i);
		const result = await client.exportBillingLines({
			...billing,
			compare: this.getNodeParameter('compare', i, false) as boolean,
			deleteAfterDownload: this.getNodeParameter('deleteAfter', i, false) as boolean,
			...(mapping ? { mapping } : {}),
			...lineOptionsOf(options),
			timeoutMs: timeoutMsOf(options.timeoutMinutes),
		});
		addLineHints(this, result, result.source.report.id);
		return lineItems(result);
	}
	const timeoutMs = timeoutMsOf(options.timeoutMinutes);
	if (!this.getNodeParameter('waitForFiles', i, true)) return [{ json: reportJson(await client.createBillingReport(billing)) }];
	if (!this.getNodeParameter('downloadFiles', i, true)) {
		const report = await client.createBillingReport(billing);
		const stored = await client.waitForStoredReports(report.id, { report, timeoutMs });
		return [{ json: { ...reportJson(report), storedReports: stored.map((item) => storedJson(report.id, item)) } }];
	}
	// core's billing job (create, wait, download); each file becomes an item with its binary as it arrives
	const property = binaryPropertyOf(options.binaryPropertyName);
	const { report, files } = await client.exportBillingReport({
		...billing,
		timeoutMs,
		consume: async (download) => ({ json: downloadJson(download), binary: { [property]: await binaryOf(this, download) } }),
	});
	return files.map((file) => ({ ...file, json: { report: reportJson(report), ...file.json } }));
}
