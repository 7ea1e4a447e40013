import { createReportsClient, type ReportsClient, type Runtime } from '@acronis-reports/core/web';
import type {
	IDataObject,
	IExecuteFunctions,
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
export function n8nFetch(ctx: ApiContext): (request: Request) => Promise<Response> {
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
			ignoreHttpStatusErrors: { ignore: true, except: [401] },
			abortSignal: request.signal,
		};
		if (request.body !== null && request.method !== 'GET' && request.method !== 'HEAD') {
			options.body = await request.text();
		}
		let response: FullResponse;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIALS_TYPE, options)) as FullResponse;
		} catch (error) {
			const answered = answerOf(error);
			if (answered) return answered;
			// Keeps the cause (with its network error code), so core still tells a dropped connection apart.
			throw new NodeApiError(ctx.getNode(), error as JsonObject);
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
	if (isAsyncIterable(body)) {
		learnReadable(body);
		return webStream(body);
	}
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

/** A reports client that talks through n8n's credentials and request function. */
export async function reportsClient(ctx: ApiContext): Promise<ReportsClient> {
	const credentials = await ctx.getCredentials<AcronisCredentials & IDataObject>(CREDENTIALS_TYPE);
	// core normalises the URL itself (scheme, trailing slash, a trailing /api/2)
	return createReportsClient(
		{ baseUrl: String(credentials.url ?? ''), hostAuthenticates: true, clientId: String(credentials.clientId ?? '').trim() },
		{ runtime: n8nRuntime, fetch: n8nFetch(ctx) },
	);
}

type ReadableClass = { fromWeb?: (stream: ReadableStream<Uint8Array>) => unknown; from: (iterable: AsyncIterable<Uint8Array>) => unknown };

/**
 * Node's stream.Readable, learned from the stream n8n hands back for a download: community nodes may import no
 * Node module, yet n8n's binary data store wants a Node readable to stream a file to disk without buffering it.
 */
let readableClass: ReadableClass | undefined;

function learnReadable(body: unknown): void {
	if (readableClass) return;
	for (let proto = Object.getPrototypeOf(body); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
		const ctor = (proto as { constructor?: ReadableClass }).constructor;
		if (ctor && typeof ctor.from === 'function' && typeof ctor.fromWeb === 'function') {
			readableClass = ctor;
			return;
		}
	}
}

/** A Node readable over a web stream, or null when none is known yet (the caller buffers then). */
export function nodeReadableFrom(stream: ReadableStream<Uint8Array>): unknown {
	if (!readableClass) return null;
	return readableClass.fromWeb ? readableClass.fromWeb(stream) : readableClass.from(stream as unknown as AsyncIterable<Uint8Array>);
}
