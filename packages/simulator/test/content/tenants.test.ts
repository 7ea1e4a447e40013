import { describe, expect, it } from 'vitest';
import { APPLICATIONS, createTenantTree, usageOn } from '../../src/content/index.js';
import type { Tenant } from '../../src/content/index.js';
import { SEED, tree } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const all = [tree.root, ...tree.descendants(tree.root)];
const customers = all.filter((t) => t.kind === 'customer');
const partners = all.filter((t) => t.kind === 'partner');

function dates(start: string, days: number): string[] {
  const first = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(first + i * 86_400_000).toISOString().slice(0, 10));
}

describe('createTenantTree', () => {
  it('is the same tree for the same seed and a different one for another seed', () => {
    expect(JSON.stringify(createTenantTree({ seed: SEED }).root)).toBe(JSON.stringify(tree.root));
    expect(JSON.stringify(createTenantTree({ seed: SEED + 1 }).root)).not.toBe(JSON.stringify(tree.root));
  });

  it('roots the tree at the API client partner, with the given id and name', () => {
    expect(tree.root).toMatchObject({ kind: 'partner', name: 'Demo MSP', parentId: null });
    const custom = createTenantTree({ seed: 3, rootTenantId: 'AB7C1E12-2D3F-4C5A-9B8E-0123456789AB', rootName: 'Acme MSP' });
    expect(custom.root.id).toBe('ab7c1e12-2d3f-4c5a-9b8e-0123456789ab');
    expect(custom.root.name).toBe('Acme MSP');
    expect(custom.byId.get(custom.root.id)).toBe(custom.root);
    for (const child of custom.root.children) expect(child.parentId).toBe(custom.root.id);
  });

  it('has three sub-partners with two to four customers each, a folder and three to five direct customers', () => {
    const kids = tree.root.children;
    const subPartners = kids.filter((t) => t.kind === 'partner');
    expect(subPartners).toHaveLength(3);
    for (const sub of subPartners) {
      const own = sub.children.filter((t) => t.kind === 'customer').length;
      expect(own).toBeGreaterThanOrEqual(2);
      expect(own).toBeLessThanOrEqual(4);
    }
    expect(kids.filter((t) => t.kind === 'folder')).toHaveLength(1);
    const direct = kids.filter((t) => t.kind === 'customer').length;
    expect(direct).toBeGreaterThanOrEqual(3);
    expect(direct).toBeLessThanOrEqual(5);
    // A partner below a sub-partner, so all_partners differs from direct_partners.
    expect(subPartners.some((p) => p.children.some((c) => c.kind === 'partner'))).toBe(true);
  });

  it('indexes every tenant by a unique lowercase UUID with consistent parent links', () => {
    expect(tree.byId.size).toBe(all.length);
    expect(tree.descendants(tree.root)).toHaveLength(all.length - 1);
    for (const tenant of all) {
      expect(tenant.id).toMatch(UUID);
      expect(tree.byId.get(tenant.id)).toBe(tenant);
      for (const child of tenant.children) expect(child.parentId).toBe(tenant.id);
    }
  });

  it('gives customers 6 to 14 items, partners the union of what is below them, folders none', () => {
    for (const c of customers) {
      expect(c.offeringItems.length).toBeGreaterThanOrEqual(6);
      expect(c.offeringItems.length).toBeLessThanOrEqual(14);
      expect(c.users.length).toBeGreaterThanOrEqual(1);
    }
    for (const f of all.filter((t) => t.kind === 'folder')) expect(f.offeringItems).toHaveLength(0);
    const key = (i: { name: string; edition: string; infraId: string }) => `${i.name}|${i.edition}|${i.infraId}`;
    for (const p of partners) {
      const below = tree.descendants(p).filter((t) => t.kind === 'customer').flatMap((t) => t.offeringItems.map(key));
      expect(new Set(p.offeringItems.map(key))).toEqual(new Set(below));
    }
  });

  it('describes items like the vendor: fixed application ids, editions, infrastructures, units', () => {
    const appIds = new Set(Object.values(APPLICATIONS).map((a) => a.id));
    const other = createTenantTree({ seed: 99 });
    expect(other.root.offeringItems.find((i) => i.name === 'storage')?.applicationId).toBe(APPLICATIONS.backup.id);
    for (const item of all.flatMap((t) => t.offeringItems)) {
      expect(appIds.has(item.applicationId)).toBe(true);
      expect(['bytes', 'quantity', 'seconds']).toContain(item.measurementUnit);
      expect(['standard', 'advanced', 'pay_as_you_go', '']).toContain(item.edition);
      if (item.infraId === '') expect([item.backendType, item.ownerId]).toEqual(['', '']);
      else {
        expect(item.infraId).toMatch(UUID);
        expect(['acronis', 'azure', 'google']).toContain(item.backendType);
        expect(tree.byId.get(item.ownerId)?.kind).toBe('partner');
      }
    }
    const names = new Set(all.flatMap((t) => t.offeringItems.map((i) => i.name)));
    for (const expected of ['storage', 'local_storage', 'pc_backup', 'server_backup', 'vm_backup']) expect(names).toContain(expected);
  });

  it('has SKUs for most partners but not all, and never for items sold without one', () => {
    const skuOf = (t: Tenant) => t.offeringItems.filter((i) => i.sku !== null).length;
    expect(partners.filter((p) => skuOf(p) === 0).length).toBeGreaterThanOrEqual(1);
    expect(partners.filter((p) => skuOf(p) > 0).length).toBeGreaterThanOrEqual(2);
    for (const item of all.flatMap((t) => t.offeringItems)) {
      if (item.sku !== null) expect(item.sku).toMatch(/^S[A-Z0-9]{4,}ENS$/);
      if (item.name === 'local_storage') expect(item.sku).toBeNull();
    }
  });

  it('names some tenants with commas and quotes, as real customers are', () => {
    expect(customers.some((c) => c.name.includes(','))).toBe(true);
    expect(customers.some((c) => c.name.includes('"'))).toBe(true);
    for (const user of all.flatMap((t) => t.users)) {
      expect(user.id).toMatch(UUID);
      expect(user.email).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+\.example$/);
    }
  });
});

