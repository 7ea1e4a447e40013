// The simulated tenant tree: the API client's own partner tenant, its sub-partners, folders and customers,
// each customer with the offering items it was provisioned with.

import type { OfferingItem, Tenant, TenantKind, TenantTree, TenantUser } from './types.js';
import { APPLICATIONS, CATALOG, CATALOG_BY_NAME, CATALOG_ORDER, applicationById, skuFor } from './catalog.js';
import type { ApplicationKey, CatalogItem } from './catalog.js';
import { companyName, folderName, partnerName, personName, slug } from './names.js';
import type { CompanyNameStyle } from './names.js';
import { createRng, hashSeed, hashStep } from './random.js';
import type { Rng } from './random.js';

export interface TenantTreeOptions {
  seed: number;
  /** The id of the root (the API client's own tenant); drawn from the seed when absent. */
  rootTenantId?: string;
  rootName?: string;
}

/** A storage or DR site that items are bound to, owned by the partner that runs or resells it. */
export interface Infrastructure {
  id: string;
  backendType: string;
  ownerId: string;
  applications: readonly ApplicationKey[];
}

// Whether a partner (and so its customers) sees SKUs: not every partner does, as the vendor warns.
const skuAccess = new WeakMap<Tenant, boolean>();

/** A tenant under `parent`, listed among its children unless `attach` is false. */
function newTenant(id: string, name: string, kind: TenantKind, parent: Tenant | null, attach = true): Tenant {
  const tenant: Tenant = { id, name, kind, parentId: parent?.id ?? null, children: [], offeringItems: [], users: [] };
  if (attach) parent?.children.push(tenant);
  return tenant;
}

function mailDomain(name: string): string {
  const words = slug(name).split('-').filter((w) => w.length > 1).slice(0, 2);
  return `${words.join('-') || 'tenant'}.example`;
}

function makeUsers(rng: Rng, tenantName: string, count: number): TenantUser[] {
  const domain = mailDomain(tenantName);
  const users: TenantUser[] = [];
  for (let i = 0; i < count; i++) {
    const { first, last } = personName(rng);
    const local = `${slug(first)}.${slug(last)}`;
    users.push({ id: rng.uuid(), login: `${local}${rng.int(1, 99)}`, email: `${local}@${domain}` });
  }
  return users;
}

/** Whether `tenant` sees SKUs: the setting of the nearest partner at or above it. */
function hasSkuAccess(tenant: Tenant, byId: ReadonlyMap<string, Tenant>): boolean {
  for (let t: Tenant | undefined = tenant; t; t = t.parentId === null ? undefined : byId.get(t.parentId)) {
    const access = skuAccess.get(t);
    if (access !== undefined) return access;
  }
  return true;
}

