// A month of billing lines at a glance, for a person or an assistant: the customers and items that weigh most, and
// the biggest changes since last month. Pure: it ranks lines that were already computed (and mapped, and compared).

import { roundHalfUp } from './numbers.js';
import type { BillingLine, BillingLineFlag } from './types.js';

export interface CustomerSummary {
  tenant_id: string;
  tenant_name: string | null;
  customer_ref: string | null;
  lines: number;
  /** The sum of the priced lines' amounts; null when none of its lines has a price. */
  amount: number | null;
  /** Lines flagged new, gone or changed beyond the threshold (0 without a comparison). */
  flagged: number;
}

export interface ItemSummary {
  offering_item: string;
  /** The mapped product code when every line of the item has the same one, else null. */
  product_code: string | null;
  unit: string;
  /** The sum over tenants, in `unit` (one item has one unit), rounded half up to 2 decimals. */
  quantity: number;
  tenants: number;
  amount: number | null;
}

export interface MonthSummary {
  /** `amount` when any line is priced (a mapping with prices), else `size`: lines and tenants, then quantity. */
  rankedBy: 'amount' | 'size';
  totals: { lines: number; tenants: number; amount: number | null };
  /** Counts of the flags; null when the lines were not compared with an earlier month. */
  flags: { new: number; gone: number; changed: number; unchanged: number } | null;
  customers: CustomerSummary[];
  items: ItemSummary[];
  /** Flagged lines, biggest change first; new and gone count as a change of 100 %. */
  changes: BillingLine[];
}

export interface MonthSummaryOptions {
  /** How many customers, items and changes to keep (default 10). */
  top?: number;
}

const addAmount = (sum: number | null, amount: number | null): number | null => (amount === null ? sum : roundHalfUp((sum ?? 0) + amount));
const isFlagged = (flag: BillingLineFlag | null): boolean => flag === 'new' || flag === 'gone' || flag === 'changed';
/** Biggest first; null (no price) after every number. */
const byAmount = (a: number | null, b: number | null): number => (b ?? -Infinity) - (a ?? -Infinity);

function customersOf(lines: readonly BillingLine[]): CustomerSummary[] {
  const customers = new Map<string, CustomerSummary>();
  for (const line of lines) {
    const customer = customers.get(line.tenant_id) ?? { tenant_id: line.tenant_id, tenant_name: line.tenant_name, customer_ref: line.customer_ref, lines: 0, amount: null, flagged: 0 };
    customer.lines++;
    customer.amount = addAmount(customer.amount, line.amount);
    if (isFlagged(line.flag)) customer.flagged++;
    customer.customer_ref ??= line.customer_ref;
    customers.set(line.tenant_id, customer);
  }
  return [...customers.values()];
}

function itemsOf(lines: readonly BillingLine[]): ItemSummary[] {
  const items = new Map<string, ItemSummary & { tenantIds: Set<string>; codes: Set<string | null> }>();
  for (const line of lines) {
    if (line.flag === 'gone') continue; // kept with quantity 0 for the record; not usage of this month
    const key = `${line.offering_item}\u0000${line.unit}`;
    const item = items.get(key) ?? { offering_item: line.offering_item, product_code: null, unit: line.unit, quantity: 0, tenants: 0, amount: null, tenantIds: new Set(), codes: new Set() };
    item.quantity = roundHalfUp(item.quantity + line.quantity);
    item.amount = addAmount(item.amount, line.amount);
    item.tenantIds.add(line.tenant_id);
    item.codes.add(line.product_code);
    items.set(key, item);
  }
  return [...items.values()].map(({ tenantIds, codes, ...item }) => ({
    ...item,
    tenants: tenantIds.size,
    product_code: codes.size === 1 ? [...codes][0]! : null,
  }));
}

/** Flagged lines, biggest change first: by |change %| (new and gone as 100), then by |change|. */
export function biggestChanges(lines: readonly BillingLine[], top = 10): BillingLine[] {
  return lines
    .filter((line) => isFlagged(line.flag))
    .sort((a, b) => Math.abs(b.change_percent ?? 100) - Math.abs(a.change_percent ?? 100) || Math.abs(b.change ?? b.quantity) - Math.abs(a.change ?? a.quantity))
    .slice(0, top);
}

/** The customers and items that weigh most in a month's lines, and the biggest changes since the month before. */
export function summarizeBillingLines(lines: readonly BillingLine[], options: MonthSummaryOptions = {}): MonthSummary {
  const top = Math.max(0, Math.floor(options.top ?? 10));
  const priced = lines.some((line) => line.amount !== null);
  const compared = lines.some((line) => line.flag !== null);
  const count = (flag: BillingLineFlag) => lines.filter((line) => line.flag === flag).length;
  const customers = customersOf(lines).sort((a, b) =>
    priced ? byAmount(a.amount, b.amount) || b.lines - a.lines : b.lines - a.lines || b.flagged - a.flagged,
  );
  const items = itemsOf(lines).sort((a, b) => (priced ? byAmount(a.amount, b.amount) : 0) || b.tenants - a.tenants || b.quantity - a.quantity);
  return {
    rankedBy: priced ? 'amount' : 'size',
    totals: { lines: lines.length, tenants: new Set(lines.map((line) => line.tenant_id)).size, amount: lines.reduce<number | null>((sum, line) => addAmount(sum, line.amount), null) },
    flags: compared ? { new: count('new'), gone: count('gone'), changed: count('changed'), unchanged: count('') } : null,
    customers: customers.slice(0, top),
    items: items.slice(0, top),
    changes: biggestChanges(lines, top),
  };
}
