import { startTimer, type Runtime } from '../runtime.js';

interface Deadline {
  at: number;
  onExpire: () => void;
}

/**
 * The deadlines of every attempt in flight, watched by one timer. A timer per request (start, then cancel when
 * the answer comes) would cost more than the rest of this layer; this one is armed when there is something to
 * watch and it is not already running, and when it fires it expires what is due and re-arms for the next.
 */
export class Deadlines {
  private readonly pending = new Set<Deadline>();
  private armed = false;

  constructor(private readonly runtime: Runtime) {}

  /** Watches a deadline `ms` from now; returns the function that stops watching it. */
  add(ms: number, onExpire: () => void): () => void {
    const deadline = { at: this.runtime.now() + ms, onExpire };
    this.pending.add(deadline);
    if (!this.armed) this.arm(ms);
    return () => this.pending.delete(deadline);
  }

  private arm(ms: number): void {
    this.armed = true;
    startTimer(this.runtime, ms, () => this.expireDue());
  }

  private expireDue(): void {
    this.armed = false;
    const now = this.runtime.now();
    let nextAt = Infinity;
    for (const deadline of this.pending) {
      if (deadline.at <= now) {
        this.pending.delete(deadline);
        deadline.onExpire();
      } else {
        nextAt = Math.min(nextAt, deadline.at);
      }
    }
    if (nextAt !== Infinity) this.arm(nextAt - now);
  }
}
