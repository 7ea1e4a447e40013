import type { ReportsClient } from '@acronis-reports/core/web';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { toNodeError } from '../../shared/errors';
import { reportsClient } from '../../shared/transport';
import * as report from './report';
import * as storedReport from './storedReport';

type Operation = { execute: (this: IExecuteFunctions, client: ReportsClient, itemIndex: number) => Promise<INodeExecutionData[]> };

const resources: Record<string, Record<string, Operation>> = {
	report: { create: report.create, createBilling: report.createBilling, delete: report.delete, get: report.get, getAll: report.getAll, update: report.update },
	storedReport: { download: storedReport.download, getAll: storedReport.getAll, getBillingLines: storedReport.getBillingLines, waitUntilReady: storedReport.waitUntilReady },
};

/** Runs the chosen operation once per input item; every output item is paired with its input item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	const client = await reportsClient(this);
	for (let i = 0; i < items.length; i++) {
		try {
			const resource = this.getNodeParameter('resource', i) as string;
			const operation = this.getNodeParameter('operation', i) as string;
			const handler = resources[resource]?.[operation];
			if (!handler) throw new NodeOperationError(this.getNode(), `The operation "${operation}" on "${resource}" is not supported`, { itemIndex: i });
			const results = await handler.execute.call(this, client, i);
			for (const result of results) returnData.push({ ...result, pairedItem: { item: i } });
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, i);
			if (this.continueOnFail()) {
				returnData.push({ json: { error: nodeError.message, ...(nodeError.description ? { description: nodeError.description } : {}) }, pairedItem: { item: i } });
				continue;
			}
			throw nodeError;
		}
	}
	return [returnData];
}