function pickWeighted(rng: Rng, items: readonly CatalogItem[], count: number): CatalogItem[] {
  const pool = items.slice();
  const chosen: CatalogItem[] = [];
  while (chosen.length < count && pool.length > 0) {
    const total = pool.reduce((sum, item) => sum + item.weight, 0);
    let roll = rng.float(0, total);
    let index = pool.findIndex((item) => (roll -= item.weight) < 0);
    if (index < 0) index = pool.length - 1;
    chosen.push(pool.splice(index, 1)[0]!);
  }
  return chosen;
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

/** Items for one customer: the core backup items plus a weighted choice of add-ons, 6 to 14 in all. */
function provision(rng: Rng, infra: readonly Infrastructure[], withSkus: boolean): OfferingItem[] {
  const total = rng.int(6, 14);
  // Some customers keep backups in two places (e.g. the partner's own storage and a hyperscaler).
  const secondStorage = total > CORE_ITEMS.length + 1 && rng.chance(0.35);
  const optional = total - CORE_ITEMS.length - (secondStorage ? 1 : 0);
  const chosen = [...CORE_ITEMS, ...pickWeighted(rng, OPTIONAL_ITEMS, optional)];
  const editions = new Map<ApplicationKey, string>();
  for (const application of APPLICATION_LIST) editions.set(application.key, rng.pick(application.editions));

  const items: OfferingItem[] = [];
  const add = (entry: CatalogItem, site: Infrastructure | undefined): void => {
    const edition = editions.get(entry.application) ?? '';
    const item: OfferingItem = {
      name: entry.name,
      applicationId: APPLICATIONS[entry.application].id,
      edition,
      infraId: site?.id ?? '',
      backendType: site?.backendType ?? '',
      ownerId: site?.ownerId ?? '',
      sku: withSkus ? skuFor(entry, edition) : null,
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
  return items.sort(compareItems);
}

function compareItems(a: OfferingItem, b: OfferingItem): number {
  const order = (CATALOG_ORDER.get(a.name) ?? 999) - (CATALOG_ORDER.get(b.name) ?? 999);
  if (order !== 0) return order;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.edition !== b.edition) return a.edition < b.edition ? -1 : 1;
  return a.infraId < b.infraId ? -1 : a.infraId > b.infraId ? 1 : 0;
}

export function aggregateKey(item: OfferingItem): string {
  return `${item.name}\u0000${item.edition}\u0000${item.infraId}`;
}

/** Partners report one item per (name, edition, infrastructure) in use anywhere below them. */
function aggregateItems(tenant: Tenant, byId: ReadonlyMap<string, Tenant>): OfferingItem[] {
  if (tenant.kind === 'customer') return tenant.offeringItems;
  const seen = new Map<string, OfferingItem>();
  for (const child of tenant.children) {
    for (const item of aggregateItems(child, byId)) {
      if (!seen.has(aggregateKey(item))) seen.set(aggregateKey(item), item);
    }
  }
  const items = [...seen.values()].map((item): OfferingItem => {
    const entry = CATALOG_BY_NAME.get(item.name);
    return {
      name: item.name,
      applicationId: item.applicationId,
      edition: item.edition,
      infraId: item.infraId,
      backendType: item.backendType,
      ownerId: item.ownerId,
      sku: entry && hasSkuAccess(tenant, byId) ? skuFor(entry, item.edition) : null,
      measurementUnit: item.measurementUnit,
    };
  });
  if (tenant.kind === 'partner') tenant.offeringItems = items.sort(compareItems);
  return items;
}

function descendantsOf(tenant: Tenant): Tenant[] {
  const out: Tenant[] = [];
  const walk = (t: Tenant): void => {
    for (const child of t.children) {
      out.push(child);
      walk(child);
    }
  };
  walk(tenant);
  return out;
}

function customer(
  rng: Rng,
  parent: Tenant,
  infra: readonly Infrastructure[],
  withSkus: boolean,
  style?: CompanyNameStyle,
  attach = true,
): Tenant {
  const tenant = newTenant(rng.uuid(), companyName(rng, style), 'customer', parent, attach);
  tenant.users = makeUsers(rng, tenant.name, rng.int(1, 3));
  tenant.offeringItems = provision(rng, infra, withSkus);
  return tenant;
}

function partner(rng: Rng, parent: Tenant | null, name: string, withSkus: boolean): Tenant {
  const tenant = newTenant(rng.uuid(), name, 'partner', parent);
  tenant.users = makeUsers(rng, name, rng.int(2, 3));
  skuAccess.set(tenant, withSkus);
  return tenant;
}

/**
 * The shape: root partner ("Demo MSP") with three sub-partners (the first also resells through a partner of
 * its own, the second has no SKUs), one folder of customers, and three to five direct customers.
 */
export function createTenantTree(options: TenantTreeOptions): TenantTree {
  const rng = createRng(hashSeed('acronis-reports-simulator/tree', options.seed));
  const root = partner(rng, null, options.rootName ?? 'Demo MSP', true);
  if (options.rootTenantId !== undefined) root.id = options.rootTenantId.toLowerCase();

  const site = (backendType: string, owner: Tenant, applications: ApplicationKey[]): Infrastructure => ({
    id: rng.uuid(),
    backendType,
    ownerId: owner.id,
    applications,
  });
  const rootSites = [
    site('acronis', root, ['backup', 'file_sync_share', 'notary']),
    site(rng.pick(['azure', 'google']), root, ['backup']),
    site('acronis', root, ['disaster_recovery']),
  ];

  const subPartners = [0, 1, 2].map((i) => partner(rng, root, partnerName(rng), i !== 1));
  for (const [i, sub] of subPartners.entries()) {
    const ownSites = i === 0 ? [site('google', sub, ['backup'])] : i === 2 ? [site('acronis', sub, ['backup', 'file_sync_share'])] : [];
    const sites = [...rootSites, ...ownSites];
    const count = rng.int(2, 4);
    for (let c = 0; c < count; c++) customer(rng, sub, sites, i !== 1);
    if (i === 0) {
      const reseller = partner(rng, sub, partnerName(rng), true);
      for (let c = 0; c < 2; c++) customer(rng, reseller, sites, true);
    }
  }

  const folder = newTenant(rng.uuid(), folderName(rng), 'folder', root);
  const inFolder = rng.int(1, 2);
  for (let c = 0; c < inFolder; c++) customer(rng, folder, rootSites, true);

  const direct = rng.int(3, 5);
  const styles: (CompanyNameStyle | undefined)[] = ['comma', 'quoted'];
  for (let c = 0; c < direct; c++) customer(rng, root, rootSites, true, styles[c]);

  const byId = new Map<string, Tenant>([[root.id, root], ...descendantsOf(root).map((t): [string, Tenant] => [t.id, t])]);
  aggregateItems(root, byId);

  return { root, byId, descendants: descendantsOf };
}

/** The sites the tree's items use, per application: what synthetic customers are provisioned on. */
export function infrastructuresOf(tree: TenantTree): Infrastructure[] {
  const sites = new Map<string, Infrastructure & { applications: ApplicationKey[] }>();
  for (const item of tree.root.offeringItems) {
    if (item.infraId === '') continue;
    const application = applicationById(item.applicationId);
    if (!application) continue;
    const site = sites.get(item.infraId) ?? { id: item.infraId, backendType: item.backendType, ownerId: item.ownerId, applications: [] };
    if (!site.applications.includes(application.key)) site.applications.push(application.key);
    sites.set(item.infraId, site);
  }
  return [...sites.values()];
}

/**
 * Customers that are not in the tree, each drawn from (seed, index): filler for size-targeted files. They hang
 * under `parent` (without being added to its children) and are provisioned like its real customers.
 */
export function syntheticCustomers(tree: TenantTree, parent: Tenant, seed: number): (index: number) => Tenant {
  const infra = infrastructuresOf(tree);
  const withSkus = hasSkuAccess(parent, tree.byId);
  const start = hashSeed('acronis-reports-simulator/synthetic', seed);
  return (index) => customer(createRng(hashStep(start, index)), parent, infra, withSkus, undefined, false);
}
