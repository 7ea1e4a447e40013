// The usage model: a closed-form function of (seed, tenant, item, day), so any day can be asked for in O(1)
// and every report of the same tree agrees on the numbers.
//
// Properties consumers (and hide_zero_usage) rely on:
// - usage is 0 before an item's first day of use, and never 0 again afterwards unless its tenant left (some items
//   are never used);
// - `stock` items (bytes, seats, machines) drift with daily noise, up to their quota (storage: 5% over it);
// - `counter` items (DR compute seconds, notarizations) only grow: their delta is what was consumed;
// - an item in trial reports all usage as trial until its conversion day, then as production;
// - a partner's usage of an item is the sum over the customers below it.

import type { OfferingItem, Tenant, Usage } from './types.js';
import { CATALOG_BY_NAME } from './catalog.js';
import { toDay } from './dates.js';
import { Profile, fillProfile } from './profile.js';
import { noise } from './random.js';
import { aggregateKey } from './tenants.js';

const MIB = 1024 ** 2;
/** How much a growing customer's stock items step up (see TenantTreeOptions.changesMonth). */
const GROWTH = 1.5;

// A bounded strong cache rather than a WeakMap: size-padded files create items by the hundred thousand, and
// WeakMap insertion is slow. Each entry is keyed by the item object and checked against tenant and seed.
const PROFILE_CACHE_LIMIT = 4096;
let profiles = new Map<OfferingItem, { tenantId: string; seed: number; profile: Profile }>();

function profileOf(tenant: Tenant, item: OfferingItem, seed: number): Profile {
  const cached = profiles.get(item);
  if (cached && cached.seed === seed && cached.tenantId === tenant.id) return cached.profile;
  const profile = fillProfile(new Profile(), tenant, item, seed);
  if (profiles.size >= PROFILE_CACHE_LIMIT) profiles = new Map();
  profiles.set(item, { tenantId: tenant.id, seed, profile });
  return profile;
}

/** Total usage of one customer item at the end of `day`, before the trial/production split. */
export function totalAt(p: Profile, day: number): number {
  if (p.zero || day < p.start || day >= p.end) return 0;
  const age = day - p.start;
  const n = noise(p.noiseSeed, day);
  if (p.counter) {
    // Grows by at least 10% of the daily rate each day, so the counter never goes backwards.
    const value = p.base * (age + 1) + 0.9 * p.base * n;
    return p.unit === 'seconds' ? Math.max(60, Math.round(value / 60) * 60) : Math.max(1, Math.round(value));
  }
  const trend = (p.base + p.slope * age) * (day >= p.growth ? GROWTH : 1);
  return p.unit === 'bytes' ? bytesTotal(bytesLevel(trend, n), p.cap) : countTotal(countLevel(trend, n, p.wobble), p.cap);
}

// A stock item's total on a day is its level (trend and noise) rounded and clamped: storage within +-1% of the
// trend and at least 1 MiB, counts within +-wobble and at least 1; neither above the cap.
const bytesLevel = (trend: number, n: number): number => trend * (1 + 0.02 * (n - 0.5));
const countLevel = (trend: number, n: number, wobble: number): number => trend + (n - 0.5) * 2 * wobble;
const bytesTotal = (level: number, cap: number): number => Math.min(cap, Math.max(MIB, Math.round(level)));
const countTotal = (level: number, cap: number): number => Math.min(cap, Math.max(1, Math.round(level)));

/**
 * The day of `first..last` with the highest total of a stock item: `last` unless an earlier day is strictly
 * higher, else the first of the highest earlier days. The hot loop of padded summaries: as rounding and clamping
 * never reorder levels, a day whose level is not above the best level seen cannot beat it and is not rounded
 * (branches on rounding, one per day, cost more than the rest of the loop). Days before the item's first day of
 * use are 0 and cannot be higher.
 */
