import { createdAtMs, mapLimited, type Report, type ReportsClient, type StoredReport } from '@acronis-reports/core/web';
import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { binaryPropertyField, binaryPropertyOf, reportIdLocator, tenantIdField } from '../shared/descriptions';
import { toNodeError } from '../shared/errors';
import { downloadJson, downloadToBinary, formatOptions, reportJson, splitList, storedJson } from '../shared/utils';
import { MONTHLY_FILES_NOTE } from '../shared/formatHelp';
import { searchReports } from '../shared/listSearch';
import { reportsClient, type KeptTenant } from '../shared/transport';

/** Ids remembered per report; older ones are dropped (their files are long gone from the list or long emitted). */
const MEMORY = 1000;
const CONCURRENCY = 4;

type Status = 'saved' | 'failed';

/**
 * Each event keeps its own baseline: a missing entry means "not baselined yet", so the first poll after switching the
 * event (or the report of One Report) only records what exists and emits nothing.
 */
interface Cursor {
	/** Stored report ids already emitted (or present at the baseline), per status, then per report id. */
	stored?: Partial<Record<Status, Record<string, string[]>>>;
	/** Report ids already known, for New Report. */
	reports?: string[];
	/** The API client's own tenant, looked up once and kept, so that a poll does not ask for it again. */
	ownTenant?: KeptTenant;
}

type Event = 'storedReportReady' | 'storedReportFailed' | 'newReport';

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
					{ name: 'Every Report of a Tenant', value: 'tenant', description: 'The files of every report of the tenant (one request per report per poll)' },
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
		],
	};

	methods = { listSearch: { searchReports } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as Event;
		const manual = this.getMode() === 'manual';
		const cursor = this.getWorkflowStaticData('node') as Cursor;
		try {
			const client = await reportsClient(this, cursor.ownTenant);
			const items = event === 'newReport' ? await pollReports.call(this, client, cursor, manual) : await pollStored.call(this, client, cursor, event, manual);
			if (!manual && usesOwnTenant.call(this, event)) cursor.ownTenant = { of: client.tenantKey, tenantId: await client.getOwnTenantId() };
			return items.length > 0 ? [items] : null;
		} catch (error) {
			throw toNodeError(this.getNode(), error, 0);
		}
	}
}

/** Whether the poll listed the API client's own tenant (no tenant given): its id is known then, without a request. */
function usesOwnTenant(this: IPollFunctions, event: Event): boolean {
	if (event !== 'newReport' && this.getNodeParameter('watch', 'report') === 'report') return false;
	return String(this.getNodeParameter('tenantId', '') ?? '').trim() === '';
}

async function pollReports(this: IPollFunctions, client: ReportsClient, cursor: Cursor, manual: boolean): Promise<INodeExecutionData[]> {
	const tenant = String(this.getNodeParameter('tenantId', '') ?? '').trim();
	const ids = await client.listTenantReportIds(tenant || undefined);
	if (manual) {
		const newest = ids[ids.length - 1];
		return newest ? [{ json: reportJson(await client.getReport(newest)) }] : [];
	}
	const known = cursor.reports ? new Set(cursor.reports) : undefined; // undefined: no baseline for New Report yet
	const fresh = known ? ids.filter((id) => !known.has(id)) : [];
	const reports = await mapLimited(fresh, CONCURRENCY, async (id) => await client.getReport(id));
	cursor.reports = ids.slice(-MEMORY * 10);
	return reports.map((report) => ({ json: reportJson(report) }));
}

async function pollStored(this: IPollFunctions, client: ReportsClient, cursor: Cursor, event: Event, manual: boolean): Promise<INodeExecutionData[]> {
	const status: Status = event === 'storedReportReady' ? 'saved' : 'failed';
	const watch = this.getNodeParameter('watch', 'report') as string;
	const formats = splitList(this.getNodeParameter('formats', []));
	const reportIds =
		watch === 'report'
			? [this.getNodeParameter('reportId', '', { extractValue: true }) as string]
			: await client.listTenantReportIds(String(this.getNodeParameter('tenantId', '') ?? '').trim() || undefined);
	const lists = await mapLimited(reportIds, CONCURRENCY, async (reportId) => ({ reportId, items: await client.listStoredReports(reportId) }));
	const matching = lists.flatMap(({ reportId, items }) =>
		items.filter((item) => item.status === status && (formats.length === 0 || formats.includes(item.report_format))).map((item) => ({ reportId, item })),
	);
	let emit: { reportId: string; item: StoredReport }[];
	if (manual) {
		const newest = matching.sort((a, b) => createdAtMs(b.item) - createdAtMs(a.item))[0];
		emit = newest ? [newest] : [];
	} else {
		const previous = cursor.stored?.[status]; // undefined: no baseline for this status yet
		// Every Report of a Tenant: a report without an entry is new, all its files are events.
		// One Report: a report without an entry was just selected, its existing files are its baseline.
		const baselined = (reportId: string) => previous !== undefined && (watch !== 'report' || previous[reportId] !== undefined);
		emit = matching.filter(({ reportId, item }) => baselined(reportId) && !(previous?.[reportId] ?? []).includes(item.id));
		const seen = { ...previous };
		for (const { reportId, items } of lists) {
			const ids = new Set(seen[reportId] ?? []);
			for (const item of items) if (item.status === status) ids.add(item.id);
			seen[reportId] = [...ids].slice(-MEMORY);
		}
		cursor.stored = { ...cursor.stored, [status]: seen };
		emit.sort((a, b) => createdAtMs(a.item) - createdAtMs(b.item));
	}
	const download = event === 'storedReportReady' && (this.getNodeParameter('download', false) as boolean);
	const property = download ? binaryPropertyOf(this.getNodeParameter('binaryPropertyName', 'data')) : 'data';
	// each report fetched once per poll (core needs it for the file names), however many of its files are new
	const reports = new Map<string, Report>();
	const items: INodeExecutionData[] = [];
	for (const { reportId, item } of emit) {
		if (!download) {
			items.push({ json: storedJson(reportId, item) as IDataObject });
			continue;
		}
		let report = reports.get(reportId);
		if (!report) reports.set(reportId, (report = await client.getReport(reportId)));
		const file = await client.downloadStoredReport(reportId, item, { report });
		items.push({ json: { ...storedJson(reportId, item), ...downloadJson(file) }, binary: { [property]: await downloadToBinary(this, file) } });
	}
	return items;
}
