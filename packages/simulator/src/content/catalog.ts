// The offering items a simulated customer can be provisioned with, and how their usage behaves.

import type { MeasurementUnit } from './types.js';
import { stableUuid } from './random.js';

export type ApplicationKey = 'backup' | 'disaster_recovery' | 'notary' | 'email_security' | 'file_sync_share' | 'security';

export interface Application {
  key: ApplicationKey;
  id: string;
  title: string;
  /** Editions a customer can be given for this application's items; '' means "sold without editions". */
  editions: readonly string[];
}

const app = (key: ApplicationKey, title: string, editions: readonly string[]): Application => ({
  key,
  // Application ids are global in the platform, so they must not change with the tree's seed.
  id: stableUuid(`acronis-reports-simulator/application/${key}`),
  title,
  editions,
});

export const APPLICATIONS: Readonly<Record<ApplicationKey, Application>> = {
  backup: app('backup', 'Cyber Protection', ['standard', 'advanced', 'pay_as_you_go']),
  disaster_recovery: app('disaster_recovery', 'Disaster Recovery', ['']),
  notary: app('notary', 'Notary', ['']),
  email_security: app('email_security', 'Email Security', ['standard', 'advanced']),
  file_sync_share: app('file_sync_share', 'File Sync & Share', ['standard', 'advanced']),
  security: app('security', 'Advanced Security + EDR', ['']),
};

/**
 * `stock` items report what exists at the end of a day (stored bytes, protected machines, seats).
 * `counter` items only ever grow (compute time consumed, documents notarized); their delta is what was used.
 */
export type UsageShape = 'stock' | 'counter';

export interface CatalogItem {
  name: string;
  title: string;
  application: ApplicationKey;
  unit: MeasurementUnit;
  /** What a person calls one unit of a `quantity` item, for the human formats. */
  displayUnit: string;
  /** Whether the item is bound to a storage or DR infrastructure. */
  infra: boolean;
  /** The middle of the SKU; null for items that are never sold by SKU. */
  skuCode: string | null;
  shape: UsageShape;
  /** Stock: usage on the first day, in the unit. Counter: usage added per day, in the unit. */
  low: number;
  high: number;
  /** Stock items: how likely the partner set a quota on it for a customer. */
  quotaChance: number;
  /** Weight for picking optional items; core items are always provisioned. */
  weight: number;
  core?: boolean;
}

const GIB = 1024 ** 3;

