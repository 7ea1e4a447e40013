import { buildBillingReportRequest, type BillingReportOptions } from '../billing.js';
import type { ReportCreateRequest } from '../types.js';
import { todayUtc, validateCreateRequest } from '../validation.js';
import type { CallOptions, ClientContext } from './context.js';
import { getOwnTenantId } from './tenants.js';

/** Stands in for the tenant while the rest of the request is checked, before the real one is looked up. */
const anyTenant = '00000000-0000-4000-8000-000000000000';

/**
 * The billing request for the given or the API client's own tenant. The request is checked whole before the
 * tenant is looked up, so that a bad month or format sends nothing at all.
 */
export async function billingReportRequest(ctx: ClientContext, options: BillingReportOptions & CallOptions): Promise<ReportCreateRequest> {
  const now = ctx.runtime.now();
  validateCreateRequest(buildBillingReportRequest(options.tenantId ?? anyTenant, options, now), todayUtc(now));
  const tenantId = options.tenantId ?? (await getOwnTenantId(ctx, options.signal ? { signal: options.signal } : {}));
  return buildBillingReportRequest(tenantId, options, now);
}
