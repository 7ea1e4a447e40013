import { describe, expect, it, vi } from 'vitest';
import { createRng, createTenantTree, hashSeed, hashString, renderReportFile, stableUuid } from '../../src/content/index.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createRng', () => {
  it('repeats the same stream for the same seed and another one for another seed', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => rng.word());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps next() in [0, 1) and int() within both inclusive bounds', () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = rng.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('picks and samples only from the given items, sample without repeats', () => {
    const rng = createRng(9);
    const items = ['a', 'b', 'c', 'd', 'e'];
    for (let i = 0; i < 100; i++) expect(items).toContain(rng.pick(items));
    const sample = rng.sample(items, 3);
    expect(new Set(sample).size).toBe(3);
    expect(rng.sample(items, 10)).toHaveLength(5);
    expect(() => rng.pick([])).toThrow();
  });

  it('draws lowercase version-4-shaped UUIDs without collisions', () => {
    const rng = createRng(5);
    const ids = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const id = rng.uuid();
      expect(id).toMatch(UUID_V4);
      ids.add(id);
    }
    expect(ids.size).toBe(10_000);
  });
});

describe('hashing', () => {
  it('is deterministic and sensitive to every part and its order', () => {
    expect(hashSeed('a', 1, 'b')).toBe(hashSeed('a', 1, 'b'));
    expect(hashSeed('a', 1, 'b')).not.toBe(hashSeed('b', 1, 'a'));
    expect(hashSeed('a', 1)).not.toBe(hashSeed('a', 2));
    expect(hashString('tenant')).toBe(hashString('tenant'));
    expect(hashString('tenant')).not.toBe(hashString('tenanT'));
  });

  it('derives stable UUIDs from names', () => {
    expect(stableUuid('x')).toBe(stableUuid('x'));
    expect(stableUuid('x')).not.toBe(stableUuid('y'));
    expect(stableUuid('x')).toMatch(UUID_V4);
  });
});

describe('no hidden entropy', () => {
  it('builds trees and renders files without Math.random or the clock', () => {
    const random = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    const now = vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    try {
      const tree = createTenantTree({ seed: 11 });
      const request = {
        tree,
        tenantId: tree.root.id,
        kind: 'usage_breakdown' as const,
        level: 'accounts' as const,
        format: 'json_v2_0' as const,
        period: { start: '2025-01-01', end: '2025-01-05' },
        generationDate: '2025-01-06',
        hideZeroUsage: true,
        showSkus: true,
        seed: 11,
        targetBytes: 200_000,
      };
      expect([...renderReportFile(request)].join('').length).toBeGreaterThan(200_000);
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
  });
});
