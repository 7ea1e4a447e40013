// Decimal text of the integers the formats print (usage in bytes runs to 13 digits). V8's own number-to-string
// is slow for numbers beyond 2^31, so whole numbers are put together from four-digit groups instead.

import type { Usage } from '../types.js';

const GROUP = 10_000;
const PLAIN = Array.from({ length: GROUP }, (_, i) => String(i));
const PADDED = Array.from({ length: GROUP }, (_, i) => String(i).padStart(4, '0'));
const GROUP_2 = GROUP * GROUP;

/** `String(value)`, faster for safe integers. */
export function integerText(value: number): string {
  if (value >= 0 && value < GROUP_2 && Number.isInteger(value)) {
    if (value < GROUP) return PLAIN[value]!;
    const high = Math.floor(value / GROUP);
    return PLAIN[high]! + PADDED[value - high * GROUP]!;
  }
  if (!Number.isSafeInteger(value)) return String(value);
  if (value < 0) return `-${integerText(-value)}`;
  let rest = value;
  let text = '';
  while (rest >= GROUP) {
    // The quotient may round up when rest is just below a multiple of GROUP; the remainder tells.
    let high = Math.floor(rest / GROUP);
    let low = rest - high * GROUP;
    if (low < 0) {
      high -= 1;
      low += GROUP;
    }
    text = PADDED[low]! + text;
    rest = high;
  }
  return PLAIN[rest]! + text;
}

/** `production,total,trial`, each number converted once (one of production and trial is usually 0). */
export function usageTriple(u: Usage): string {
  if (u.trial === 0 && u.total === u.production) {
    const total = integerText(u.total);
    return `${total},${total},0`;
  }
  if (u.production === 0 && u.total === u.trial) {
    const total = integerText(u.total);
    return `0,${total},${total}`;
  }
  return `${integerText(u.production)},${integerText(u.total)},${integerText(u.trial)}`;
}
