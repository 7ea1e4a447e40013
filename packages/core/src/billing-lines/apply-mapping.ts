// Applies a checked mapping to lines: customer references, product codes, prices and amounts. Lines a rule
// ignores are left out (and counted); lines nothing maps stay, with empty cells, and are listed as exceptions.

import type { BillingMapping } from './mapping.js';
import { roundHalfUp } from './numbers.js';
import type { BillingLine, BillingLineException } from './types.js';

export interface UnusedMappingEntry {
  /** Where in the mapping: `products[3]` or `customers.<tenant id>`. */
  field: string;
  message: string;
}

export interface MappedLines {
  lines: BillingLine[];
  exceptions: BillingLineException[];
  /** Lines left out by an `ignore` rule. */
  ignored: number;
  /** Rules and customers that matched nothing in the file: usually a typo or a stale entry. */
  unused: UnusedMappingEntry[];
}

export function applyMapping(lines: readonly BillingLine[], mapping: BillingMapping): MappedLines {
  const out: BillingLine[] = [];
  const exceptions: BillingLineException[] = [];
  const usedRules = new Set<number>();
  const usedCustomers = new Set<string>();
  let ignored = 0;
  for (const line of lines) {
    const rule = mapping.rules?.find((candidate) => candidate.matches(line));
    if (rule) usedRules.add(rule.index);
    if (rule?.rule.ignore) {
      ignored++;
      continue;
    }
    const mapped: BillingLine = { ...line };
    if (mapping.customers) {
      const ref = mapping.customers.get(line.tenant_id.toLowerCase());
      if (ref !== undefined) {
        usedCustomers.add(line.tenant_id.toLowerCase());
        mapped.customer_ref = ref;
      } else {
        exceptions.push(exception(line, 'unmapped_tenant', `tenant ${line.tenant_name ?? line.tenant_id} (${line.tenant_id}) has no customer reference in the mapping`));
      }
    }
    if (mapping.rules) {
      if (rule) {
        mapped.product_code = rule.rule.product_code ?? null;
        if (rule.rule.unit_price !== undefined) {
          mapped.unit_price = rule.rule.unit_price;
          mapped.amount = roundHalfUp(line.quantity * rule.rule.unit_price);
        }
      } else {
        exceptions.push(exception(line, 'unmapped_product', `no product rule matches ${describe(line)}`));
      }
    }
    out.push(mapped);
  }
  const unused: UnusedMappingEntry[] = [];
  for (const rule of mapping.rules ?? []) {
    if (!usedRules.has(rule.index)) unused.push({ field: `products[${rule.index}]`, message: 'matches no line of this report' });
  }
  for (const tenantId of mapping.customers?.keys() ?? []) {
    if (!usedCustomers.has(tenantId)) unused.push({ field: `customers.${tenantId}`, message: 'names no tenant with billed lines in this report' });
  }
  return { lines: out, exceptions, ignored, unused };
}

const describe = (line: BillingLine): string =>
  [`offering_item ${line.offering_item}`, `edition ${line.edition || '(none)'}`, `backend_type ${line.backend_type || '(none)'}`, `sku ${line.sku || '(none)'}`].join(', ');

function exception(line: BillingLine, reason: BillingLineException['reason'], message: string): BillingLineException {
  return {
    reason,
    tenant_id: line.tenant_id,
    tenant_name: line.tenant_name,
    offering_item: line.offering_item,
    edition: line.edition,
    backend_type: line.backend_type,
    sku: line.sku,
    message,
  };
}
