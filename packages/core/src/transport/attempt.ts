import { NetworkError, TimeoutError } from '../errors.js';
import { startTimer, type Runtime } from '../runtime.js';
import type { Secrets } from '../secrets.js';
import { connectionCode, isConnectionFailure, type FetchLike } from './fetch-like.js';
import { operationOf, subjectOf } from './operation-names.js';
import { followingController } from './following-controller.js';
import { readWhole } from './read-whole.js';
import type { RequestEvent } from './trail.js';

/** One HTTP exchange: what openapi-fetch calls as its `fetch`, and what the retry and auth layers send again. */
export type Attempt = (request: Request) => Promise<Response>;

export interface AttemptOptions {
  runtime: Runtime;
  /** The host's transport; default: the global fetch. */
  fetch?: FetchLike | undefined;
  /** Time the attempt may take to deliver its headers, and its whole body when that is JSON (0: no limit). */
  timeoutMs: number;
  baseUrl: string;
  secrets: Secrets;
  onRequest?: ((event: RequestEvent) => void) | undefined;
}

/** Answers read to their end inside the attempt: JSON and error bodies are small, a file is not. */
const readsWhole = (response: Response) => response.body !== null && (!response.ok || (response.headers.get('content-type') ?? '').includes('json'));

/**
 * Sends a request once, with its own AbortSignal: the caller's signal (the request's) joined with this attempt's
 * deadline, so that a timeout aborts the request and frees its connection. The request itself is never consumed,
 * so the layers above may send it again. JSON and error bodies are read to their end here, under the deadline,
 * so a connection dropped mid-body is a failure of this attempt. Failures come out typed: `TimeoutError`,
 * `NetworkError` for a connection that failed or dropped; the caller's abort and anything else (a host's own
 * error, a bug) pass through as they are.
 */
export function attempts(options: AttemptOptions): Attempt {
  const { runtime, timeoutMs, secrets } = options;
  const hostFetch = options.fetch;
  // the global fetch takes the signal beside the request (it builds its own Request from both); a host's fetch
  // takes one Request, so it gets a new one that carries the signal
  const send = hostFetch
    ? (request: Request, signal: AbortSignal) => hostFetch(new Request(request, { signal }))
    : (request: Request, signal: AbortSignal) => fetch(request, { signal });
  return async (request) => {
    const started = runtime.now();
    // the attempt's own controller: its deadline aborts it, and so does the caller's signal (the request's, which
    // fetch's Request follows)
    const controller = followingController(request.signal);
    const stopTimer = timeoutMs > 0 ? startTimer(runtime, timeoutMs, () => controller.abort(timeoutOf(request, timeoutMs))) : noTimer;
    // a request with a body is sent as a copy: the original stays unread, for the layers that send it again
    const outgoing = request.body === null ? request : request.clone();
    let headersArrived = false;
    try {
      let response = await send(outgoing, controller.signal);
      headersArrived = true;
      if (readsWhole(response)) response = await readWhole(response);
      options.onRequest?.({ ...eventOf(request, secrets), status: response.status, durationMs: runtime.now() - started });
      return response;
    } catch (error) {
      const failure = request.signal.aborted ? (request.signal.reason ?? error) : controller.signal.aborted ? controller.signal.reason : typed(error);
      options.onRequest?.({ ...eventOf(request, secrets), status: null, durationMs: runtime.now() - started, error: secrets.text(String((failure as Error)?.message ?? failure)) });
      throw failure;
    } finally {
      stopTimer();
    }

    function typed(error: unknown): unknown {
      if (!isConnectionFailure(error)) return error;
      const operation = operationOf(request.method, request.url);
      const code = connectionCode(error);
      const message = headersArrived
        ? `${subjectOf(operation)} failed: the connection to ${options.baseUrl} dropped before the whole answer arrived (${code}).`
        : `${subjectOf(operation)} failed: could not reach ${options.baseUrl} (${code}).`;
      return new NetworkError({ operation, message, hint: 'Check the data center URL and the network, then try again.', cause: secrets.error(error) });
    }
  };
}

const noTimer = () => undefined;

function timeoutOf(request: Request, timeoutMs: number): TimeoutError {
  const operation = operationOf(request.method, request.url);
  return new TimeoutError({
    operation,
    message: `${subjectOf(operation)} failed: ${request.method} ${new URL(request.url).pathname} got no answer within ${timeoutMs} ms; the attempt was aborted.`,
    hint: 'The data center is slow or unreachable; try again later or allow a longer timeout.',
  });
}

function eventOf(request: Request, secrets: Secrets): Pick<RequestEvent, 'method' | 'path'> {
  const url = new URL(request.url);
  return { method: request.method, path: secrets.text(url.pathname + url.search) };
}
