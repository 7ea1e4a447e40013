// The user accounts of a tenant: people with logins and mail addresses on a domain made from the tenant's name.

import type { TenantUser } from './types.js';
import { personName, slug } from './names.js';
import type { Rng } from './random.js';

/** `slug` of first and last names, which come from short lists: users are made for every synthetic customer. */
const nameSlugs = new Map<string, string>();

function nameSlug(name: string): string {
  let text = nameSlugs.get(name);
  if (text === undefined) {
    text = slug(name);
    if (nameSlugs.size < 4096) nameSlugs.set(name, text);
  }
  return text;
}

/** The first two words (of two letters or more) of the slugged name, e.g. `oakridge-dental.example`. */
export function mailDomain(name: string): string {
  const text = slug(name);
  let domain = '';
  let words = 0;
  for (let from = 0; from <= text.length && words < 2; ) {
    let to = text.indexOf('-', from);
    if (to < 0) to = text.length;
    if (to - from > 1) {
      domain += words === 0 ? text.slice(from, to) : `-${text.slice(from, to)}`;
      words++;
    }
    from = to + 1;
  }
  return `${domain || 'tenant'}.example`;
}

export function makeUsers(rng: Rng, tenantName: string, count: number): TenantUser[] {
  const domain = mailDomain(tenantName);
  const users: TenantUser[] = [];
  for (let i = 0; i < count; i++) {
    const { first, last } = personName(rng);
    const local = `${nameSlug(first)}.${nameSlug(last)}`;
    users.push({ id: rng.uuid(), login: `${local}${rng.int(1, 99)}`, email: `${local}@${domain}` });
  }
  return users;
}
