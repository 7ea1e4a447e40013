import { createTenantTree, stableUuid, type TenantTree } from '../content/index.js';
import type { ApiClient } from './tokens.js';

export interface WorldOptions {
  seed: number;
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** `YYYY-MM` in which one customer joins and one leaves (see TenantTreeOptions). */
  changesMonth?: string;
}

/**
 * The data center's fixed population: the demo API client, the partner tenant it belongs to (with its seeded tree
 * of sub-partners and customers) and one tenant that exists but belongs to somebody else.
 */
export class World {
  readonly tree: TenantTree;
  readonly client: ApiClient;
  /** A tenant of another partner: it exists, but the demo client has no right to it (403). */
  readonly foreignTenantId: string;
  private readonly accessible: Set<string>;

  constructor(readonly options: WorldOptions) {
    const rootTenantId = options.tenantId ?? stableUuid(`simulator-tenant-${options.seed}`);
    this.tree = createTenantTree({ seed: options.seed, rootTenantId, ...(options.changesMonth ? { changesMonth: options.changesMonth } : {}) });
    this.client = {
      clientId: options.clientId ?? stableUuid(`simulator-client-${options.seed}`),
      clientSecret: options.clientSecret ?? 'simulator-demo-secret',
      tenantId: this.tree.root.id,
      name: 'Reports automation (simulator)',
    };
    this.foreignTenantId = stableUuid(`simulator-foreign-tenant-${options.seed}`);
    this.accessible = new Set([this.tree.root.id, ...this.tree.descendants(this.tree.root).map((tenant) => tenant.id)]);
  }

  findClient(clientId: string): ApiClient | undefined {
    return clientId === this.client.clientId ? this.client : undefined;
  }

  tenantExists(tenantId: string): boolean {
    return this.accessible.has(tenantId) || tenantId === this.foreignTenantId;
  }

  canAccess(client: ApiClient, tenantId: string): boolean {
    return client.tenantId === this.tree.root.id && this.accessible.has(tenantId);
  }

  /** Ids for people and tests: the client's own tenant, then partners and customers below it. */
  tenantSummary() {
    const below = this.tree.descendants(this.tree.root);
    return {
      tenantId: this.tree.root.id,
      tenantName: this.tree.root.name,
      partnerIds: below.filter((t) => t.kind === 'partner').map((t) => t.id),
      customerIds: below.filter((t) => t.kind === 'customer').map((t) => t.id),
      foreignTenantId: this.foreignTenantId,
    };
  }
}
