import {
	parseFormatsField,
	parseListField,
	reportFormats,
	reportKinds,
	reportLevels,
	resultActions,
	scheduleTypes,
	storedReportStatuses,
	valueDescriptions,
	type Report,
	type ReportFormat,
	type StoredReport,
	type StoredReportDownload,
} from '@acronis-reports/core/web';
import type { IBinaryData, IDataObject, IExecuteFunctions, INodePropertyOptions, IPollFunctions } from 'n8n-workflow';
import { nodeReadable } from './node-readable';
import { formatNotes, scheduleNotes } from './formatHelp';

const label = (value: string) =>
	value
		.split('_')
		.map((word, index) => (index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
		.join(' ')
		.replace(/ v(\d) (\d)$/, ' v$1.$2')
		.replace(/^Csv/, 'CSV')
		.replace(/^Json/, 'JSON')
		.replace(/^Html$/, 'HTML');

function options<T extends string>(values: readonly T[], help: Record<T, string>, notes: Partial<Record<T, string>> = {}): INodePropertyOptions[] {
	return values.map((value) => ({ name: label(value), value, description: [help[value], notes[value]].filter(Boolean).join(' ') }));
}

/** Dropdown options generated from the API description's enums, with their help texts (and this host's notes). */
export const kindOptions = options(reportKinds, valueDescriptions.reportKinds);
export const levelOptions = options(reportLevels, valueDescriptions.reportLevels);
export const formatOptions = options(reportFormats, valueDescriptions.reportFormats, formatNotes);
export const resultActionOptions = options(resultActions, valueDescriptions.resultActions);
export const scheduleTypeOptions = options(scheduleTypes, valueDescriptions.scheduleTypes, scheduleNotes);
export const storedStatusOptions = options(storedReportStatuses, valueDescriptions.storedReportStatuses);

export const UUID_REGEX = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** A report as an output item's JSON. */
export const reportJson = (report: Report): IDataObject => ({ ...report }) as IDataObject;

export const storedJson = (reportId: string, stored: StoredReport): IDataObject => ({ reportId, ...stored }) as IDataObject;

/** A list parameter (n8n's multi-options, or text from an expression) by core's list rule; nothing given is []. */
export const splitList = (value: unknown, field = 'list'): string[] => parseListField(value, field) ?? [];

/** A format filter by core's rule: every entry a report format, or a ValidationError naming the parameter. */
export const asFormats = (value: unknown, field = 'Formats'): ReportFormat[] => parseFormatsField(value, field) ?? [];

/**
 * Streams a decompressed download into n8n's binary data (memory or disk, as n8n is configured). A file whose
 * connection drops mid-way is downloaded again (core's retry budget); only a whole file becomes the item's binary.
 */
export async function downloadToBinary(ctx: IExecuteFunctions | IPollFunctions, download: StoredReportDownload): Promise<IBinaryData> {
	return await download.retrying(async (current) => await binaryOf(ctx, current));
}

/**
 * One try of a download as n8n binary data, streamed: for callers whose core call retries by itself (the billing
 * export's `consume`).
 */
export async function binaryOf(ctx: IExecuteFunctions | IPollFunctions, download: StoredReportDownload): Promise<IBinaryData> {
	const binary = await ctx.helpers.prepareBinaryData(nodeReadable(download.stream) as unknown as Buffer, download.fileName, download.contentType.split(';')[0]);
	binary.fileName = download.fileName;
	return binary;
}

export const downloadJson = (download: StoredReportDownload): IDataObject => ({
	reportId: download.reportId,
	storedReportId: download.storedReport.id,
	format: download.format,
	fileName: download.fileName,
	contentType: download.contentType,
	compressedSize: download.compressedSize,
	createdAt: download.storedReport.created_at,
});
