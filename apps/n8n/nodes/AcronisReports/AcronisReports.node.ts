import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as report from './actions/report';
import { router } from './actions/router';
import * as storedReport from './actions/storedReport';
import { searchReports } from './methods/listSearch';

export class AcronisReports implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Acronis Reports',
		name: 'acronisReports',
		icon: { light: 'file:acronis.svg', dark: 'file:acronis.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, wait for and download Acronis Cyber Platform usage and billing reports',
		defaults: { name: 'Acronis Reports' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'acronisReportsApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Report', value: 'report' },
					{ name: 'Stored Report', value: 'storedReport' },
				],
				default: 'report',
			},
			...report.description,
			...storedReport.description,
		],
	};

	methods = { listSearch: { searchReports } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
