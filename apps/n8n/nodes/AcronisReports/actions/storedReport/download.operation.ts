import { parseUsageRows, type ReportFormat, type ReportsClient } from '@acronis-reports/core/web';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { binaryPropertyField, binaryPropertyOf, reportIdLocator } from '../../../shared/descriptions';
import { downloadJson, downloadToBinary, formatOptions } from '../../../shared/utils';

const properties: INodeProperties[] = [
	reportIdLocator,
	{
		displayName: 'Stored Report ID',
		name: 'storedReportId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 7c9e6679-7425-40de-944b-e07fc1f90ae7',
		description: 'The stored file to download. Empty: the newest saved file in the format below.',
	},
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: formatOptions,
		default: 'csv_v2_0',
		description: 'Format of the newest saved file to download. A monthly report has only csv and html files.',
		displayOptions: { show: { storedReportId: [''] } },
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'File', value: 'file', description: 'One item with the decompressed file as binary data' },
			{ name: 'Usage Rows', value: 'rows', description: 'One item per usage row, units normalised. From csv_v2_0 and json_v2_0 files only, so from one-time reports only.' },
		],
		default: 'file',
	},
	{ ...binaryPropertyField, displayOptions: { show: { output: ['file'] } } },
];

export const description = updateDisplayOptions({ show: { resource: ['storedReport'], operation: ['download'] } }, properties);

export async function execute(this: IExecuteFunctions, client: ReportsClient, i: number): Promise<INodeExecutionData[]> {
	const reportId = this.getNodeParameter('reportId', i, '', { extractValue: true }) as string;
	const storedReportId = (this.getNodeParameter('storedReportId', i, '') as string).trim();
	const output = this.getNodeParameter('output', i, 'file') as string;
	// core chooses the file and says why there is none: not ready yet, never, or failed
	const download = await client.downloadStoredFile(
		reportId,
		storedReportId ? { storedReportId } : { format: this.getNodeParameter('format', i, 'csv_v2_0') as ReportFormat },
	);
	if (output === 'rows') {
		if (download.format !== 'csv_v2_0' && download.format !== 'json_v2_0') {
			await download.stream.cancel();
			throw new NodeOperationError(this.getNode(), `Usage rows can be read from csv_v2_0 and json_v2_0 files only, not ${download.format}.`, { itemIndex: i });
		}
		const rows: INodeExecutionData[] = [];
		for await (const row of parseUsageRows(download.stream, download.format)) rows.push({ json: row as unknown as IDataObject });
		return rows;
	}
	const property = binaryPropertyOf(this.getNodeParameter('binaryPropertyName', i, 'data'));
	return [{ json: downloadJson(download), binary: { [property]: await downloadToBinary(this, download) } }];
}
