import { createReportsClient, type FetchLike, type ReportsClient, type Runtime } from '@acronis-reports/core/web';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

/** Every n8n context the nodes talk to the API from. */
export type ApiContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export const CREDENTIALS_TYPE = 'acronisReportsApi';

interface AcronisCredentials {
	url: string;
	clientId: string;
}

/**
 * Timers for core, from n8n-workflow: community nodes may not touch setTimeout. n8n-workflow's `sleep` takes an
 * AbortSignal from 2.x on; the check after it keeps an abort honoured on n8n versions whose sleep ignores it.
 */
export const n8nRuntime: Runtime = {
	sleep: async (ms, signal) => {
		if (signal?.aborted) throw signal.reason;
		await sleep(ms, signal);
		if (signal?.aborted) throw signal.reason;
	},
	now: () => Date.now(),
	random: () => Math.random(),
};

type FullResponse = { body: unknown; headers: Record<string, unknown>; statusCode: number };

/** Paths whose answer is a file: streamed instead of buffered. */
const isDownload = (url: URL) => /\/reports\/[^/]+\/stored\/[^/]+$/.test(url.pathname);

/**
 * Core's transport on n8n's own request function, so n8n's credential handling (the token from
 * preAuthentication, refreshed once on a 401), proxies and logging apply. Status errors other than 401 come back
 * as answers, so core reads the vendor's error body and retries what is safe to retry; a 401 goes through n8n's
 * refresh-and-retry first.
 */
export function n8nFetch(ctx: ApiContext): FetchLike {
	return fetchOver(
		async (options) => await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIALS_TYPE, { ...options, ignoreHttpStatusErrors: { ignore: true, except: [401] } }),
		// Keeps the cause (with its network error code), so core still tells a dropped connection apart.
		(error) => new NodeApiError(ctx.getNode(), error as JsonObject),
	);
}

/**
 * Core's transport on n8n's plain `httpRequest` (no credential attached): what the credential's token exchange
 * goes through. Every status comes back as an answer for core to read; a failed connection is thrown as n8n threw
 * it, with its system code, which core turns into its network error.
 */
export function plainN8nFetch(helpers: IHttpRequestHelper['helpers']): FetchLike {
	return fetchOver(async (options) => await helpers.httpRequest({ ...options, ignoreHttpStatusErrors: true }), (error) => error);
}

/** A web-standard fetch over one of n8n's request functions (which return the full response). */
function fetchOver(send: (options: IHttpRequestOptions) => Promise<unknown>, thrown: (error: unknown) => unknown): FetchLike {
	return async (request) => {
		const url = new URL(request.url);
		const headers: IDataObject = {};
		request.headers.forEach((value, name) => {
			headers[name] = value;
		});
		const download = isDownload(url);
		const options: IHttpRequestOptions = {
			method: request.method as IHttpRequestMethods,
			url: request.url,
			headers,
			encoding: download ? 'stream' : 'arraybuffer',
			json: false,
			returnFullResponse: true,
			abortSignal: request.signal,
		};
		if (request.body !== null && request.method !== 'GET' && request.method !== 'HEAD') {
			options.body = await request.text();
		}
		let response: FullResponse;
		try {
			response = (await send(options)) as FullResponse;
		} catch (error) {
			const answered = answerOf(error);
			if (answered) return answered;
			throw thrown(error);
		}
		return toResponse(response.statusCode, response.headers, response.body);
	};
}

/** A status error n8n threw (a 401 that survived its token refresh): the answer, for core to map. */
function answerOf(error: unknown): Response | null {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const response = (current as { response?: { status?: unknown; data?: unknown; headers?: Record<string, unknown> } }).response;
		if (response && typeof response.status === 'number') {
			const data = response.data;
			const body = data instanceof Uint8Array || typeof data === 'string' ? data : null;
			return toResponse(response.status, response.headers ?? {}, body);
		}
		current = (current as { cause?: unknown }).cause;
	}
	return null;
}

const dropped = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'set-cookie']);

function toResponse(status: number, rawHeaders: Record<string, unknown>, body: unknown): Response {
	const headers = new Headers();
	for (const [name, value] of Object.entries(rawHeaders ?? {})) {
		if (value === undefined || value === null || dropped.has(name.toLowerCase())) continue;
		headers.set(name, Array.isArray(value) ? value.join(', ') : String(value));
	}
	const noBody = status === 204 || status === 205 || status === 304 || request1xx(status);
	return new Response(noBody ? null : toBodyInit(body), { status, headers });
}

const request1xx = (status: number) => status < 200;

function toBodyInit(body: unknown): BodyInit | null {
	if (body === undefined || body === null) return null;
	if (typeof body === 'string') return body;
	if (body instanceof ArrayBuffer) return body;
	if (body instanceof Uint8Array) return body as Uint8Array<ArrayBuffer>;
	if (isAsyncIterable(body)) return webStream(body);
	return JSON.stringify(body);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array | string> {
	return typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

/** A Node readable (what n8n hands back for `encoding: 'stream'`) as a web stream, pulled chunk by chunk. */
function webStream(source: AsyncIterable<Uint8Array | string>): ReadableStream<Uint8Array> {
	const iterator = source[Symbol.asyncIterator]();
	const encoder = new TextEncoder();
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			const { value, done } = await iterator.next();
			if (done) controller.close();
			else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
		},
		async cancel(reason) {
			await iterator.return?.(reason);
		},
	});
}

/** Where a kept own tenant came from: it is used only with the same data center and API client. */
export interface KeptTenant {
	/** The data center URL and client id it belongs to. */
	of: string;
	tenantId: string;
}

/**
 * A reports client that talks through n8n's credentials and request function. `kept`: the API client's own
 * tenant from an earlier run (a trigger keeps it in its static data), used when it belongs to these credentials.
 */
export async function reportsClient(ctx: ApiContext, kept?: KeptTenant): Promise<ReportsClient & { tenantKey: string }> {
	const credentials = await ctx.getCredentials<AcronisCredentials & IDataObject>(CREDENTIALS_TYPE);
	const baseUrl = String(credentials.url ?? '');
	const clientId = String(credentials.clientId ?? '').trim();
	const tenantKey = `${baseUrl.trim()} ${clientId}`;
	// core normalises the URL itself (scheme, trailing slash, a trailing /api/2)
	const client = createReportsClient(
		{ baseUrl, hostAuthenticates: true, clientId },
		{ runtime: n8nRuntime, fetch: n8nFetch(ctx), ...(kept?.of === tenantKey && kept.tenantId ? { ownTenantId: kept.tenantId } : {}) },
	);
	return Object.assign(client, { tenantKey });
}
