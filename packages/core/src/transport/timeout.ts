import { TimeoutError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import { Deadlines } from './deadlines.js';
import type { Send } from './fetch-like.js';

/**
 * Gives each attempt `timeoutMs` to deliver its response headers. The body is not timed (a large download may
 * take minutes); the caller's own signal still cancels it.
 *
 * An attempt that runs out of time is given up, not aborted: handing fetch a signal of our own for every request
 * costs Node's fetch about 25 us per call (measured on loopback: 1.12 against 1.05 times a bare fetch), more than
 * the rest of core together. The abandoned connection is left to the server or to the runtime's own limits (Node
 * closes it after 300 s without headers), and a body that arrives late is cancelled unread. The caller's signal
 * is passed to fetch as it is and aborts for real.
 */
export function withTimeout(next: Send, runtime: Runtime, timeoutMs: number): Send {
  if (!(timeoutMs > 0)) return next;
  const deadlines = new Deadlines(runtime);
  return (request) =>
    new Promise((resolve, reject) => {
      const attempt = next(request);
      const settled = deadlines.add(timeoutMs, () => {
        attempt.then((late) => late.body?.cancel(), () => undefined).catch(() => undefined);
        reject(
          new TimeoutError(
            `${request.method} ${new URL(request.url).pathname} got no answer within ${timeoutMs} ms.`,
            'The data center is slow or unreachable; try again later or allow a longer timeout.',
          ),
        );
      });
      attempt.then(
        (response) => (settled(), resolve(response)),
        (error: unknown) => (settled(), reject(error)),
      );
    });
}
