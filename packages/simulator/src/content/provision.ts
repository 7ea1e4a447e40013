// What a customer is provisioned with: the core backup items and a weighted choice of add-ons, each bound to a
// site of its application, with an edition, an SKU (when the partner sees SKUs) and maybe a quota. Runs once
// per synthetic customer of a padded file, so it keeps to plain loops over precomputed tables.

import type { OfferingItem } from './types.js';
import { APPLICATIONS, CATALOG, CATALOG_ORDER, EDITION_TITLES, skuFor } from './catalog.js';
import type { ApplicationKey, CatalogItem } from './catalog.js';
import type { Rng } from './random.js';

/** A storage or DR site that items are bound to, owned by the partner that runs or resells it. */
export interface Infrastructure {
  id: string;
  backendType: string;
  ownerId: string;
  applications: readonly ApplicationKey[];
}

const NICE_COUNTS = [5, 10, 15, 20, 25, 30, 50, 75, 100, 150, 200, 250, 300, 500];
const NICE_GIB = [100, 250, 500, 1024, 2048, 3072, 5120, 10240];

/** The quotas a partner might set on an item: nice round numbers not below its smallest usage. */
const QUOTA_CHOICES: ReadonlyMap<CatalogItem, readonly number[]> = new Map(
  CATALOG.map((item) => [
    item,
    item.unit === 'bytes' ? NICE_GIB.filter((g) => g * 1024 ** 3 >= item.low) : NICE_COUNTS.filter((n) => n >= item.low),
  ]),
);

function quotaFor(rng: Rng, item: CatalogItem): number | undefined {
  if (item.shape !== 'stock' || !rng.chance(item.quotaChance)) return undefined;
  const choices = QUOTA_CHOICES.get(item)!;
  return item.unit === 'bytes' ? rng.pick(choices) * 1024 ** 3 : rng.pick(choices);
}

/** `count` items drawn without repeats, each with a chance proportional to its weight. */
function pickWeighted(rng: Rng, items: readonly CatalogItem[], count: number): CatalogItem[] {
  const pool = items.slice();
  const chosen: CatalogItem[] = [];
  // Weights are whole numbers, so the running total is exact.
  let total = 0;
  for (const item of pool) total += item.weight;
  while (chosen.length < count && pool.length > 0) {
    let roll = rng.float(0, total);
    let index = pool.length - 1;
    for (let i = 0; i < pool.length; i++) {
      roll -= pool[i]!.weight;
      if (roll < 0) {
        index = i;
        break;
      }
    }
    const item = pool.splice(index, 1)[0]!;
    total -= item.weight;
    chosen.push(item);
  }
  return chosen;
}

const CORE_ITEMS = CATALOG.filter((item) => item.core);
const OPTIONAL_ITEMS = CATALOG.filter((item) => !item.core);
const APPLICATION_LIST = Object.values(APPLICATIONS);

// The sites of each application, per list of sites: synthetic customers are provisioned by the hundred thousand
// on the same few sites.
const sitesCache = new WeakMap<readonly Infrastructure[], Map<ApplicationKey, Infrastructure[]>>();

function sitesFor(infra: readonly Infrastructure[], application: ApplicationKey): Infrastructure[] {
  let byApplication = sitesCache.get(infra);
  if (!byApplication) {
    byApplication = new Map();
    sitesCache.set(infra, byApplication);
  }
  let sites = byApplication.get(application);
  if (!sites) {
    sites = infra.filter((s) => s.applications.includes(application));
    byApplication.set(application, sites);
  }
  return sites;
}

// SKUs per catalog item and edition: a customer's items would otherwise format a dozen of them.
const SKUS: ReadonlyMap<CatalogItem, Readonly<Record<string, string | null>>> = new Map(
  CATALOG.map((entry) => [entry, Object.fromEntries(Object.keys(EDITION_TITLES).map((edition) => [edition, skuFor(entry, edition)]))]),
);

const cachedSku = (entry: CatalogItem, edition: string): string | null => SKUS.get(entry)?.[edition] ?? skuFor(entry, edition);

/** Items for one customer: the core backup items plus a weighted choice of add-ons, 6 to 14 in all. */
export function provision(rng: Rng, infra: readonly Infrastructure[], withSkus: boolean): OfferingItem[] {
  const total = rng.int(6, 14);
  // Some customers keep backups in two places (e.g. the partner's own storage and a hyperscaler).
  const secondStorage = total > CORE_ITEMS.length + 1 && rng.chance(0.35);
  const optional = total - CORE_ITEMS.length - (secondStorage ? 1 : 0);
  const chosen = [...CORE_ITEMS, ...pickWeighted(rng, OPTIONAL_ITEMS, optional)];
  const editions: Partial<Record<ApplicationKey, string>> = {};
  for (const application of APPLICATION_LIST) editions[application.key] = rng.pick(application.editions);

  const items: OfferingItem[] = [];
  const add = (entry: CatalogItem, site: Infrastructure | undefined): void => {
    const edition = editions[entry.application] ?? '';
    const item: OfferingItem = {
      name: entry.name,
      applicationId: APPLICATIONS[entry.application].id,
      edition,
      infraId: site?.id ?? '',
      backendType: site?.backendType ?? '',
      ownerId: site?.ownerId ?? '',
      sku: withSkus ? cachedSku(entry, edition) : null,
      measurementUnit: entry.unit,
    };
    const quota = quotaFor(rng, entry);
    if (quota !== undefined) item.quota = quota;
    items.push(item);
  };
  for (const entry of chosen) {
    const sites = entry.infra ? sitesFor(infra, entry.application) : [];
    const site = sites.length > 0 ? rng.pick(sites) : undefined;
    add(entry, site);
    if (entry.name === 'storage' && secondStorage && sites.length > 1) {
      add(entry, rng.pick(sites.filter((s) => s !== site)));
    }
  }
  return sortItems(items);
}

/** Items in catalog order; the same item on several editions or sites by edition, then site. */
export function compareItems(a: OfferingItem, b: OfferingItem): number {
  const order = (CATALOG_ORDER.get(a.name) ?? 999) - (CATALOG_ORDER.get(b.name) ?? 999);
  if (order !== 0) return order;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.edition !== b.edition) return a.edition < b.edition ? -1 : 1;
  return a.infraId < b.infraId ? -1 : a.infraId > b.infraId ? 1 : 0;
}

/** `items.sort(compareItems)` for a customer's dozen items: a stable insertion sort, catalog order looked up once. */
function sortItems(items: OfferingItem[]): OfferingItem[] {
  const orders = items.map((item) => CATALOG_ORDER.get(item.name) ?? 999);
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    const order = orders[i]!;
    let j = i - 1;
    for (; j >= 0; j--) {
      const diff = orders[j]! - order;
      if (diff < 0 || (diff === 0 && compareItems(items[j]!, item) <= 0)) break;
      items[j + 1] = items[j]!;
      orders[j + 1] = orders[j]!;
    }
    items[j + 1] = item;
    orders[j + 1] = order;
  }
  return items;
}
