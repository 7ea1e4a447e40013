// What the usage model draws for one customer item: when its use began, whether it went through a trial, its
// level, drift and noise, and the cap its quota sets. Drawn from (seed, tenant, item) alone, so every report
// of the same tree agrees; cheap to draw, as padded files draw one for every item of every synthetic customer.

import type { OfferingItem, Tenant } from './types.js';
import { CATALOG_BY_NAME } from './catalog.js';
import type { CatalogItem } from './catalog.js';
import { toDay } from './dates.js';
import { HASH_START, fmix32, hashStep, noise } from './random.js';

/**
 * A class with fields of fixed types: the summary path refills one instance per item rather than allocating,
 * and V8 then updates the number fields in place.
 */
export class Profile {
  /** Never used: usage stays 0. */
  zero = false;
  /** First day of use. */
  start = 0;
  /** First day of production use; equals `start` when the item never was in trial. */
  trialEnd = 0;
  counter = false;
  unit: OfferingItem['measurementUnit'] = 'quantity';
  /** Stock: the level on the first day. Counter: what is added per day. */
  base = 0.5;
  /** Stock: the change of the level per day. */
  slope = 0.5;
  /** Stock counts: how far the daily noise moves them. */
  wobble = 0.5;
  noiseSeed = 0;
  cap = Number.POSITIVE_INFINITY;
  /** The first day without use (the tenant left); infinity while it stays. */
  end = Number.POSITIVE_INFINITY;
  /** Stock items: the first day of the tenant's growth (its level x 1.5); infinity when it never grew. */
  growth = Number.POSITIVE_INFINITY;
}

const FIRST_START = toDay('2018-01-01');
const LAST_START = toDay('2025-09-30');
const FALLBACK: CatalogItem = {
  name: '', title: '', application: 'backup', unit: 'quantity', displayUnit: 'items', infra: false, skuCode: null,
  shape: 'stock', low: 1, high: 10, quotaChance: 0, weight: 0,
};

// hashSeed(seed, tenant.id) of the tenant whose items were asked for last: reports ask item after item.
let lastTenantId = '';
let lastSeed = Number.NaN;
let lastTenantHash = 0;

function tenantHash(tenantId: string, seed: number): number {
  if (tenantId !== lastTenantId || seed !== lastSeed) {
    lastTenantHash = hashStep(hashStep(HASH_START, seed), tenantId);
    lastTenantId = tenantId;
    lastSeed = seed;
  }
  return lastTenantHash;
}

/** What an item's profile needs besides the tenant: the same few dozen keys come back for every customer. */
interface ItemKey {
  /** hashSeed(name, edition, infraId). */
  hash: number;
  entry: CatalogItem;
  /** ln(high / low) of the catalog entry. */
  logRange: number;
}

const ITEM_KEYS_LIMIT = 4096;
let itemKeys = new Map<string, Map<string, Map<string, ItemKey>>>();
let itemKeyCount = 0;

function itemKey(item: OfferingItem): ItemKey {
  let byEdition = itemKeys.get(item.name);
  if (!byEdition) itemKeys.set(item.name, (byEdition = new Map()));
  let byInfra = byEdition.get(item.edition);
  if (!byInfra) byEdition.set(item.edition, (byInfra = new Map()));
  let key = byInfra.get(item.infraId);
  if (key === undefined) {
    const entry = CATALOG_BY_NAME.get(item.name) ?? FALLBACK;
    const hash = hashStep(hashStep(hashStep(HASH_START, item.name), item.edition), item.infraId);
    key = { hash, entry, logRange: Math.log(entry.high / entry.low) };
    if (++itemKeyCount > ITEM_KEYS_LIMIT) {
      itemKeys = new Map();
      itemKeyCount = 0;
    } else {
      byInfra.set(item.infraId, key);
    }
  }
  return key;
}

/**
 * Draws the profile of `tenant`'s `item` into `p` (every field is set) and returns `p`. The draws are
 * counter-based (draw k of the item's hash), so no generator is set up per item.
 */
export function fillProfile(p: Profile, tenant: Tenant, item: OfferingItem, seed: number): Profile {
  const { hash, entry, logRange } = itemKey(item);
  const h = fmix32(tenantHash(tenant.id, seed) ^ hash);
  // Skewed towards earlier years (u^1.5): most customers have been around a while, a few are new.
  const u = noise(h, 0);
  let start = FIRST_START + Math.floor(u * Math.sqrt(u) * (LAST_START - FIRST_START));
  const zero = noise(h, 1) < 0.2;
  const trialRoll = noise(h, 2);
  let trialEnd = start;
  if (trialRoll < 0.2) {
    // 14 to 60 days of trial.
    trialEnd = start + 14 + Math.floor(noise(h, 3) * 47);
  } else if (trialRoll < 0.23) {
    // A recent trial that has not converted (yet).
    start = LAST_START - Math.floor(noise(h, 3) * 91);
    trialEnd = Number.POSITIVE_INFINITY;
  }
  // Log-uniform between the catalog's low and high.
  if (tenant.joinedDay !== undefined && start < tenant.joinedDay) {
    // A customer that joined lately began everything on its first day (a trial keeps its length).
    trialEnd = trialEnd === Number.POSITIVE_INFINITY ? trialEnd : tenant.joinedDay + (trialEnd - start);
    start = tenant.joinedDay;
  }
  const base = entry.low * Math.exp(noise(h, 4) * logRange);
  const counter = entry.shape === 'counter';
  const shrinking = !counter && noise(h, 5) < 0.15;
  const slope = counter ? 0 : base * (shrinking ? -0.0004 * noise(h, 6) : 0.0002 + 0.001 * noise(h, 6));
  p.zero = zero;
  p.start = start;
  p.trialEnd = trialEnd;
  p.counter = counter;
  p.unit = item.measurementUnit;
  p.base = base;
  p.slope = slope;
  p.wobble = Math.max(0.6, base * 0.02);
  p.noiseSeed = fmix32(h ^ 0x2545f491);
  p.end = tenant.leftDay ?? Number.POSITIVE_INFINITY;
  p.growth = tenant.grewDay ?? Number.POSITIVE_INFINITY;
  // Quantity quotas are hard limits; storage may run 5% over its quota before backups are refused.
  p.cap = item.quota === undefined ? Number.POSITIVE_INFINITY : item.measurementUnit === 'bytes' ? Math.round(item.quota * 1.05) : item.quota;
  return p;
}
