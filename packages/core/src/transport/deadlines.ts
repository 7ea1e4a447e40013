import { startTimer, type Runtime } from '../runtime.js';

interface Deadline {
  at: number;
  onExpire: () => void;
}

/** Longest delay a timer takes (Node fires at once beyond it). */
const longestTimerMs = 2 ** 31 - 1;

/**
 * The deadlines of every attempt in flight, watched by one timer. A timer per request (start, then cancel when
 * the answer comes) would cost more than the rest of this layer; this one is armed when there is something to
 * watch and it is not already running, and when it fires it expires what is due and re-arms for the next.
 *
 * Deadlines are kept on the monotonic clock (`performance.now()`), the one timers run on: the runtime's `now()`
 * is wall-clock time, which a host may pin or simulate and which jumps when the system clock is set.
 */
export class Deadlines {
  private readonly pending = new Set<Deadline>();
  private armed = false;

  constructor(private readonly runtime: Runtime) {}

  /** Watches a deadline `ms` from now; returns the function that stops watching it. */
  add(ms: number, onExpire: () => void): () => void {
    const deadline = { at: performance.now() + ms, onExpire };
    this.pending.add(deadline);
    if (!this.armed) this.arm(ms);
    return () => this.pending.delete(deadline);
  }

  private arm(ms: number): void {
    this.armed = true;
    startTimer(
      this.runtime,
      Math.min(Math.max(ms, 1), longestTimerMs),
      () => this.expireDue(),
      () => (this.armed = false), // the next deadline added arms a new one
    );
  }

  private expireDue(): void {
    this.armed = false;
    const now = performance.now();
    let nextAt = Infinity;
    for (const deadline of this.pending) {
      // timers keep whole milliseconds and may fire a fraction early: due within one counts as due now
      if (deadline.at <= now + 1) {
        this.pending.delete(deadline);
        try {
          deadline.onExpire();
        } catch {
          // one failing callback must not keep the others from expiring
        }
      } else {
        nextAt = Math.min(nextAt, deadline.at);
      }
    }
    if (nextAt !== Infinity) this.arm(Math.ceil(nextAt - now));
  }
}
