// API v1 addressed tenants by number; json_v2_0 still names the report's tenant that way (`params.group_id`).

import type { Tenant } from './types.js';
import { hashString } from './random.js';

const FIRST = 1_000_000;
const SPAN = 2_000_000_000;

/**
 * The tenant's numeric API v1 id: a function of its UUID, so the same seed (or the same `--tenant-id`) always gives
 * the same number. Seven to ten digits, within a signed 32-bit integer.
 */
export function v1TenantId(tenant: Pick<Tenant, 'id'>): number {
  return FIRST + (hashString(`acronis-reports-simulator/v1-id/${tenant.id}`) % SPAN);
}
