import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as report from './actions/report';
import { router } from './actions/router';
import * as storedReport from './actions/storedReport';
import { searchReports } from '../shared/listSearch';

export class AcronisReports implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Acronis Reports',
		name: 'acronisReports',
		icon: { light: 'file:acronis.svg', dark: 'file:acronis.dark.svg' },
		group: ['transform'],
		version: 1,
		// Each operation's action in words (a test keeps it in step with the operation lists); a literal, as n8n's lint wants.
		subtitle: '={{ {"report:create":"Create report","report:createBilling":"Create billing report","report:delete":"Delete report","report:get":"Get report","report:getAll":"Get many reports","report:update":"Update report","storedReport:download":"Download stored report","storedReport:getAll":"Get many stored reports","storedReport:getBillingLines":"Get billing lines","storedReport:waitUntilReady":"Wait until stored reports are ready"}[$parameter["resource"] + ":" + $parameter["operation"]] }}',
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
