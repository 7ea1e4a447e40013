import { TimeoutError } from '../errors.js';
import { anySignal, startTimer, type Runtime } from '../runtime.js';
import type { Send } from './fetch-like.js';

/**
 * Gives each attempt `timeoutMs` to deliver its response headers. The body is not timed (a large download may
 * take minutes); the caller's own signal still cancels it.
 */
export function withTimeout(next: Send, runtime: Runtime, timeoutMs: number): Send {
  if (!(timeoutMs > 0)) return next;
  return async (request) => {
    const expiry = new AbortController();
    const linked = request.signal ? anySignal([request.signal, expiry.signal]).signal : expiry.signal;
    const stopTimer = startTimer(runtime, timeoutMs, () =>
      expiry.abort(
        new TimeoutError(
          `${request.method} ${new URL(request.url).pathname} got no answer within ${timeoutMs} ms.`,
          'The data center is slow or unreachable; try again later or allow a longer timeout.',
        ),
      ),
    );
    try {
      return await next({ ...request, signal: linked });
    } catch (error) {
      if (expiry.signal.aborted && !request.signal?.aborted) throw expiry.signal.reason;
      throw error;
    } finally {
      stopTimer();
    }
  };
}
