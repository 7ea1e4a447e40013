// Core over Zapier's own request function: every API call goes through z.request, so Zapier's logging, auth
// middleware and throttling apply, while core keeps the API logic (validation, retries, waits, error mapping).
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import {
  AcronisReportsError,
  AuthenticationError,
  createReportsClient,
  RateLimitError,
  StoredFileNotReadyError,
  type FetchLike,
  type ReportsClient,
} from '@acronis-reports/core';
import type { Bundle, HttpRequestOptions, ZObject } from 'zapier-platform-core';

/** Retries of safe requests must leave room in Zapier's 30 s step limit. */
export const retryBudgetMs = 10_000;
/** Each attempt's time to deliver headers. */
export const attemptTimeoutMs = 20_000;

/** Whether a URL is the token exchange (/idp/token), which never carries nor refreshes a bearer token. */
export const isTokenRequest = (url: string) => /\/idp\/token\/?(\?|$)/.test(url);

/** The OAuth-style answer core turns into a clear "wrong client id or secret" error. */
const refusedCredentials = () =>
  new Response(JSON.stringify({ error: 'invalid_client', error_description: 'the client id or secret was not accepted' }), {
    status: 401,
    headers: { 'content-type': 'application/json' },
  });

/**
 * A `fetch` for core built on `z.request`. Bodies stream (`raw: true`); statuses are left for core to read
 * (`skipThrowForStatus`), and 429 too, so that core retries within its budget and honours Retry-After.
 * A 401 on an API call becomes Zapier's RefreshAuthError (session auth then runs the token exchange again);
 * a 401 on the token call itself is handed to core, which says that the credentials are wrong.
 */
export function zapierFetch(z: ZObject): FetchLike {
  return async (request) => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const body = hasBody ? await request.text() : '';
    const options = {
      url: request.url,
      method: request.method as HttpRequestOptions['method'],
      headers,
      ...(body ? { body } : {}),
      raw: true as const,
      // Bodies are decoded below, not by node-fetch: its gunzip stalled mid-file on downloads over half a megabyte.
      compress: false,
      skipThrowForStatus: true,
      throwForThrottlingEarly: false,
      timeout: attemptTimeoutMs,
      // z.request hands the signal on to its fetch: a timed-out or cancelled attempt is really stopped.
      ...(request.signal ? { signal: request.signal } : {}),
    };
    let response;
    try {
      response = await z.request(options);
    } catch (error) {
      // Session auth makes Zapier throw an empty RefreshAuthError on any 401, the token call's included.
      if (isTokenRequest(request.url) && (error as Error)?.name === 'RefreshAuthError') return refusedCredentials();
      throw error;
    }
    if (response.status === 401 && !isTokenRequest(request.url)) {
      throw new z.errors.RefreshAuthError('The access token expired or was refused; Zapier will sign in again.');
    }
    const responseHeaders = new Headers();
    response.headers.forEach((value: string, name: string) => {
      // the body is decoded here: the web Response must not claim it is still encoded
      if (name === 'content-encoding' || name === 'content-length') return;
      responseHeaders.append(name, value);
    });
    const noBody = response.status === 204 || response.status === 304 || request.method === 'HEAD';
    const encoding = String(response.headers.get('content-encoding') ?? '').trim().toLowerCase();
    const stream = noBody ? null : decoded(Readable.toWeb(response.body as Readable) as unknown as ReadableStream<Uint8Array>, encoding);
    if (noBody) (response.body as Readable | undefined)?.resume?.();
    return new Response(stream, { status: response.status, headers: responseHeaders });
  };
}

/** A body as sent with `Content-Encoding` gzip or deflate, decoded; any other body as it is. */
function decoded(body: ReadableStream<Uint8Array>, encoding: string): ReadableStream<Uint8Array> {
  const format = encoding === 'gzip' || encoding === 'x-gzip' ? 'gzip' : encoding === 'deflate' ? 'deflate' : null;
  return format ? body.pipeThrough(new DecompressionStream(format) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>) : body;
}

/** Core's transport options over z.request: the retry budget and attempt timeout that fit Zapier's step limit. */
export function clientOptions(z: ZObject) {
  return { fetch: zapierFetch(z), retry: { budgetMs: retryBudgetMs }, timeoutMs: attemptTimeoutMs };
}

/** A core client for this bundle's connection. */
export function reportsClient(z: ZObject, bundle: Bundle): ReportsClient {
  const baseUrl = String(bundle.authData['dataCenterUrl'] ?? '').trim();
  const clientId = String(bundle.authData['clientId'] ?? '').trim();
  // the session looked the API client's own tenant up when it got its token: no GET /clients/{id} per step
  const ownTenantId = String(bundle.authData['tenant_id'] ?? '').trim();
  try {
    return createReportsClient({ baseUrl, hostAuthenticates: true, clientId }, { ...clientOptions(z), ...(ownTenantId ? { ownTenantId } : {}) });
  } catch (error) {
    throw toZapierError(z, error);
  }
}

/** Core's typed errors as Zapier errors: throttling with the server's delay, the rest with core's message. */
export function toZapierError(z: ZObject, error: unknown): Error {
  if (error instanceof RateLimitError) {
    const delaySeconds = error.retryAfterMs === null ? 60 : Math.max(1, Math.ceil(error.retryAfterMs / 1000));
    return new z.errors.ThrottledError(error.message, delaySeconds);
  }
  if (error instanceof AuthenticationError && error.reason === 'token_rejected') {
    return new z.errors.RefreshAuthError(error.message);
  }
  if (error instanceof StoredFileNotReadyError) {
    // core's words, and what to do about it in a Zap
    const advice = 'In a Zap: put a Delay by Zapier step (2 minutes) before this one, or start the Zap with New Stored Report File.';
    return new z.errors.Error(`${error.message} ${advice}`, error.code);
  }
  if (error instanceof AcronisReportsError) {
    const status = (error as { status?: unknown }).status;
    return new z.errors.Error(error.message, error.code, typeof status === 'number' ? status : undefined);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Runs core work and hands Zapier its own kind of error. */
export async function withClient<T>(z: ZObject, bundle: Bundle, work: (client: ReportsClient) => Promise<T>): Promise<T> {
  const client = reportsClient(z, bundle);
  try {
    return await work(client);
  } catch (error) {
    throw toZapierError(z, error);
  }
}

/** Web stream to Node stream, for z.stashFile. */
export function toNodeStream(stream: ReadableStream<Uint8Array>): Readable {
  return Readable.fromWeb(stream as unknown as NodeWebReadableStream<Uint8Array>);
}
