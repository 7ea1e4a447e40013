// Month over month: each line gets last month's quantity, the change and a flag. A line of last month with
// none now is kept as `gone` with quantity 0, so a dropped service shows up instead of vanishing.

import { lineKey } from './aggregate.js';
import { roundHalfUp } from './numbers.js';
import type { BillingLine } from './types.js';

export const DEFAULT_CHANGE_THRESHOLD = 25;

const keyOf = (line: BillingLine): string => lineKey(line.tenant_id, line.offering_item, line.edition, line.backend_type, line.sku);

/**
 * `current` compared with `previous` (last month's lines, computed the same way). `thresholdPercent`: a change
 * beyond it (strictly) in either direction flags the line `changed`.
 */
export function compareWithPrevious(
  current: readonly BillingLine[],
  previous: readonly BillingLine[],
  thresholdPercent = DEFAULT_CHANGE_THRESHOLD,
): BillingLine[] {
  const before = new Map<string, BillingLine>();
  for (const line of previous) before.set(keyOf(line), line);
  const out: BillingLine[] = [];
  for (const line of current) {
    const key = keyOf(line);
    const last = before.get(key);
    before.delete(key);
    out.push(last ? compared(line, last.quantity, thresholdPercent) : { ...line, previous_quantity: null, change: null, change_percent: null, flag: 'new' });
  }
  for (const last of before.values()) {
    const gone: BillingLine = { ...last, quantity: 0, raw_quantity: 0, customer_ref: null, product_code: null, unit_price: null, amount: null };
    out.push({ ...compared(gone, last.quantity, thresholdPercent), flag: 'gone' });
  }
  return out;
}

function compared(line: BillingLine, previous: number, thresholdPercent: number): BillingLine {
  const change = roundHalfUp(line.quantity - previous);
  const ratio = previous === 0 ? null : (change / previous) * 100;
  const changed = ratio === null ? change !== 0 : Math.abs(ratio) > thresholdPercent;
  return {
    ...line,
    previous_quantity: previous,
    change,
    change_percent: ratio === null ? null : roundHalfUp(ratio),
    flag: changed ? 'changed' : '',
  };
}