export function stockPeakDay(p: Profile, first: number, lastDay: number): number {
  if (p.zero || lastDay < p.start) return lastDay;
  // After a tenant left its usage is 0: the peak is the last day of use, or an earlier one.
  const last = Math.min(lastDay, p.end - 1);
  const { start, base, slope, noiseSeed, wobble, cap, growth } = p;
  const grown = (day: number): number => (day >= growth ? GROWTH : 1);
  const from = Math.max(first, start);
  if (last < from) return lastDay;
  if (p.unit === 'bytes') {
    let best = last;
    let top = bytesLevel((base + slope * (last - start)) * grown(last), noise(noiseSeed, last));
    let max = bytesTotal(top, cap);
    for (let day = from; day < last; day++) {
      const level = bytesLevel((base + slope * (day - start)) * grown(day), noise(noiseSeed, day));
      if (level < top) continue;
      top = level;
      const total = bytesTotal(level, cap);
      if (total > max) {
        max = total;
        best = day;
      }
    }
    return best;
  }
  let best = last;
  let top = countLevel((base + slope * (last - start)) * grown(last), noise(noiseSeed, last), wobble);
  let max = countTotal(top, cap);
  for (let day = from; day < last; day++) {
    const level = countLevel((base + slope * (day - start)) * grown(day), noise(noiseSeed, day), wobble);
    if (level < top) continue;
    top = level;
    const total = countTotal(level, cap);
    if (total > max) {
      max = total;
      best = day;
    }
  }
  return best;
}

/**
 * Usage of one customer item at the end of `day`, split into production and trial, written into `u`: stock
 * items report everything as trial until the trial ends; counters keep what was consumed during the trial as
 * trial, and count everything after conversion as production.
 */
export function splitUsage(u: Usage, p: Profile, day: number): Usage {
  const total = totalAt(p, day);
  let trial = 0;
  if (!p.counter) trial = day < p.trialEnd ? total : 0;
  else if (total !== 0 && p.trialEnd > p.start) trial = day < p.trialEnd ? total : totalAt(p, p.trialEnd - 1);
  u.production = total - trial;
  u.trial = trial;
  u.total = total;
  return u;
}

const contributorCache = new WeakMap<Tenant, Map<string, { tenant: Tenant; item: OfferingItem }[]>>();

/** The customer items below `tenant` that add up to its `item`. */
function contributors(tenant: Tenant, item: OfferingItem): { tenant: Tenant; item: OfferingItem }[] {
  let byKey = contributorCache.get(tenant);
  if (!byKey) {
    byKey = new Map();
    contributorCache.set(tenant, byKey);
  }
  const key = aggregateKey(item);
  let list = byKey.get(key);
  if (!list) {
    list = [];
    const walk = (t: Tenant): void => {
      for (const child of t.children) {
        if (child.kind === 'customer') {
          for (const own of child.offeringItems) if (aggregateKey(own) === key) list!.push({ tenant: child, item: own });
        } else {
          walk(child);
        }
      }
    };
    walk(tenant);
    byKey.set(key, list);
  }
  return list;
}

/** Usage at 23:59:59 UTC of epoch day `day`. */
export function usageOnDay(tenant: Tenant, item: OfferingItem, day: number, seed: number): Usage {
  if (tenant.kind === 'customer') {
    return splitUsage({ production: 0, trial: 0, total: 0 }, profileOf(tenant, item, seed), day);
  }
  let production = 0;
  let trial = 0;
  for (const source of contributors(tenant, item)) {
    const u = usageOnDay(source.tenant, source.item, day, seed);
    production += u.production;
    trial += u.trial;
  }
  return { production, trial, total: production + trial };
}

/**
 * Usage of `item` at 23:59:59 UTC of `date` (YYYY-MM-DD): bytes for storage, a count for seats and workloads,
 * seconds for DR compute points. `total = production + trial`.
 */
export function usageOn(tenant: Tenant, item: OfferingItem, date: string, seed: number): Usage {
  return usageOnDay(tenant, item, toDay(date), seed);
}

export function isCounter(item: OfferingItem): boolean {
  return CATALOG_BY_NAME.get(item.name)?.shape === 'counter';
}

/** True when the item shows no usage on any day of `first..last` (usage, once started, never drops to 0). */
export function isZeroOverPeriod(tenant: Tenant, item: OfferingItem, seed: number, first: number, last: number): boolean {
  return usageOnDay(tenant, item, last, seed).total === 0 && usageOnDay(tenant, item, first, seed).total === 0;
}
