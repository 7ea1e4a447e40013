import type { ReportLevel, Tenant, TenantTree } from './types.js';

/** Children with folders opened up: a folder only groups customers, it is never a row of its own. */
function throughFolders(tenants: readonly Tenant[]): Tenant[] {
  return tenants.flatMap((t) => (t.kind === 'folder' ? throughFolders(t.children) : [t]));
}

/**
 * The tenants a report at `level` covers, in tree order (parents before children):
 * - `itself`: the tenant alone;
 * - `direct_partners`: its direct children, partners and customers (customers in folders count as direct);
 * - `all_partners`: every partner below it;
 * - `all_customers`, `accounts`: every partner and customer below it.
 * The tenant itself is only part of `itself`; folders are never listed below it.
 */
export function selectTenants(tree: TenantTree, tenant: Tenant, level: ReportLevel): Tenant[] {
  switch (level) {
    case 'itself':
      return [tenant];
    case 'direct_partners':
      return throughFolders(tenant.children);
    case 'all_partners':
      return tree.descendants(tenant).filter((t) => t.kind === 'partner');
    case 'all_customers':
    case 'accounts':
      return tree.descendants(tenant).filter((t) => t.kind !== 'folder');
  }
}
