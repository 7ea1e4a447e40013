// Billing lines a few tenants at a time, so that a host with a size limit (an assistant's context, a chat message)
// can ask for the rest. Tenants keep the lines' order (by name); a page never splits a tenant.

import type { BillingLine } from './types.js';

export interface TenantPageOptions {
  /** Only these tenants: each matched by tenant id, tenant name or customer reference (case-insensitive). */
  tenants?: readonly string[];
  /** Tenants to skip (default 0). */
  offset?: number;
  /** Tenants on the page (default 10). */
  limit?: number;
}

export interface TenantPage {
  lines: BillingLine[];
  tenants: { total: number; offset: number; returned: number; nextOffset: number | null };
  /** Entries of `tenants` that matched no tenant. */
  unmatched: string[];
}

const matches = (line: BillingLine, wanted: string): boolean =>
  [line.tenant_id, line.tenant_name, line.customer_ref].some((value) => value !== null && value.toLowerCase() === wanted);

export function billingLinesPage(lines: readonly BillingLine[], options: TenantPageOptions = {}): TenantPage {
  const wanted = (options.tenants ?? []).map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  const selected = wanted.length === 0 ? lines : lines.filter((line) => wanted.some((entry) => matches(line, entry)));
  const unmatched = (options.tenants ?? []).filter((entry) => entry.trim() && !lines.some((line) => matches(line, entry.trim().toLowerCase())));
  const order: string[] = [];
  for (const line of selected) if (!order.includes(line.tenant_id)) order.push(line.tenant_id);
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const limit = Math.max(1, Math.floor(options.limit ?? 10));
  const onPage = new Set(order.slice(offset, offset + limit));
  const next = offset + limit < order.length ? offset + limit : null;
  return {
    lines: selected.filter((line) => onPage.has(line.tenant_id)),
    tenants: { total: order.length, offset, returned: onPage.size, nextOffset: next },
    unmatched,
  };
}
