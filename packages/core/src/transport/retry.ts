import type { Middleware } from 'openapi-fetch';
import { NetworkError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import type { Attempt } from './attempt.js';
import { operationOf } from './operation-names.js';

export interface RetryPolicy {
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** Total time all attempts and waits of one call may take before giving up (default 30 s). */
  budgetMs?: number;
  /** First backoff delay (default 500 ms); doubles each retry, with full jitter. */
  baseDelayMs?: number;
  /** Longest backoff delay (default 8 s). */
  maxDelayMs?: number;
}

export type FullRetryPolicy = Required<RetryPolicy>;

export const defaultRetryPolicy: FullRetryPolicy = { maxRetries: 3, budgetMs: 30_000, baseDelayMs: 500, maxDelayMs: 8_000 };

const transientStatuses = new Set([429, 500, 502, 503, 504]);

/**
 * What may be sent again. Safe requests (GET, PUT, DELETE, the token exchange) on 429, 500, 502, 503, 504 and on
 * a connection that failed, dropped or timed out. A create (`POST /reports`) only on 429: the data center refused
 * it unprocessed. Other create failures are settled by the create's own recovery, which looks for the report first.
 */
function retries(request: Request, outcome: { status: number } | { error: unknown }): boolean {
  // the route is looked up only for a failure: most answers are successes, and this runs on every one
  const isCreate = () => operationOf(request.method, request.url) === 'createReport';
  if ('status' in outcome) return transientStatuses.has(outcome.status) && (outcome.status === 429 || !isCreate());
  return outcome.error instanceof NetworkError && !request.signal.aborted && !isCreate();
}

/** `Retry-After` as milliseconds: delta seconds or an HTTP date. */
export function retryAfterMs(response: Response, now: number): number | null {
  const header = response.headers.get('retry-after');
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The pause before retry number `retry` (0 first): exponential with full jitter, or what the server asked. */
export function backoffMs(policy: FullRetryPolicy, runtime: Runtime, retry: number, response?: Response): number {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry) * runtime.random();
  return (response && retryAfterMs(response, runtime.now())) ?? backoff;
}

/** A DELETE retried after a lost answer, answered 404: what was asked is done. */
function deletedMeanwhile(response: Response): Response {
  void response.body?.cancel().catch(() => undefined);
  return new Response(null, { status: 204, statusText: 'No Content (deleted by an earlier attempt)' });
}

/**
 * Retries with exponential backoff and full jitter (honouring Retry-After) while the call's budget lasts; every
 * retry is a new attempt with its own deadline. After the last one, the failing answer goes on to be mapped to a
 * typed error, or the last typed network error is thrown.
 */
export function retryMiddleware(attempt: Attempt, runtime: Runtime, policy: FullRetryPolicy): Middleware {
  const startedAt = new WeakMap<Request, number>();
  const final = new WeakSet<Response>();

  async function again(request: Request, first: { response: Response } | { error: unknown }): Promise<Response> {
    const started = startedAt.get(request) ?? runtime.now();
    let response = 'response' in first ? first.response : undefined;
    let failure = 'error' in first ? first.error : undefined;
    // whether an attempt may have done its work without the answer coming back
    let lost = response === undefined || response.status >= 500;
    for (let retry = 0; ; retry += 1) {
      const delay = backoffMs(policy, runtime, retry, response);
      if (retry >= policy.maxRetries || runtime.now() - started + delay > policy.budgetMs) {
        if (response) return (final.add(response), response);
        throw failure;
      }
      await response?.body?.cancel().catch(() => undefined);
      await runtime.sleep(delay, request.signal);
      try {
        response = await attempt(request);
        failure = undefined;
        // the earlier attempt's answer was lost, so a 404 now most likely means that attempt deleted it
        if (lost && request.method === 'DELETE' && response.status === 404) response = deletedMeanwhile(response);
        lost ||= response.status >= 500;
        if (!retries(request, { status: response.status })) return (final.add(response), response);
      } catch (error) {
        if (!retries(request, { error })) throw error;
        response = undefined;
        failure = error;
        lost = true;
      }
    }
  }

  return {
    onRequest({ request }) {
      startedAt.set(request, runtime.now());
    },
    async onResponse({ request, response }) {
      if (policy.maxRetries <= 0 || final.has(response) || !retries(request, { status: response.status })) return undefined;
      return again(request, { response });
    },
    async onError({ request, error }) {
      if (policy.maxRetries <= 0 || !retries(request, { error })) return undefined;
      try {
        return await again(request, { error });
      } catch (failure) {
        return failure instanceof Error ? failure : undefined;
      }
    },
  };
}
