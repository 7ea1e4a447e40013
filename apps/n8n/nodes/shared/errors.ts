import { AcronisReportsError, ApiError, AuthenticationError, ValidationError } from '@acronis-reports/core/web';
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { inN8nWords } from './n8n-words';

/**
 * The n8n error for anything an operation threw, tied to the item: API answers become NodeApiError with the
 * vendor's code, domain and message; bad input and failed waits become NodeOperationError. Core's summary is the
 * message and its hint (what to do) the description. Core's messages never carry a token or a secret.
 */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof ApiError) {
		const vendor = error.vendor;
		const response: JsonObject = {
			message: error.message,
			httpCode: String(error.status),
			code: error.code,
			...(vendor.code !== undefined ? { vendorCode: vendor.code } : {}),
			...(vendor.domain !== undefined ? { vendorDomain: vendor.domain } : {}),
			...(vendor.message !== undefined ? { vendorMessage: vendor.message } : {}),
		};
		// The message already quotes the vendor's message: the description gives the advice instead of repeating it.
		const vendorUnsaid = vendor.message && !error.summary.includes(vendor.message) ? `The data center said: ${vendor.message}` : undefined;
		const description = [error.hint, vendorUnsaid].filter(Boolean).join('\n');
		return new NodeApiError(node, response, {
			itemIndex,
			message: inN8nWords(error.summary),
			description: inN8nWords(description) || undefined,
			httpCode: String(error.status),
		});
	}
	if (error instanceof AuthenticationError) {
		return new NodeApiError(node, { message: inN8nWords(error.message), code: error.code, reason: error.reason } as JsonObject, {
			itemIndex,
			message: inN8nWords(error.summary),
			description: inN8nWords(error.hint),
			httpCode: error.status !== undefined ? String(error.status) : undefined,
		});
	}
	if (error instanceof ValidationError) {
		return new NodeOperationError(node, inN8nWords(error.message), { itemIndex, description: inN8nWords(error.issues.map((issue) => `${issue.field} ${issue.message}`).join('\n')) });
	}
	if (error instanceof AcronisReportsError) {
		return new NodeOperationError(node, inN8nWords(error.summary), { itemIndex, description: inN8nWords(error.hint) });
	}
	if (error instanceof Error) {
		return new NodeOperationError(node, error, { itemIndex });
	}
	return new NodeOperationError(node, String(error), { itemIndex });
}
