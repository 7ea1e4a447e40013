// When a report can change, in UTC: the only calendar the API uses.

export const hourMs = 60 * 60 * 1000;
export const dayMs = 24 * hourMs;

/**
 * How long after a generation was due its files are still watched for. Monthly reports generate at 00:00 UTC on the
 * 1st in the simulator, while the vendor says usage history may not be ready before 06:00 UTC on a real data
 * center; 36 h covers a late night and a retry the next day without watching a silent report for ever.
 */
export const giveUpAfterMs = 36 * hourMs;

/**
 * A one-time report whose generation date lies this long before the first poll is taken as finished from the report
 * alone (its stored list is not read): it was generated days ago, and one-time reports never generate again.
 */
export const settledAgeMs = 2 * dayMs;

/** 00:00 UTC of the first day of the month `ms` falls in. */
export function monthStart(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** 00:00 UTC of the first day of the month after the one `ms` falls in. */
export function nextMonthStart(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** A `YYYY-MM-DD` date as 00:00 UTC of that day; null when it is not one. */
export function dateMs(date: string | undefined): number | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms;
}
