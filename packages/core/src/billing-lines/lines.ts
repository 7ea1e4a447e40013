// Per-key sums to billing lines: the sum converted to the billing unit once (storage bytes to binary GB,
// compute-point seconds to points, counts as they are), then rounded half up to 2 decimals. Converting the sum,
// not each row, keeps the rounding to one step.

import { unitConversion } from '../download/units.js';
import type { LineSum } from './aggregate.js';
import { roundHalfUp } from './numbers.js';
import type { BillingLine } from './types.js';

export function lineOf(sum: LineSum): BillingLine {
  const { unit, convert } = unitConversion(sum.offeringItem, sum.rawUnit);
  return {
    tenant_id: sum.tenantId,
    tenant_name: sum.tenantName,
    tenant_kind: sum.tenantKind,
    offering_item: sum.offeringItem,
    edition: sum.edition,
    backend_type: sum.backendType,
    sku: sum.sku,
    unit,
    quantity: roundHalfUp(convert(sum.raw)),
    raw_quantity: sum.raw,
    raw_unit: sum.rawUnit,
    figure: sum.figure,
    customer_ref: null,
    product_code: null,
    unit_price: null,
    amount: null,
    previous_quantity: null,
    change: null,
    change_percent: null,
    flag: null,
  };
}

/** Tenant name, then offering item; the rest of the key breaks ties, so the order never depends on the file's. */
export function compareLines(a: BillingLine, b: BillingLine): number {
  return (
    compareText(a.tenant_name ?? '', b.tenant_name ?? '') ||
    compareText(a.offering_item, b.offering_item) ||
    compareText(a.tenant_id, b.tenant_id) ||
    compareText(a.edition, b.edition) ||
    compareText(a.backend_type, b.backend_type) ||
    compareText(a.sku, b.sku)
  );
}

/** Plain code-unit order: the same on every machine and locale. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
