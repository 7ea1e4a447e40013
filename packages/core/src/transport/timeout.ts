import { TimeoutError } from '../errors.js';
import { anySignal, type Runtime } from '../runtime.js';
import type { FetchLike } from './fetch-like.js';

/**
 * Gives each attempt `timeoutMs` to deliver its response headers. The body is not timed (a large download may
 * take minutes); the caller's own signal still cancels it.
 */
export function withTimeout(next: FetchLike, runtime: Runtime, timeoutMs: number): FetchLike {
  if (!(timeoutMs > 0)) return next;
  return async (request) => {
    const expiry = new AbortController();
    const timer = new AbortController();
    const linked = anySignal([request.signal, expiry.signal]);
    const url = new URL(request.url);
    runtime.sleep(timeoutMs, timer.signal).then(
      () => expiry.abort(new TimeoutError(`${request.method} ${url.pathname} got no answer within ${timeoutMs} ms.`, 'The data center is slow or unreachable; try again later or allow a longer timeout.')),
      () => undefined,
    );
    try {
      return await next(new Request(request, { signal: linked.signal }));
    } catch (error) {
      if (expiry.signal.aborted && !request.signal.aborted) throw expiry.signal.reason;
      throw error;
    } finally {
      timer.abort();
    }
  };
}
