/**
 * A controller of its own that the caller's signal also aborts: one controller and one listener instead of
 * `AbortSignal.any`, which costs several times more per request on Node 20. The listener is kept after the work it
 * was made for returns, so that the caller's abort still stops a file that streams on.
 */
export function followingController(caller: AbortSignal | undefined): AbortController {
  const controller = new AbortController();
  if (caller?.aborted) controller.abort(caller.reason);
  else caller?.addEventListener('abort', () => controller.abort(caller.reason), { once: true });
  return controller;
}
