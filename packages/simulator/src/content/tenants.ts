// The simulated tenant tree: the API client's own partner tenant, its sub-partners, folders and customers,
// each customer with the offering items it was provisioned with.

import type { OfferingItem, Tenant, TenantKind, TenantTree } from './types.js';
import { CATALOG_BY_NAME, applicationById, skuFor } from './catalog.js';
import type { ApplicationKey } from './catalog.js';
import { companyName, folderName, partnerName } from './names.js';
import type { CompanyNameStyle } from './names.js';
import { compareItems, provision } from './provision.js';
import type { Infrastructure } from './provision.js';
import { toDay } from './dates.js';
import { createRng, hashSeed } from './random.js';
import type { Rng } from './random.js';
import { makeUsers } from './users.js';

export interface TenantTreeOptions {
  seed: number;
  /** The id of the root (the API client's own tenant); drawn from the seed when absent. */
  rootTenantId?: string;
  rootName?: string;
  /**
   * `YYYY-MM`: the month in which the tree changes as a real one does, so that two months compare with every flag:
   * one customer joins (a new one, in the folder, using its items from the 10th), one leaves (the last direct
   * customer, using nothing from the 5th) and one grows (the first direct customer, half as much again of its stock
   * items from the 15th, as far as its quotas allow). Without it nobody joins, leaves or grows.
   */
  changesMonth?: string;
}

// Whether a partner (and so its customers) sees SKUs: not every partner does, as the vendor warns.
const skuAccess = new WeakMap<Tenant, boolean>();

/** A tenant under `parent`, listed among its children unless `attach` is false. */
export function newTenant(id: string, name: string, kind: TenantKind, parent: Tenant | null, attach = true): Tenant {
  const tenant: Tenant = { id, name, kind, parentId: parent?.id ?? null, children: [], offeringItems: [], users: [] };
  if (attach) parent?.children.push(tenant);
  return tenant;
}

/** Whether `tenant` sees SKUs: the setting of the nearest partner at or above it. */
export function hasSkuAccess(tenant: Tenant, byId: ReadonlyMap<string, Tenant>): boolean {
  for (let t: Tenant | undefined = tenant; t; t = t.parentId === null ? undefined : byId.get(t.parentId)) {
    const access = skuAccess.get(t);
    if (access !== undefined) return access;
  }
  return true;
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

function customer(rng: Rng, parent: Tenant, infra: readonly Infrastructure[], withSkus: boolean, style?: CompanyNameStyle): Tenant {
  const tenant = newTenant(rng.uuid(), companyName(rng, style), 'customer', parent);
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

  if (options.changesMonth !== undefined) {
    // From a generator of its own, so every other tenant keeps its id, name and items.
    const changes = createRng(hashSeed('acronis-reports-simulator/tree/changes', options.seed));
    customer(changes, folder, rootSites, true).joinedDay = toDay(`${options.changesMonth}-10`);
    const direct = root.children.filter((t) => t.kind === 'customer');
    direct.at(-1)!.leftDay = toDay(`${options.changesMonth}-05`);
    direct[0]!.grewDay = toDay(`${options.changesMonth}-15`);
  }

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

