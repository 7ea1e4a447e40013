export interface UsageAmounts {
  production: number;
  total: number;
  trial: number;
}

/** One usage line of a csv_v2_0 or json_v2_0 report, in normalised units (see `normaliseUsage`). */
export interface UsageRow {
  tenantId: string;
  tenantKind: string;
  /** null when the file does not name the tenant (or names it with an empty string). */
  tenantName: string | null;
  /** The offering item, e.g. `storage`, `pc_backup`, `pw_compute_points`. */
  offeringItem: string;
  applicationId: string;
  edition: string;
  infraId: string;
  backendType: string;
  ownerId: string;
  /** null when the report has no SKUs or the item has none. */
  sku: string | null;
  /** `YYYY-MM-DD` in daily and breakdown reports, else null. */
  date: string | null;
  /** `GB` (binary, 1024^3 bytes), `points`, `count`, `seconds`, or the file's own unit when it is none of these. */
  unit: 'GB' | 'points' | 'count' | 'seconds' | (string & {});
  /** The measurement unit as written in the file (`bytes`, `quantity`, `seconds`...), null when not given. */
  rawUnit: string | null;
  absolute: UsageAmounts;
  /** null when the report has no change figures (usage_daily) or the cells are empty. */
  delta: UsageAmounts | null;
  effective: UsageAmounts | null;
}

export type UsageFormat = 'csv_v2_0' | 'json_v2_0';
