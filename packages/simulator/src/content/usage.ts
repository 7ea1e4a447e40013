// The usage model: a closed-form function of (seed, tenant, item, day), so any day can be asked for in O(1)
// and every report of the same tree agrees on the numbers.
//
// Properties consumers (and hide_zero_usage) rely on:
// - usage is 0 before an item's first day of use, and never 0 again afterwards (some items are never used);
// - `stock` items (bytes, seats, machines) drift with daily noise, up to their quota (storage: 5% over it);
// - `counter` items (DR compute seconds, notarizations) only grow: their delta is what was consumed;
// - an item in trial reports all usage as trial until its conversion day, then as production;
// - a partner's usage of an item is the sum over the customers below it.

import type { OfferingItem, Tenant, Usage } from './types.js';
import { CATALOG_BY_NAME } from './catalog.js';
import type { CatalogItem } from './catalog.js';
import { toDay } from './dates.js';
import { createRng, hashSeed, noise } from './random.js';
import { aggregateKey } from './tenants.js';

interface Profile {
  zero: boolean;
  start: number;
  /** First day of production use; equals `start` when the item never was in trial. */
  trialEnd: number;
  counter: boolean;
  unit: OfferingItem['measurementUnit'];
  base: number;
  slope: number;
  wobble: number;
  noiseSeed: number;
  cap: number;
}

const FIRST_START = toDay('2018-01-01');
const LAST_START = toDay('2025-09-30');
const MIB = 1024 ** 2;
const FALLBACK: CatalogItem = {
  name: '', title: '', application: 'backup', unit: 'quantity', displayUnit: 'items', infra: false, skuCode: null,
  shape: 'stock', low: 1, high: 10, quotaChance: 0, weight: 0,
};

// A bounded strong cache rather than a WeakMap: size-padded files create items by the hundred thousand, and
// WeakMap insertion is slow. Each entry is keyed by the item object and checked against tenant and seed.
const PROFILE_CACHE_LIMIT = 4096;
let profiles = new Map<OfferingItem, { tenantId: string; seed: number; profile: Profile }>();

function makeProfile(tenant: Tenant, item: OfferingItem, seed: number): Profile {
  const rng = createRng(hashSeed(seed, tenant.id, item.name, item.edition, item.infraId));
  const entry = CATALOG_BY_NAME.get(item.name) ?? FALLBACK;
  // Skewed towards earlier years: most customers have been around a while, a few are new.
  let start = FIRST_START + Math.floor(rng.next() ** 1.6 * (LAST_START - FIRST_START));
  const zero = rng.chance(0.2);
  const trialRoll = rng.next();
  let trialEnd = start;
  if (trialRoll < 0.2) {
    trialEnd = start + rng.int(14, 60);
  } else if (trialRoll < 0.23) {
    // A recent trial that has not converted (yet).
    start = LAST_START - rng.int(0, 90);
    trialEnd = Number.POSITIVE_INFINITY;
  }
  const base = entry.low * (entry.high / entry.low) ** rng.next();
  const counter = entry.shape === 'counter';
  const shrinking = !counter && rng.chance(0.15);
  const slope = counter ? 0 : base * (shrinking ? -rng.float(0, 0.0004) : rng.float(0.0002, 0.0012));
  return {
    zero,
    start,
    trialEnd,
    counter,
    unit: item.measurementUnit,
    base,
    slope,
    wobble: Math.max(0.6, base * 0.02),
    noiseSeed: rng.word(),
    // Quantity quotas are hard limits; storage may run 5% over its quota before backups are refused.
    cap: item.quota === undefined ? Number.POSITIVE_INFINITY : item.measurementUnit === 'bytes' ? Math.round(item.quota * 1.05) : item.quota,
  };
}

function profileOf(tenant: Tenant, item: OfferingItem, seed: number): Profile {
  const cached = profiles.get(item);
  if (cached && cached.seed === seed && cached.tenantId === tenant.id) return cached.profile;
  const profile = makeProfile(tenant, item, seed);
  if (profiles.size >= PROFILE_CACHE_LIMIT) profiles = new Map();
  profiles.set(item, { tenantId: tenant.id, seed, profile });
  return profile;
}

/** Total usage of one customer item at the end of `day`, before the trial/production split. */
function totalAt(p: Profile, day: number): number {
  if (p.zero || day < p.start) return 0;
  const age = day - p.start;
  const n = noise(p.noiseSeed, day);
  if (p.counter) {
    // Grows by at least 10% of the daily rate each day, so the counter never goes backwards.
    const value = p.base * (age + 1) + 0.9 * p.base * n;
    return p.unit === 'seconds' ? Math.max(60, Math.round(value / 60) * 60) : Math.max(1, Math.round(value));
  }
  const trend = p.base + p.slope * age;
  if (p.unit === 'bytes') return Math.min(p.cap, Math.max(MIB, Math.round(trend * (1 + 0.02 * (n - 0.5)))));
  return Math.min(p.cap, Math.max(1, Math.round(trend + (n - 0.5) * 2 * p.wobble)));
}

function stockUsage(p: Profile, day: number): Usage {
  const total = totalAt(p, day);
  return day < p.trialEnd ? { production: 0, trial: total, total } : { production: total, trial: 0, total };
}

function counterUsage(p: Profile, day: number): Usage {
  const total = totalAt(p, day);
  if (total === 0 || p.trialEnd <= p.start) return { production: total, trial: 0, total };
  // What was consumed during the trial stays trial; everything after conversion is production.
  const trial = day < p.trialEnd ? total : totalAt(p, p.trialEnd - 1);
  return { production: total - trial, trial, total };
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
    const p = profileOf(tenant, item, seed);
    return p.counter ? counterUsage(p, day) : stockUsage(p, day);
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

/**
 * Usage over the days `first..last`: `absolute` at the end of `last`; `delta` = absolute minus the value at
 * the end of `before`; `effective` = what a partner bills for the span: the peak day for stock items (the
 * production/trial split of that day), the consumption (= delta) for counters.
 */
export function spanUsage(tenant: Tenant, item: OfferingItem, seed: number, before: number, first: number, last: number): SpanUsage {
  const absolute = usageOnDay(tenant, item, last, seed);
  const delta = minus(absolute, usageOnDay(tenant, item, before, seed));
  if (isCounter(item)) return { absolute, delta, effective: delta };
  const peak = peakDay(tenant, item, seed, first, last);
  return { absolute, delta, effective: peak === last ? absolute : usageOnDay(tenant, item, peak, seed) };
}

/** The day of `first..last` with the highest total (the latest such day on ties). */
function peakDay(tenant: Tenant, item: OfferingItem, seed: number, first: number, last: number): number {
  let best = last;
  if (tenant.kind === 'customer') {
    // Hot path for long summaries: plain numbers, no objects.
    const p = profileOf(tenant, item, seed);
    let max = totalAt(p, last);
    for (let day = first; day < last; day++) {
      const total = totalAt(p, day);
      if (total > max) {
        max = total;
        best = day;
      }
    }
    return best;
  }
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

/** True when the item shows no usage on any day of `first..last` (usage, once started, never drops to 0). */
export function isZeroOverPeriod(tenant: Tenant, item: OfferingItem, seed: number, first: number, last: number): boolean {
  return usageOnDay(tenant, item, last, seed).total === 0 && usageOnDay(tenant, item, first, seed).total === 0;
}
