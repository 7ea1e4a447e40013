import type { Tenant } from '../types.js';
import type { UsageRow } from '../rows.js';

/**
 * One file format. The renderer calls `begin`, then for each tenant `tenantStart`, its `row`s and `tenantEnd`,
 * then `end`, and concatenates what they return: every piece is small, so the file can be streamed.
 */
export interface FormatWriter {
  begin(): string;
  tenantStart(tenant: Tenant): string;
  row(row: UsageRow): string;
  tenantEnd(tenant: Tenant): string;
  end(): string;
}
