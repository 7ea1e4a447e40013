import type { INodeProperties } from 'n8n-workflow';
import * as download from './download.operation';
import * as getAll from './getAll.operation';
import * as getBillingLines from './getBillingLines.operation';
import * as waitUntilReady from './waitUntilReady.operation';

export { download, getAll, getBillingLines, waitUntilReady };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['storedReport'] } },
		options: [
			{ name: 'Download', value: 'download', description: 'Download a stored file, decompressed', action: 'Download a stored report' },
			{
				name: 'Get Billing Lines',
				value: 'getBillingLines',
				description: "Invoice-ready lines of a report's csv_v2_0 file: one item per tenant and product, mapped to your codes and compared with last month when asked",
				action: 'Get billing lines',
			},
			{ name: 'Get Many', value: 'getAll', description: "List a report's stored files", action: 'Get many stored reports' },
			{ name: 'Wait Until Ready', value: 'waitUntilReady', description: 'Wait until every file of a report is generated', action: 'Wait until stored reports are ready' },
		],
		default: 'download',
	},
	...download.description,
	...getAll.description,
	...getBillingLines.description,
	...waitUntilReady.description,
];
