/**
 * The simulated clock. It runs at real speed from its start time and can be moved forward (or set) by tests,
 * so that night-time rules, token expiry, generation delays and monthly schedules can be exercised instantly.
 */
export class SimulatedClock {
  private offsetMs: number;

  constructor(startAt?: Date | number | string) {
    this.offsetMs = startAt === undefined ? 0 : new Date(startAt).getTime() - Date.now();
    if (Number.isNaN(this.offsetMs)) throw new Error(`Invalid simulator start time: ${String(startAt)}`);
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error('The simulated clock only moves forward.');
    this.offsetMs += ms;
  }

  set(at: Date | number | string): void {
    const target = new Date(at).getTime();
    if (Number.isNaN(target)) throw new Error(`Invalid time: ${String(at)}`);
    this.offsetMs = target - Date.now();
  }
}

export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** `2019-08-08T07:36:57+00:00`, the vendor's style, or `2017-01-01T12:07:53` without an offset. */
export function vendorTimestamp(ms: number, withOffset = true): string {
  const base = new Date(ms).toISOString().slice(0, 19);
  return withOffset ? `${base}+00:00` : base;
}

/** Midnight UTC of the first day of the month after the one `ms` falls in. */
export function startOfNextMonth(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** The calendar month before the one `ms` falls in, as inclusive dates. */
export function previousMonth(ms: number): { start: string; end: string } {
  const date = new Date(ms);
  const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1);
  const end = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 0);
  return { start: isoDate(start), end: isoDate(end) };
}
