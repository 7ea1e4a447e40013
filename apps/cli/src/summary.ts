import { fileWebStream, parseUsageRows, type UsageRow } from '@acronis-reports/core';
import { table } from './tables.js';

export interface ItemTotal {
  offeringItem: string;
  unit: string;
  total: number;
  tenants: number;
  skus: string[];
}

export interface BillingSummary {
  tenants: number;
  offeringItems: number;
  items: ItemTotal[];
}

/** Totals by offering item over a billing file (csv_v2_0 or json_v2_0), in the vendor's units, streamed. */
export async function summarizeBillingFile(path: string, format: 'csv_v2_0' | 'json_v2_0'): Promise<BillingSummary> {
  // read as the parser asks: Node 20's Readable.toWeb reads a large file ahead of the consumer into memory
  const stream = fileWebStream(path);
  const tenants = new Set<string>();
  const items = new Map<string, ItemTotal & { tenantIds: Set<string> }>();
  for await (const row of parseUsageRows(stream, format) as AsyncIterable<UsageRow>) {
    tenants.add(row.tenantId);
    const key = `${row.offeringItem}\u0000${row.unit}`;
    let item = items.get(key);
    if (!item) {
      item = { offeringItem: row.offeringItem, unit: row.unit, total: 0, tenants: 0, skus: [], tenantIds: new Set() };
      items.set(key, item);
    }
    item.total += row.absolute.total;
    item.tenantIds.add(row.tenantId);
    if (row.sku && !item.skus.includes(row.sku)) item.skus.push(row.sku);
  }
  const totals = [...items.values()]
    .map(({ tenantIds, ...item }) => ({ ...item, tenants: tenantIds.size, total: Math.round(item.total * 100) / 100 }))
    .sort((a, b) => a.offeringItem.localeCompare(b.offeringItem));
  return { tenants: tenants.size, offeringItems: new Set(totals.map((item) => item.offeringItem)).size, items: totals };
}

export function summaryTable(summary: BillingSummary): string {
  const showSkus = summary.items.some((item) => item.skus.length > 0);
  const head = ['offering item', 'unit', 'total usage', 'tenants', ...(showSkus ? ['SKU'] : [])];
  const rows = summary.items.map((item) => [
    item.offeringItem,
    item.unit,
    item.total.toLocaleString('en-US', { maximumFractionDigits: 2 }),
    item.tenants,
    ...(showSkus ? [item.skus.join(' ') || '-'] : []),
  ]);
  return `${table(head, rows)}\n${summary.tenants} tenants, ${summary.offeringItems} offering items.`;
}
