// The tree over time: in its changes month one customer joins and one leaves; everyone else stays as they were.
import { describe, expect, it } from 'vitest';
import { createTenantTree, usageOn } from '../../src/content/index.js';
import type { Tenant } from '../../src/content/index.js';
import { SEED } from './helpers.js';

const still = createTenantTree({ seed: SEED });
const changing = createTenantTree({ seed: SEED, changesMonth: '2026-10' });
const everyone = (root: Tenant) => [root, ...changing.descendants(root)];
const usedOn = (tenant: Tenant, date: string) => tenant.offeringItems.reduce((sum, item) => sum + usageOn(tenant, item, date, SEED).total, 0);

describe('createTenantTree with a changes month', () => {
  const joined = everyone(changing.root).filter((t) => t.joinedDay !== undefined);
  const left = everyone(changing.root).filter((t) => t.leftDay !== undefined);

  it('adds one customer, lets one go and has one grow, keeping every other tenant as it was', () => {
    expect(joined).toHaveLength(1);
    expect(left).toHaveLength(1);
    expect(everyone(changing.root).filter((t) => t.grewDay !== undefined)).toHaveLength(1);
    expect(joined[0]!.kind).toBe('customer');
    expect(still.byId.has(joined[0]!.id)).toBe(false);
    const before = everyone(still.root).map((t) => JSON.stringify({ ...t, children: t.children.length, offeringItems: t.kind === 'customer' ? t.offeringItems : [] }));
    const after = everyone(changing.root)
      .filter((t) => t !== joined[0])
      .map((t) => {
        const { leftDay: _left, grewDay: _grew, ...rest } = t;
        return JSON.stringify({ ...rest, children: t.children.filter((c) => c !== joined[0]).length, offeringItems: t.kind === 'customer' ? t.offeringItems : [] });
      });
    expect(after).toEqual(before);
  });

  it('bills the new customer only from the 10th, and the leaving one only until the 4th', () => {
    const newcomer = joined[0]!;
    const leaver = left[0]!;
    expect(usedOn(newcomer, '2026-09-30')).toBe(0);
    expect(usedOn(newcomer, '2026-10-09')).toBe(0);
    expect(usedOn(newcomer, '2026-10-31')).toBeGreaterThan(0);
    expect(usedOn(leaver, '2026-09-30')).toBeGreaterThan(0);
    expect(usedOn(leaver, '2026-10-04')).toBeGreaterThan(0);
    expect(usedOn(leaver, '2026-10-05')).toBe(0);
    expect(usedOn(leaver, '2026-10-31')).toBe(0);
  });

  it('grows one customer by half from the 15th, where its quotas leave room', () => {
    const grower = everyone(changing.root).find((t) => t.grewDay !== undefined)!;
    // the same customer in the tree without changes: its own item objects (profiles are cached per item object)
    const same = still.byId.get(grower.id)!;
    const stock = (t: Tenant) => t.offeringItems.filter((item) => item.measurementUnit !== 'seconds' && item.name !== 'notary_notarizations' && item.quota === undefined);
    const grown = stock(grower).map((item) => [usageOn(grower, item, '2026-10-14', SEED).total, usageOn(grower, item, '2026-10-15', SEED).total]);
    const steady = stock(same).map((item) => [usageOn(same, item, '2026-10-14', SEED).total, usageOn(same, item, '2026-10-15', SEED).total]);
    expect(grown.map(([before]) => before)).toEqual(steady.map(([before]) => before));
    const used = grown.map(([before, after], i) => ({ before, after, unchanged: steady[i]![1]! })).filter((u) => u.before! > 0);
    expect(used.length).toBeGreaterThan(2);
    for (const u of used) {
      expect(u.after).toBeGreaterThan(u.before! * 1.3);
      expect(u.after).toBeGreaterThan(u.unchanged * 1.3);
    }
  });
});
