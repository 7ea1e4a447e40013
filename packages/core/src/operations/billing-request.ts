import { billingReportRequest, type BillingReportOptions } from '../billing.js';
import type { ReportCreateRequest } from '../types.js';
import type { CallOptions, ClientContext } from './context.js';
import { getOwnTenantId } from './tenants.js';

/** Stands in for the tenant while the request is checked, before the real one is looked up. */
const anyTenant = '00000000-0000-4000-8000-000000000000';

/**
 * The billing request for the given or the API client's own tenant, built and checked once: a bad month or format
 * is refused before the tenant is looked up, so nothing at all is sent. The answer is a checked create body, ready
 * for `sendCreate`.
 */
export async function checkedBillingRequest(ctx: ClientContext, options: BillingReportOptions & CallOptions): Promise<ReportCreateRequest> {
  const request = billingReportRequest(options.tenantId ?? anyTenant, options, ctx.runtime.now());
  if (options.tenantId !== undefined) return request;
  const tenantId = await getOwnTenantId(ctx, options.signal ? { signal: options.signal } : {});
  return { ...request, parameters: { ...request.parameters, tenant_id: tenantId } };
}
