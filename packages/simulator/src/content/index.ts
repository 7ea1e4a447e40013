export type {
  MeasurementUnit,
  OfferingItem,
  ReportFileRequest,
  ReportFormat,
  ReportKind,
  ReportLevel,
  Tenant,
  TenantKind,
  TenantTree,
  TenantUser,
  Usage,
} from './types.js';
export { createRng, hashSeed, hashString, stableUuid } from './random.js';
export type { Rng } from './random.js';
export { createTenantTree } from './tenants.js';
export type { TenantTreeOptions } from './tenants.js';
export { usageOn } from './usage.js';
export { selectTenants } from './levels.js';
export { APPLICATIONS, CATALOG } from './catalog.js';
export { CSV_V2_VENDOR_COLUMNS, csvV2Columns } from './formats/index.js';
export { renderReportFile } from './render.js';
export { utf8Length } from './utf8.js';
