import { TimeoutError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import { Deadlines } from './deadlines.js';
import type { OutgoingRequest, Send } from './fetch-like.js';

/**
 * Gives each attempt `timeoutMs` to deliver its response headers. The body is not timed (a large download may
 * take minutes); the caller's own signal still cancels it.
 *
 * On the global fetch, an attempt that runs out of time is given up, not aborted: handing Node's fetch a signal
 * of our own for every request costs it about 25 us per call (measured on loopback: 1.12 against 1.05 times a
 * bare fetch), more than the rest of core together. The abandoned connection is left to the server or to the
 * runtime's own limits (Node closes it after 300 s without headers), and a body that arrives late is cancelled
 * unread. The caller's signal is passed to fetch as it is and aborts for real. A host's own fetch
 * (`abortOnExpiry`) does get a signal that the deadline aborts: hosts run for a long time and have no such cost.
 */
export function withTimeout(next: Send, runtime: Runtime, timeoutMs: number, { abortOnExpiry = false } = {}): Send {
  if (!(timeoutMs > 0)) return next;
  const deadlines = new Deadlines(runtime);
  return (request) =>
    new Promise((resolve, reject) => {
      const expiry = abortOnExpiry ? new AbortController() : undefined;
      const attempt = next(expiry ? { ...request, signal: withDeadline(request.signal, expiry.signal) } : request);
      const settled = deadlines.add(timeoutMs, () => {
        const timedOut = new TimeoutError(
          `${request.method} ${new URL(request.url).pathname} got no answer within ${timeoutMs} ms.`,
          'The data center is slow or unreachable; try again later or allow a longer timeout.',
        );
        expiry?.abort(timedOut);
        attempt.then((late) => late.body?.cancel(), () => undefined).catch(() => undefined);
        reject(timedOut);
      });
      attempt.then(
        (response) => (settled(), resolve(response)),
        (error: unknown) => (settled(), reject(error)),
      );
    });
}

/** The caller's signal joined with the deadline's, where the runtime can join them; else the deadline's alone. */
function withDeadline(callerSignal: OutgoingRequest['signal'], deadline: AbortSignal): AbortSignal {
  if (!callerSignal) return deadline;
  return typeof AbortSignal.any === 'function' ? AbortSignal.any([callerSignal, deadline]) : callerSignal;
}
