// Customers that are not in the tree: filler for size-targeted files.

import type { OfferingItem, Tenant, TenantTree } from './types.js';
import { companyName } from './names.js';
import { provision } from './provision.js';
import { createRng, fmix32, hashSeed, hashStep } from './random.js';
import { hasSkuAccess, infrastructuresOf, newTenant } from './tenants.js';
import { makeUsers } from './users.js';
import { isAscii } from './utf8.js';

/**
 * How many different sets of items synthetic customers are provisioned with. Real partners sell a few packages
 * to many customers too; sharing them spares setting up a dozen items for each of a gigabyte's half a million
 * customers, while ids, names, users and every number stay the customer's own.
 */
const PROVISIONINGS = 2048;

export interface Fillers {
  /**
   * Customer number `index`, drawn from (seed, index): under the parent (though not among its children), with
   * one of the provisionings drawn like a real customer's. Its users are drawn from a stream of their own, and
   * only when asked for: everything else about the customer is the same either way.
   */
  customer(index: number): Tenant;
  /**
   * Whether everything a report prints of these customers, their names aside, is ASCII: their ids are drawn
   * UUIDs, their users' logins and emails slugs, their items' fields come from the catalog and the tree's sites.
   */
  asciiButNames: boolean;
}

/** Synthetic customers under `parent`, on the tree's sites; with users when `withUsers`, else with none. */
export function syntheticCustomers(tree: TenantTree, parent: Tenant, seed: number, withUsers: boolean): Fillers {
  const infra = infrastructuresOf(tree);
  const withSkus = hasSkuAccess(parent, tree.byId);
  const start = hashSeed('acronis-reports-simulator/synthetic', seed);
  const inherited = [parent.id, ...infra.flatMap((site) => [site.id, site.backendType, site.ownerId])];
  const provisionings: OfferingItem[][] = [];
  const provisioning = (k: number): OfferingItem[] =>
    (provisionings[k] ??= provision(createRng(hashStep(start ^ 0x27d4eb2f, k)), infra, withSkus));
  return {
    customer(index) {
      const h = hashStep(start, index);
      const rng = createRng(h);
      const tenant = newTenant(rng.uuid(), companyName(rng), 'customer', parent, false);
      // Shared lists of shared items: nothing changes a customer's items once it is provisioned.
      tenant.offeringItems = provisioning(Math.floor(rng.next() * PROVISIONINGS));
      if (withUsers) {
        const users = createRng(fmix32(h ^ 0x5bd1e995));
        tenant.users = makeUsers(users, tenant.name, users.int(1, 3));
      }
      return tenant;
    },
    asciiButNames: inherited.every(isAscii),
  };
}
