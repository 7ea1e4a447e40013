// Text that depends on nothing but an offering item's fields (its quota aside), rendered once per distinct item.
// Padded files bring tens of thousands of item objects, but their fields take only a few dozen values; quotas
// take many more, so text that shows a quota is not for this memo.

import type { OfferingItem } from '../types.js';

/** Distinct items remembered per item name; beyond that, text is rendered every time. */
const LIMIT_PER_NAME = 64;

const sameItem = (a: OfferingItem, b: OfferingItem): boolean =>
  a.applicationId === b.applicationId &&
  a.edition === b.edition &&
  a.infraId === b.infraId &&
  a.backendType === b.backendType &&
  a.ownerId === b.ownerId &&
  a.sku === b.sku &&
  a.measurementUnit === b.measurementUnit;

export class ItemMemo<T> {
  private readonly byName = new Map<string, { item: OfferingItem; value: T }[]>();

  constructor(private readonly render: (item: OfferingItem) => T) {}

  get(item: OfferingItem): T {
    let seen = this.byName.get(item.name);
    if (!seen) {
      seen = [];
      this.byName.set(item.name, seen);
    }
    for (const entry of seen) if (entry.item === item || sameItem(entry.item, item)) return entry.value;
    const value = this.render(item);
    if (seen.length < LIMIT_PER_NAME) seen.push({ item, value });
    return value;
  }
}
