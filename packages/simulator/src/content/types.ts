export type TenantKind = 'partner' | 'folder' | 'customer';
export type MeasurementUnit = 'bytes' | 'quantity' | 'seconds';

export type ReportKind = 'usage_daily' | 'usage_summary' | 'usage_current' | 'usage_breakdown';
export type ReportLevel = 'itself' | 'direct_partners' | 'all_partners' | 'all_customers' | 'accounts';
export type ReportFormat = 'csv' | 'html' | 'json_v1' | 'csv_v2_0' | 'json_v2_0';

export interface TenantUser {
  id: string;
  login: string;
  email: string;
}

export interface OfferingItem {
  /** The vendor's offering item name, e.g. `storage`, `pc_backup`, `compute_points`. */
  name: string;
  /** The application the item belongs to; one fixed UUID per application, whatever the seed. */
  applicationId: string;
  /** `standard`, `advanced`, `pay_as_you_go`, or '' for items sold without editions. */
  edition: string;
  /** The infrastructure (storage or DR site) the item is bound to, or ''. */
  infraId: string;
  /** `acronis`, `azure`, `google`, or '' when the item has no infrastructure. */
  backendType: string;
  /** The tenant that owns the infrastructure, or '' when the item has none. */
  ownerId: string;
  /** The partner's SKU for the item, or null (not every item has one, not every partner sees SKUs). */
  sku: string | null;
  measurementUnit: MeasurementUnit;
  /** A limit set by the partner, in the item's unit: counts never exceed it, storage runs at most 5% over. */
  quota?: number;
}

export interface Tenant {
  id: string;
  name: string;
  kind: TenantKind;
  parentId: string | null;
  children: Tenant[];
  /**
   * Customers: the items provisioned to them. Partners: one item per (name, edition, infrastructure) found
   * among their descendants, whose usage is the sum over those descendants. Folders: none.
   */
  offeringItems: OfferingItem[];
  users: TenantUser[];
  /** Customers that joined lately: the epoch day their usage began (nothing is used before it). */
  joinedDay?: number;
  /** Customers that left: the epoch day from which they use nothing. */
  leftDay?: number;
  /** A customer that grew: from this epoch day its stock items (storage, seats, machines) are half as many again. */
  grewDay?: number;
}

export interface TenantTree {
  root: Tenant;
  byId: ReadonlyMap<string, Tenant>;
  /** Every tenant below `tenant`, depth first, parents before their children. */
  descendants(tenant: Tenant): Tenant[];
}

/** Usage as of 23:59:59 UTC of a day, in the item's unit (bytes, count, or seconds). */
export interface Usage {
  production: number;
  trial: number;
  total: number;
}

export interface ReportFileRequest {
  tree: TenantTree;
  /** The report's `parameters.tenant_id`: a tenant of `tree`. */
  tenantId: string;
  kind: ReportKind;
  level: ReportLevel;
  format: ReportFormat;
  /** `YYYY-MM-DD`, both ends inclusive. Ignored by `usage_current`, which reports the month to date. */
  period: { start: string; end: string };
  generationDate: string;
  /** The instant (ISO) the file was generated, for json_v2_0's `gen_date`; default 00:00:00 UTC of generationDate. */
  generatedAt?: string;
  hideZeroUsage: boolean;
  showSkus: boolean;
  /** Seed of the usage model: pass the tree's seed so every report of the tree agrees on the numbers. */
  seed: number;
  reportName?: string;
  /** Pad the file with synthetic customers until it is at least this many bytes (UTF-8, uncompressed). */
  targetBytes?: number;
}