describe('usageOn', () => {
  const may = dates('2025-05-01', 31);

  it('is deterministic and keeps total = production + trial', () => {
    for (const tenant of all) {
      for (const item of tenant.offeringItems) {
        for (const date of ['2019-03-01', '2024-12-31', '2025-05-15']) {
          const u = usageOn(tenant, item, date, SEED);
          expect(u.total).toBe(u.production + u.trial);
          expect(u.production).toBeGreaterThanOrEqual(0);
          expect(u.trial).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(u.total)).toBe(true);
          expect(usageOn(tenant, item, date, SEED)).toEqual(u);
        }
      }
    }
  });

  it('adds customer usage up into the partners above', () => {
    const key = (i: { name: string; edition: string; infraId: string }) => `${i.name}|${i.edition}|${i.infraId}`;
    for (const p of partners) {
      for (const item of p.offeringItems) {
        const sum = tree
          .descendants(p)
          .filter((t) => t.kind === 'customer')
          .flatMap((t) => t.offeringItems.filter((i) => key(i) === key(item)).map((i) => usageOn(t, i, '2025-05-31', SEED).total))
          .reduce((a, b) => a + b, 0);
        expect(usageOn(p, item, '2025-05-31', SEED).total).toBe(sum);
      }
    }
  });

  it('leaves some items unused, and once an item is used it stays in use', () => {
    const items = customers.flatMap((c) => c.offeringItems.map((item) => ({ c, item })));
    const unused = items.filter(({ c, item }) => usageOn(c, item, '2025-05-31', SEED).total === 0);
    expect(unused.length).toBeGreaterThan(0);
    expect(unused.length).toBeLessThan(items.length / 2);
    const sampled = dates('2017-12-01', 3100).filter((_, i) => i % 29 === 0);
    for (const { c, item } of items) {
      let started = false;
      for (const date of sampled) {
        const total = usageOn(c, item, date, SEED).total;
        if (started) expect(total).toBeGreaterThan(0);
        started ||= total > 0;
      }
    }
  });

  it('never lets counters (DR compute seconds) go backwards and keeps them in whole minutes', () => {
    const counters = customers.flatMap((c) => c.offeringItems.filter((i) => i.measurementUnit === 'seconds').map((item) => ({ c, item })));
    expect(counters.length).toBeGreaterThan(0);
    for (const { c, item } of counters) {
      let previous = -1;
      for (const date of may) {
        const u = usageOn(c, item, date, SEED);
        expect(u.total % 60).toBe(0);
        expect(u.total).toBeGreaterThanOrEqual(previous);
        previous = u.total;
      }
    }
  });

  it('grows storage over time overall and keeps seats within their quota', () => {
    const storage = customers.flatMap((c) => c.offeringItems.filter((i) => i.name === 'storage').map((item) => ({ c, item })));
    const sum = (date: string) => storage.reduce((a, { c, item }) => a + usageOn(c, item, date, SEED).total, 0);
    expect(sum('2025-05-31')).toBeGreaterThan(sum('2024-05-31'));
    for (const c of customers) {
      for (const item of c.offeringItems.filter((i) => i.measurementUnit === 'quantity' && i.quota !== undefined)) {
        for (const date of may) expect(usageOn(c, item, date, SEED).total).toBeLessThanOrEqual(item.quota!);
      }
    }
  });
});
