import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as createBilling from './createBilling.operation';
import * as deleteReport from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, createBilling, deleteReport as delete, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a usage report', action: 'Create a report' },
			{
				name: 'Create Billing Report',
				value: 'createBilling',
				description: "Create the vendor's monthly billing report (usage summary, csv_v2_0 and json_v2_0), optionally wait and download, or output its billing lines",
				action: 'Create a billing report',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a report', action: 'Delete a report' },
			{ name: 'Get', value: 'get', description: 'Get a report', action: 'Get a report' },
			{ name: 'Get Many', value: 'getAll', description: "Get many of a tenant's reports", action: 'Get many reports' },
			{ name: 'Update', value: 'update', description: 'Change a monthly report', action: 'Update a report' },
		],
		default: 'createBilling',
	},
	...create.description,
	...createBilling.description,
	...deleteReport.description,
	...get.description,
	...getAll.description,
	...update.description,
];
