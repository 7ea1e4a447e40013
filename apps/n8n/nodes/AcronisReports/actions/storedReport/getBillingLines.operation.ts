import type { ReportsClient } from '@acronis-reports/core/web';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { reportIdLocator } from '../../../shared/descriptions';
import { addLineHints, changeThresholdField, EXCEPTIONS_NOTE, figureField, includeZeroField, lineItems, lineOptionsOf, mappingField, mappingOf } from '../../../shared/billingLines';

const DEFAULT_WAIT_SECONDS = 600;

const properties: INodeProperties[] = [
	{
		...reportIdLocator,
		description: "The report whose lines to read: its newest csv_v2_0 file (or json_v2_0 when it has no csv_v2_0), as a billing report makes. Picked from the tenant's reports or given by ID.",
	},
	{
		...reportIdLocator,
		displayName: 'Compare With Report',
		name: 'previousReportId',
		required: false,
		description: 'The previous month\'s report: fills previous_quantity, change and change_percent, and flags each line "new", "gone" (kept with quantity 0), "changed" or "". Empty: no comparison.',
	},
	{ ...mappingField },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			changeThresholdField,
			figureField,
			includeZeroField,
			{
				displayName: 'Wait Up To (Seconds)',
				name: 'waitSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_WAIT_SECONDS,
				description: 'How long to wait for a file still being generated before failing',
			},
		],
	},
	{
		displayName: `One item per billing line, with exactly the fields tenant_id … flag, ready for an invoice or accounting node. ${EXCEPTIONS_NOTE}`,
		name: 'linesNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['storedReport'], operation: ['getBillingLines'] } }, properties);

export async function execute(this: IExecuteFunctions, client: ReportsClient, i: number): Promise<INodeExecutionData[]> {
	const reportId = this.getNodeParameter('reportId', i, '', { extractValue: true }) as string;
	const previousReportId = String(this.getNodeParameter('previousReportId', i, '', { extractValue: true }) ?? '').trim();
	const mapping = mappingOf(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const result = await client.getBillingLines(reportId, {
		...(previousReportId ? { previousReportId } : {}),
		...(mapping ? { mapping } : {}),
		...lineOptionsOf(options),
		timeoutMs: Number(options.waitSeconds ?? DEFAULT_WAIT_SECONDS) * 1000,
	});
	addLineHints(this, result, result.source.report.id);
	return lineItems(result);
}
