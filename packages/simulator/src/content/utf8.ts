// Sizes of text in UTF-8, the encoding report files are stored in.

import type { Tenant } from './types.js';

const NON_ASCII = /[^\x00-\x7f]/;

/** Bytes of `text` in UTF-8 (a lone surrogate counts as the 3-byte replacement character, as Node encodes it). */
export function utf8Length(text: string): number {
  return NON_ASCII.test(text) ? Buffer.byteLength(text, 'utf8') : text.length;
}

/**
 * For text whose only non-ASCII characters are those of `source` (say, a row that prints a tenant's name amid
 * ASCII): a function giving its UTF-8 bytes beyond one per UTF-16 unit, found by counting those characters
 * natively rather than by encoding the text. Null when `source` holds surrogates (then measure in full).
 */
export function extraBytesOf(source: string): ((text: string) => number) | null {
  let chars = '';
  const extras: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c < 0x80 || chars.includes(source[i]!)) continue;
    if (c >= 0xd800 && c <= 0xdfff) return null;
    chars += source[i]!;
    extras.push(c < 0x800 ? 1 : 2);
  }
  return (text) => {
    let extra = 0;
    for (let i = 0; i < chars.length; i++) {
      const char = chars[i]!;
      for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) extra += extras[i]!;
    }
    return extra;
  };
}

/** Whether `text` is all ASCII, so that it is as many UTF-8 bytes as UTF-16 units. */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
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
