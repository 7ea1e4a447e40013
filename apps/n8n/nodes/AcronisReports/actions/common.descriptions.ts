import type { INodeProperties } from 'n8n-workflow';
import { UUID_REGEX } from '../helpers/utils';

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