export const CATALOG: readonly CatalogItem[] = [
  { name: 'storage', title: 'Cloud storage', application: 'backup', unit: 'bytes', displayUnit: 'GB', infra: true, skuCode: 'AS', shape: 'stock', low: 20 * GIB, high: 1500 * GIB, quotaChance: 0.4, weight: 0, core: true },
  { name: 'local_storage', title: 'Local backup', application: 'backup', unit: 'bytes', displayUnit: 'GB', infra: false, skuCode: null, shape: 'stock', low: 40 * GIB, high: 4000 * GIB, quotaChance: 0, weight: 0, core: true },
  { name: 'pc_backup', title: 'Workstations', application: 'backup', unit: 'quantity', displayUnit: 'workstations', infra: false, skuCode: 'AW', shape: 'stock', low: 2, high: 60, quotaChance: 0.5, weight: 0, core: true },
  { name: 'server_backup', title: 'Servers', application: 'backup', unit: 'quantity', displayUnit: 'servers', infra: false, skuCode: 'ASV', shape: 'stock', low: 1, high: 12, quotaChance: 0.5, weight: 0, core: true },
  { name: 'vm_backup', title: 'Virtual machines', application: 'backup', unit: 'quantity', displayUnit: 'virtual machines', infra: false, skuCode: 'AV', shape: 'stock', low: 2, high: 80, quotaChance: 0.4, weight: 0, core: true },
  { name: 'mobile_backup', title: 'Mobile devices', application: 'backup', unit: 'quantity', displayUnit: 'devices', infra: false, skuCode: 'AMB', shape: 'stock', low: 1, high: 40, quotaChance: 0.2, weight: 3 },
  { name: 'web_hosting_servers', title: 'Web hosting servers', application: 'backup', unit: 'quantity', displayUnit: 'servers', infra: false, skuCode: 'AWH', shape: 'stock', low: 1, high: 4, quotaChance: 0.2, weight: 2 },
  { name: 'mailbox', title: 'Mailboxes', application: 'backup', unit: 'quantity', displayUnit: 'mailboxes', infra: false, skuCode: 'AMX', shape: 'stock', low: 5, high: 200, quotaChance: 0.3, weight: 4 },
  { name: 'm365_seats', title: 'Microsoft 365 seats', application: 'backup', unit: 'quantity', displayUnit: 'seats', infra: false, skuCode: 'AM', shape: 'stock', low: 5, high: 250, quotaChance: 0.3, weight: 6 },
  { name: 'm365_sharepoint_sites', title: 'Microsoft 365 SharePoint sites', application: 'backup', unit: 'quantity', displayUnit: 'sites', infra: false, skuCode: 'AMSP', shape: 'stock', low: 1, high: 30, quotaChance: 0.1, weight: 3 },
  { name: 'google_workspace_seats', title: 'Google Workspace seats', application: 'backup', unit: 'quantity', displayUnit: 'seats', infra: false, skuCode: 'AG', shape: 'stock', low: 5, high: 150, quotaChance: 0.3, weight: 3 },
  { name: 'dr_cloud_servers', title: 'Cloud servers', application: 'disaster_recovery', unit: 'quantity', displayUnit: 'servers', infra: true, skuCode: 'DCS', shape: 'stock', low: 1, high: 6, quotaChance: 0.3, weight: 4 },
  { name: 'compute_points', title: 'Compute points', application: 'disaster_recovery', unit: 'seconds', displayUnit: 'points', infra: true, skuCode: 'DCP', shape: 'counter', low: 1800, high: 90_000, quotaChance: 0, weight: 4 },
  { name: 'dr_storage', title: 'Disaster recovery storage', application: 'disaster_recovery', unit: 'bytes', displayUnit: 'GB', infra: true, skuCode: 'DST', shape: 'stock', low: 50 * GIB, high: 2000 * GIB, quotaChance: 0.3, weight: 3 },
  { name: 'dr_public_ips', title: 'Public IP addresses', application: 'disaster_recovery', unit: 'quantity', displayUnit: 'IP addresses', infra: true, skuCode: 'DIP', shape: 'stock', low: 1, high: 4, quotaChance: 0.3, weight: 2 },
  { name: 'notary_storage', title: 'Notary storage', application: 'notary', unit: 'bytes', displayUnit: 'GB', infra: true, skuCode: 'NST', shape: 'stock', low: 1 * GIB, high: 200 * GIB, quotaChance: 0.2, weight: 2 },
  { name: 'notary_notarizations', title: 'Notarizations', application: 'notary', unit: 'quantity', displayUnit: 'notarizations', infra: false, skuCode: 'NNT', shape: 'counter', low: 2, high: 400, quotaChance: 0, weight: 2 },
  { name: 'email_security_mailboxes', title: 'Email Security mailboxes', application: 'email_security', unit: 'quantity', displayUnit: 'mailboxes', infra: false, skuCode: 'ESM', shape: 'stock', low: 10, high: 300, quotaChance: 0.3, weight: 4 },
  { name: 'fss_users', title: 'File Sync & Share users', application: 'file_sync_share', unit: 'quantity', displayUnit: 'users', infra: false, skuCode: 'FU', shape: 'stock', low: 3, high: 120, quotaChance: 0.3, weight: 3 },
  { name: 'fss_storage', title: 'File Sync & Share storage', application: 'file_sync_share', unit: 'bytes', displayUnit: 'GB', infra: true, skuCode: 'FST', shape: 'stock', low: 10 * GIB, high: 2000 * GIB, quotaChance: 0.3, weight: 3 },
  { name: 'edr_workloads', title: 'Advanced Security + EDR workloads', application: 'security', unit: 'quantity', displayUnit: 'workloads', infra: false, skuCode: 'EDR', shape: 'stock', low: 2, high: 80, quotaChance: 0.3, weight: 3 },
];

export const CATALOG_BY_NAME: ReadonlyMap<string, CatalogItem> = new Map(CATALOG.map((item) => [item.name, item]));
export const CATALOG_ORDER: ReadonlyMap<string, number> = new Map(CATALOG.map((item, index) => [item.name, index]));

const APPLICATION_BY_ID: ReadonlyMap<string, Application> = new Map(Object.values(APPLICATIONS).map((a) => [a.id, a]));

export function applicationById(id: string): Application | undefined {
  return APPLICATION_BY_ID.get(id);
}

const EDITION_CODES: Readonly<Record<string, string>> = { standard: 'P1', advanced: 'P2', pay_as_you_go: 'PG', '': 'P0' };

/** An SKU in the vendor's style (`SP1ASENS`): S, edition, item, then the sales channel and term. */
export function skuFor(item: CatalogItem, edition: string): string | null {
  if (item.skuCode === null) return null;
  return `S${EDITION_CODES[edition] ?? 'PX'}${item.skuCode}ENS`;
}

export const BACKEND_TITLES: Readonly<Record<string, string>> = {
  acronis: 'Acronis',
  azure: 'Microsoft Azure',
  google: 'Google Cloud',
  '': '',
};

export const EDITION_TITLES: Readonly<Record<string, string>> = {
  standard: 'Standard',
  advanced: 'Advanced',
  pay_as_you_go: 'Pay-as-you-go',
  '': '',
};
