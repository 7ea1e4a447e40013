// Zapier stops a trigger, create or search 30 s after it started, whatever it is doing. A step that waits must
// budget from its own start, not from the moment its waiting begins.

/** Zapier's limit for one step. */
export const stepLimitMs = 30_000;
/** Kept free at the end of a step: Zapier's own work on the answer, and a clock that is not exact. */
export const stepMarginMs = 4_000;
/** A wait shorter than this is not worth starting: the answer would be "not ready" anyway. */
export const shortestWaitMs = 1_000;

/** Time left in a step that started at `startedAt`, before the margin. */
export function stepTimeLeftMs(startedAt: number, now = Date.now()): number {
  return stepLimitMs - stepMarginMs - (now - startedAt);
}

/**
 * How long a wait may poll after work that took `spentMs`: what the step has left, less one more request as slow
 * as the work just done (a poll started at the end of the wait ends that much later), capped at what the user
 * asked for. Zero when there is no time to wait.
 */
export function waitBudgetMs(startedAt: number, spentMs: number, requestedMs: number, now = Date.now()): number {
  const budget = Math.min(requestedMs, stepTimeLeftMs(startedAt, now) - spentMs);
  return budget >= shortestWaitMs ? Math.floor(budget) : 0;
}
