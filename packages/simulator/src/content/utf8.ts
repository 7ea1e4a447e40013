// Sizes of text in UTF-8, the encoding report files are stored in.

import type { Tenant } from './types.js';

const NON_ASCII = /[^\x00-\x7f]/;

/** Bytes of `text` in UTF-8 (a lone surrogate counts as the 3-byte replacement character). */
export function utf8Length(text: string): number {
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair: 2 units, 4 bytes.
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      bytes += 2;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

/** Whether `text` is all ASCII, so that it is as many UTF-8 bytes as UTF-16 units. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Whether every text of `tenant` that a report can print is ASCII: its id, name and parent, its users, and the
 * fields of its items. The formats add only ASCII of their own (keys, markup, numbers, dates, catalog titles), so
 * then each of the tenant's rows is as many bytes as UTF-16 units.
 */
export function isAsciiTenant(tenant: Tenant): boolean {
  if (!isAscii(tenant.name) || !isAscii(tenant.id) || !isAscii(tenant.parentId ?? '')) return false;
  for (const user of tenant.users) if (!isAscii(user.id) || !isAscii(user.login) || !isAscii(user.email)) return false;
  for (const item of tenant.offeringItems) {
    const ascii =
      isAscii(item.name) && isAscii(item.applicationId) && isAscii(item.edition) && isAscii(item.infraId) &&
      isAscii(item.backendType) && isAscii(item.ownerId) && isAscii(item.sku ?? '') && isAscii(item.measurementUnit);
    if (!ascii) return false;
  }
  return true;
}
