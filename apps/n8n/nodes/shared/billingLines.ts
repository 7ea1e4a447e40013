// What the two billing-lines operations share: their fields, the mapping read from its JSON field, the output
// items (one per line, exactly the line's fields) and the hints about the mapping. The lines come from core.
import {
	BillingMappingError,
	DEFAULT_CHANGE_THRESHOLD,
	FIGURES,
	parseBillingMapping,
	type BillingLinesResult,
	type Figure,
} from '@acronis-reports/core/web';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const MAPPING_EXAMPLE =
	'{"customers": {"<tenant id>": "ACME-001"}, "products": [{"offering_item": "storage", "product_code": "BK-STOR", "unit_price": 0.05}, {"offering_item": "local_storage", "ignore": true}]}';

export const MAPPING_FIELD_NAME = 'Mapping (JSON)';

/** Said wherever lines are output: unmapped lines are not dropped. */
export const EXCEPTIONS_NOTE =
	'Lines the mapping cannot fully map are kept, with empty customer_ref or product_code, and counted in a hint in the output pane.';

export const mappingField: INodeProperties = {
	displayName: MAPPING_FIELD_NAME,
	name: 'mapping',
	type: 'json',
	default: '',
	placeholder: MAPPING_EXAMPLE,
	description: `Your customer references and product codes, as a JSON object: "customers" (tenant ID -> your customer reference) and "products" (rules on offering_item, edition, backend_type and sku, * as a wildcard, the first match wins -> product_code and an optional unit_price, or "ignore": true). Empty: no mapping. ${EXCEPTIONS_NOTE}`,
};

const MEASURE_HELP: Record<string, string> = {
	absolute: "the file's absolute usage",
	delta: "the file's delta (the change within the period)",
	effective: "the file's effective usage",
};
const PART_HELP: Record<string, string> = {
	production: 'production only',
	total: 'production and trial',
	trial: 'trial only',
};

/** Core's figures, plus the vendor default (an empty value: core then bills what the vendor's billing module bills). */
export const figureOptions: INodePropertyOptions[] = [
	...FIGURES.map((figure) => {
		const [measure, part] = figure.split('.') as [string, string];
		return { name: figure, value: figure, description: `Bill ${MEASURE_HELP[measure]}, ${PART_HELP[part]}` };
	}),
	{
		name: 'Vendor Default',
		value: '',
		description: "What the vendor's billing module bills: absolute (delta for compute points), production and trial for customers, production only for other tenants",
	},
];

// How lines are computed: options for an Options collection. Callers add their own displayOptions.

export const changeThresholdField: INodeProperties = {
	displayName: 'Change Threshold (%)',
	name: 'changeThreshold',
	type: 'number',
	typeOptions: { minValue: 0.01, numberPrecision: 2 },
	default: DEFAULT_CHANGE_THRESHOLD,
	description: 'When comparing: a line whose quantity changed by more than this percentage is flagged "changed"',
};

export const figureField: INodeProperties = {
	displayName: 'Figure',
	name: 'figure',
	type: 'options',
	options: figureOptions,
	default: '',
	description: 'Which usage figure of the file is billed. Each line names its own in its figure field.',
};

export const includeZeroField: INodeProperties = {
	displayName: 'Include Zero Lines',
	name: 'includeZero',
	type: 'boolean',
	default: false,
	description: 'Whether to keep lines whose quantity rounds to 0 (left out by default)',
};

/**
 * The mapping field of item `i` as the parsed JSON core takes, checked with core's own rules first: JSON that does
 * not parse, or a mapping core refuses, is a NodeOperationError naming the field and every problem, before
 * anything is sent. undefined when the field is empty.
 */
export function mappingOf(ctx: IExecuteFunctions, i: number): object | undefined {
	const raw = ctx.getNodeParameter('mapping', i, '') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return undefined;
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), `${MAPPING_FIELD_NAME} is not valid JSON: ${(error as Error).message}`, {
				itemIndex: i,
				description: `Write a JSON object, for example ${MAPPING_EXAMPLE}`,
			});
		}
	} else if (raw === undefined || raw === null) {
		return undefined;
	}
	try {
		parseBillingMapping(value);
	} catch (error) {
		// core's check throws only BillingMappingError; anything else is said as it is
		const problems = error instanceof BillingMappingError ? error.issues.map((issue) => `${issue.field} ${issue.message}`) : [String(error)];
		throw new NodeOperationError(ctx.getNode(), `${MAPPING_FIELD_NAME} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ${problems.join('; ')}`, {
			itemIndex: i,
			description: `Nothing was sent. Fix ${problems.length === 1 ? 'it' : 'each'} in ${MAPPING_FIELD_NAME}:\n${problems.map((problem) => `- ${problem}`).join('\n')}`,
		});
	}
	return value as object;
}

/** The figure, zero and threshold options, as core's options (only those set). */
export function lineOptionsOf(options: IDataObject): { figure?: Figure; includeZero?: boolean; changeThreshold?: number } {
	return {
		...(options.figure ? { figure: options.figure as Figure } : {}),
		...(options.includeZero !== undefined ? { includeZero: Boolean(options.includeZero) } : {}),
		...(options.changeThreshold !== undefined && options.changeThreshold !== null ? { changeThreshold: Number(options.changeThreshold) } : {}),
	};
}

/** One item per line; its JSON is exactly the line's fields, in core's column order. */
export const lineItems = (result: BillingLinesResult): INodeExecutionData[] => result.lines.map((line) => ({ json: { ...line } as IDataObject }));

const listed = (entries: string[], max = 5): string =>
	entries.slice(0, max).join('; ') + (entries.length > max ? `; and ${entries.length - max} more` : '');

/**
 * Hints in the output pane, so the items stay exactly the lines: how many lines the mapping could not fully map
 * (they are among the items, with empty cells) and which mapping entries matched nothing (usually a typo or a
 * tenant that left).
 */
export function addLineHints(ctx: IExecuteFunctions, result: BillingLinesResult, reportId: string): void {
	const hints: { message: string; type: 'warning'; location: 'outputPane' }[] = [];
	if (result.exceptions.length > 0) {
		hints.push({
			type: 'warning',
			location: 'outputPane',
			message: `Report ${reportId}: ${result.exceptions.length} of ${result.lines.length} lines could not be fully mapped and are kept with an empty customer_ref or product_code: ${listed(result.exceptions.map((exception) => exception.message))}`,
		});
	}
	if (result.unusedMapping.length > 0) {
		hints.push({
			type: 'warning',
			location: 'outputPane',
			message: `Report ${reportId}: ${result.unusedMapping.length} mapping ${result.unusedMapping.length === 1 ? 'entry matches' : 'entries match'} nothing: ${listed(result.unusedMapping.map((entry) => `${entry.field} ${entry.message}`))}`,
		});
	}
	if (hints.length > 0) ctx.addExecutionHints(...hints);
}
