// The shapes of billing lines: one invoice-ready quantity per (tenant, offering item, edition, backend type, SKU).
import type { UsageFormat } from '../download/usage-row.js';

/** The formats billing lines are read from, in order of preference. */
export const LINE_FORMATS = ['csv_v2_0', 'json_v2_0'] as const satisfies readonly UsageFormat[];

/** Which usage figure of a row is billed: `<measure>.<part>`, e.g. `absolute.total`, `delta.production`. */
export type FigureMeasure = 'absolute' | 'delta' | 'effective';
export type FigurePart = 'production' | 'total' | 'trial';
export type Figure = `${FigureMeasure}.${FigurePart}`;

/** `new`: no line last month; `gone`: a line last month and none now (kept with quantity 0); `changed`: beyond the threshold. */
export type BillingLineFlag = 'new' | 'gone' | 'changed' | '';

/**
 * One billing line, with the fields of `billing-lines.csv` in its column order. null where a value does not apply
 * (an empty cell in the CSV).
 */
export interface BillingLine {
  tenant_id: string;
  tenant_name: string | null;
  tenant_kind: string;
  offering_item: string;
  edition: string;
  /** `infra.backend_type`, '' when the item has none. */
  backend_type: string;
  /** '' when the report has no SKU for the item. */
  sku: string;
  /** GB, points, count, or the file's own unit. */
  unit: string;
  /** In `unit`, rounded half up to 2 decimals. */
  quantity: number;
  /** The unrounded sum in the file's unit (bytes, seconds, quantity...). */
  raw_quantity: number;
  raw_unit: string;
  figure: Figure;
  customer_ref: string | null;
  product_code: string | null;
  unit_price: number | null;
  /** quantity x unit_price, 2 decimals; null without a price. */
  amount: number | null;
  previous_quantity: number | null;
  change: number | null;
  change_percent: number | null;
  /** null when no comparison was made. */
  flag: BillingLineFlag | null;
}

/** The columns of `billing-lines.csv`, in order (the JSON file has the same fields). */
export const BILLING_LINE_COLUMNS = [
  'tenant_id', 'tenant_name', 'tenant_kind', 'offering_item', 'edition', 'backend_type', 'sku', 'unit', 'quantity',
  'raw_quantity', 'raw_unit', 'figure', 'customer_ref', 'product_code', 'unit_price', 'amount', 'previous_quantity',
  'change', 'change_percent', 'flag',
] as const satisfies readonly (keyof BillingLine)[];

/** Why a line could not be fully mapped. It stays among the lines (with empty cells) and is listed here too. */
export interface BillingLineException {
  reason: 'unmapped_tenant' | 'unmapped_product';
  tenant_id: string;
  tenant_name: string | null;
  offering_item: string;
  edition: string;
  backend_type: string;
  sku: string;
  message: string;
}
