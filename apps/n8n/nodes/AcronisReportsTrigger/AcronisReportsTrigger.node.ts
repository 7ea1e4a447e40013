import { budgetRange, defaultBudget, giveUpAfterMs, type ReportFormat, type ReportsClient, type WatchedFile, type WatchOptions } from '@acronis-reports/core/web';
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { binaryPropertyField, binaryPropertyOf, reportIdLocator, tenantIdField } from '../shared/descriptions';
import { toNodeError } from '../shared/errors';
import { downloadJson, downloadToBinary, formatOptions, reportJson, splitList, storedJson } from '../shared/utils';
import { MONTHLY_FILES_NOTE } from '../shared/formatHelp';
import { searchReports } from '../shared/listSearch';
import { reportsClient, type KeptTenant } from '../shared/transport';

/** What the trigger keeps in the workflow's static data between polls. */
interface Cursor {
	/** Core's watch state: settled reports, sleeping ones, watched ones and what was already emitted. */
	watch?: unknown;
	/** The API client's own tenant, looked up once and kept, so that a poll does not ask for it again. */
	ownTenant?: KeptTenant;
}

type Event = 'storedReportReady' | 'storedReportFailed' | 'newReport';

const coreEvent = { storedReportReady: 'saved', storedReportFailed: 'failed', newReport: 'newReport' } as const;
const giveUpHours = giveUpAfterMs / 3_600_000;

export class AcronisReportsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Acronis Reports Trigger',
		name: 'acronisReportsTrigger',
		icon: { light: 'file:acronis.svg', dark: 'file:acronis.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when Acronis report files are ready or failed, or when a report is created',
		defaults: { name: 'Acronis Reports Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'acronisReportsApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'New Report', value: 'newReport', description: 'A report was created in the tenant' },
					{ name: 'Stored Report Failed', value: 'storedReportFailed', description: 'Generating a file failed' },
					{ name: 'Stored Report Ready', value: 'storedReportReady', description: 'A generated file is ready to download' },
				],
				default: 'storedReportReady',
			},
			{
				displayName: 'Watch',
				name: 'watch',
				type: 'options',
				options: [
					{ name: 'One Report', value: 'report', description: 'The files of one report' },
					{
						name: 'Every Report of a Tenant',
						value: 'tenant',
						description: 'The files of every report of the tenant, in at most "Requests per Poll" requests a poll however many reports it has',
					},
				],
				default: 'report',
				displayOptions: { show: { event: ['storedReportReady', 'storedReportFailed'] } },
			},
			{ ...reportIdLocator, displayOptions: { show: { event: ['storedReportReady', 'storedReportFailed'], watch: ['report'] } } },
			{
				...tenantIdField,
				description: "The tenant whose reports to watch. Empty: the API client's own tenant.",
				displayOptions: { hide: { watch: ['report'] } },
			},
			{
				displayName: 'Formats',
				name: 'formats',
				type: 'multiOptions',
				options: formatOptions,
				default: [],
				description: `Only files in these formats. Empty: every format. ${MONTHLY_FILES_NOTE}`,
				displayOptions: { show: { event: ['storedReportReady', 'storedReportFailed'] } },
			},
			{
				displayName: 'Download File',
				name: 'download',
				type: 'boolean',
				default: false,
				description: 'Whether to attach the decompressed file as binary data',
				displayOptions: { show: { event: ['storedReportReady'] } },
			},
			{ ...binaryPropertyField, displayOptions: { show: { event: ['storedReportReady'], download: [true] } } },
			{
				displayName: 'Requests per Poll',
				name: 'budget',
				type: 'number',
				typeOptions: { minValue: budgetRange.min, maxValue: budgetRange.max, numberPrecision: 0 },
				default: defaultBudget,
				description: `The most API requests one poll makes, whatever the number of reports: one lists the tenant's reports, the rest go to reports whose files can still change (being generated, new, or a monthly report around the 1st), then to reports not yet looked at. Settled one-time reports cost nothing. The first poll only records what exists; a tenant's history is then looked at this many reports a poll at most. Download File adds one request per file emitted. A monthly report is watched for ${giveUpHours} h from the 1st.`,
			},
		],
	};

	methods = { listSearch: { searchReports } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as Event;
		const manual = this.getMode() === 'manual';
		const cursor = this.getWorkflowStaticData('node') as Cursor;
		try {
			const client = await reportsClient(this, cursor.ownTenant);
			const options = watchOptions.call(this, event);
			let files: WatchedFile[];
			let reports;
			if (manual) {
				// "Test step": the newest real item, within the budget; the trigger's state is left as it is
				({ files, reports } = await client.sampleWatch({ ...options, limit: 1 }));
			} else {
				const result = await client.pollWatch({ ...options, state: cursor.watch });
				({ files, reports } = result);
				cursor.watch = result.state;
				if (!options.reportId && !options.tenantId) cursor.ownTenant = { of: client.tenantKey, tenantId: await client.getOwnTenantId() };
			}
			const items = event === 'newReport' ? reports.map((report) => ({ json: reportJson(report) })) : await fileItems.call(this, client, event, files);
			return items.length > 0 ? [items] : null;
		} catch (error) {
			throw toNodeError(this.getNode(), error, 0);
		}
	}
}

/** The node's fields as core's watch options. */
function watchOptions(this: IPollFunctions, event: Event): WatchOptions {
	const options: WatchOptions = { event: coreEvent[event], budget: this.getNodeParameter('budget', defaultBudget) as number };
	const oneReport = event !== 'newReport' && this.getNodeParameter('watch', 'report') === 'report';
	if (oneReport) {
		options.reportId = String(this.getNodeParameter('reportId', '', { extractValue: true }) ?? '').trim();
		if (!options.reportId) throw new NodeOperationError(this.getNode(), 'Report is required when watching one report: pick one, or watch every report of a tenant.');
	} else {
		const tenant = String(this.getNodeParameter('tenantId', '') ?? '').trim();
		if (tenant) options.tenantId = tenant;
	}
	if (event !== 'newReport') {
		const formats = splitList(this.getNodeParameter('formats', [])) as ReportFormat[];
		if (formats.length > 0) options.formats = formats;
	}
	return options;
}

/** One item per file; with Download File, the file attached (one request each: the report is already known). */
async function fileItems(this: IPollFunctions, client: ReportsClient, event: Event, files: WatchedFile[]): Promise<INodeExecutionData[]> {
	const download = event === 'storedReportReady' && (this.getNodeParameter('download', false) as boolean);
	const property = download ? binaryPropertyOf(this.getNodeParameter('binaryPropertyName', 'data')) : 'data';
	const items: INodeExecutionData[] = [];
	for (const { report, item } of files) {
		if (!download) {
			items.push({ json: storedJson(report.id, item) as IDataObject });
			continue;
		}
		const file = await client.downloadStoredReport(report.id, item, { report });
		items.push({ json: { ...storedJson(report.id, item), ...downloadJson(file) }, binary: { [property]: await downloadToBinary(this, file) } });
	}
	return items;
}
