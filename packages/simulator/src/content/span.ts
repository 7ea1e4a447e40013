// Usage over a span of days, as summary and current reports print it: the end value, the change over the span,
// and what a partner bills for it.

import type { OfferingItem, Tenant, Usage } from './types.js';
import { Profile, fillProfile } from './profile.js';
import { isCounter, splitUsage, stockPeakDay, usageOnDay } from './usage.js';

/** A span's usage, computed into Usage objects that are reused from item to item. */
export class SpanUsage {
  readonly absolute: Usage = { production: 0, trial: 0, total: 0 };
  readonly delta: Usage = { production: 0, trial: 0, total: 0 };
  /** The peak day's usage, when that is not the last day. */
  private readonly peak: Usage = { production: 0, trial: 0, total: 0 };
  /** What a partner bills for the span: one of `absolute`, `delta` and the peak day's usage. */
  effective: Usage = this.absolute;

  /**
   * Usage of `tenant`'s `item` over the days `first..last`: `absolute` at the end of `last`; `delta` = absolute
   * minus the value at the end of `before`; `effective` = the peak day for stock items (the production/trial
   * split of that day), the consumption (= delta) for counters.
   */
  compute(tenant: Tenant, item: OfferingItem, seed: number, before: number, first: number, last: number): this {
    if (tenant.kind === 'customer') return this.customer(fillProfile(scratch, tenant, item, seed), before, first, last);
    copy(this.absolute, usageOnDay(tenant, item, last, seed));
    const start = usageOnDay(tenant, item, before, seed);
    set(this.delta, this.absolute.production - start.production, this.absolute.trial - start.trial);
    if (isCounter(item)) {
      this.effective = this.delta;
    } else {
      const peak = peakDay(tenant, item, seed, first, last);
      this.effective = peak === last ? this.absolute : copy(this.peak, usageOnDay(tenant, item, peak, seed));
    }
    return this;
  }

  /** The hot path of size-padded summaries: one profile, plain numbers, nothing allocated. */
  private customer(p: Profile, before: number, first: number, last: number): this {
    splitUsage(this.absolute, p, last);
    const start = splitUsage(this.peak, p, before);
    set(this.delta, this.absolute.production - start.production, this.absolute.trial - start.trial);
    if (p.counter) {
      this.effective = this.delta;
    } else {
      const peak = stockPeakDay(p, first, last);
      this.effective = peak === last ? this.absolute : splitUsage(this.peak, p, peak);
    }
    return this;
  }
}

/** Reused for every customer item of a summary: a span needs its profile only while it is computed. */
const scratch = new Profile();

function set(u: Usage, production: number, trial: number): Usage {
  u.production = production;
  u.trial = trial;
  u.total = production + trial;
  return u;
}

const copy = (u: Usage, from: Usage): Usage => set(u, from.production, from.trial);

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
