import type { INodeProperties } from 'n8n-workflow';
import { UUID_REGEX } from './utils';

export const reportIdLocator: INodeProperties = {
	displayName: 'Report',
	name: 'reportId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The report, picked from the tenant\'s reports or given by ID',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a report...',
			typeOptions: { searchListMethod: 'searchReports', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 0b8d2f5e-3c41-4f7a-9a2e-6d1c8e4b7a90',
			validation: [{ type: 'regex', properties: { regex: UUID_REGEX, errorMessage: 'Not a report ID (a UUID)' } }],
		},
	],
};

export const tenantIdField: INodeProperties = {
	displayName: 'Tenant ID',
	name: 'tenantId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 5a8f3b2c-1d4e-4f6a-8b9c-0d1e2f3a4b5c',
	description: "The tenant whose reports to use. Empty: the API client's own tenant.",
};

/** Where a downloaded file goes; read it back with binaryPropertyOf. Callers add their own displayOptions. */
export const binaryPropertyField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	description: 'Name of the binary property the file goes to',
};

/** The binary property name a binaryPropertyField parameter holds ('data' when empty). */
export const binaryPropertyOf = (value: unknown): string => String(value ?? 'data') || 'data';

const DEFAULT_TIMEOUT_MINUTES = 10;

/**
 * How long to wait for a report's files. 0 is allowed here (look once, fail if not ready); a caller that has just
 * created the report raises minValue to 1, since its files cannot be ready yet.
 */
export const timeoutMinutesField: INodeProperties = {
	displayName: 'Timeout (Minutes)',
	name: 'timeoutMinutes',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_TIMEOUT_MINUTES,
	description: 'How long to wait before failing',
};

/** A timeoutMinutesField parameter as milliseconds for core's wait. */
export const timeoutMsOf = (value: unknown): number => Number(value ?? DEFAULT_TIMEOUT_MINUTES) * 60_000;
