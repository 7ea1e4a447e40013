// Usage over a span of days, as summary and current reports print it: the end value, the change over the span,
// and what a partner bills for it.

import type { OfferingItem, Tenant, Usage } from './types.js';
import { Profile, fillProfile, isCounter, profileUsage, stockPeakDay, usageOnDay } from './usage.js';

export interface SpanUsage {
  absolute: Usage;
  delta: Usage;
  effective: Usage;
}

const minus = (a: Usage, b: Usage): Usage => ({
  production: a.production - b.production,
  trial: a.trial - b.trial,
  total: a.total - b.total,
});

/** Reused for every customer item of a summary: a span needs its profile only while it is computed. */
const scratch = new Profile();

/**
 * Usage over the days `first..last`: `absolute` at the end of `last`; `delta` = absolute minus the value at
 * the end of `before`; `effective` = what a partner bills for the span: the peak day for stock items (the
 * production/trial split of that day), the consumption (= delta) for counters.
 */
export function spanUsage(tenant: Tenant, item: OfferingItem, seed: number, before: number, first: number, last: number): SpanUsage {
  if (tenant.kind === 'customer') return customerSpan(fillProfile(scratch, tenant, item, seed), before, first, last);
  const absolute = usageOnDay(tenant, item, last, seed);
  const delta = minus(absolute, usageOnDay(tenant, item, before, seed));
  if (isCounter(item)) return { absolute, delta, effective: delta };
  const peak = peakDay(tenant, item, seed, first, last);
  return { absolute, delta, effective: peak === last ? absolute : usageOnDay(tenant, item, peak, seed) };
}

/** The hot path of size-padded summaries: one profile, plain numbers, no lookups per day. */
function customerSpan(p: Profile, before: number, first: number, last: number): SpanUsage {
  const absolute = profileUsage(p, last);
  const delta = minus(absolute, profileUsage(p, before));
  if (p.counter) return { absolute, delta, effective: delta };
  const peak = stockPeakDay(p, first, last);
  return { absolute, delta, effective: peak === last ? absolute : profileUsage(p, peak) };
}

/** `stockPeakDay` for a partner, whose totals are sums over the customers below it. */
function peakDay(tenant: Tenant, item: OfferingItem, seed: number, first: number, last: number): number {
  let best = last;
  let max = usageOnDay(tenant, item, last, seed).total;
  for (let day = first; day < last; day++) {
    const total = usageOnDay(tenant, item, day, seed).total;
    if (total > max) {
      max = total;
      best = day;
    }
  }
  return best;
}
