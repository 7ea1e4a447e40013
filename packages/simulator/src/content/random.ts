// Seeded, deterministic randomness. Nothing here reads the clock or Math.random:
// the same seed always yields the same tenant tree, usage and report bytes.

const TWO_POW_32 = 4294967296;

/** Murmur3's 32-bit finalizer: spreads every input bit over the whole word. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, finalized with fmix32. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** The state `hashSeed` starts from, for callers that fold parts in one at a time with `hashStep`. */
export const HASH_START = 0x9e3779b9;

/** Folds one more part into a `hashSeed` state: `hashSeed(a, b)` is `hashStep(hashStep(HASH_START, a), b)`. */
export function hashStep(h: number, part: string | number): number {
  return typeof part === 'number' ? fmix32(h ^ fmix32(part + 0x7f4a7c15)) : hashString(part, h);
}

/** Folds any mix of strings and numbers into one 32-bit seed. */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let h = HASH_START;
  for (const part of parts) h = hashStep(h, part);
  return h;
}

/** A float in [0, 1) from two words, without any state: handy for per-day noise. */
export function noise(seed: number, index: number): number {
  return fmix32(seed ^ Math.imul(index, 0x9e3779b1)) / TWO_POW_32;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function uuidFromWords(a: number, b: number, c: number, d: number): string {
  const hex = (w: number) => HEX[(w >>> 24) & 255]! + HEX[(w >>> 16) & 255]! + HEX[(w >>> 8) & 255]! + HEX[w & 255]!;
  // RFC 4122 version 4 layout: version nibble 4, variant bits 10xx.
  const b2 = ((b & 0xffff0fff) | 0x00004000) >>> 0;
  const c2 = ((c & 0x3fffffff) | 0x80000000) >>> 0;
  const hb = hex(b2);
  const hc = hex(c2);
  return `${hex(a)}-${hb.slice(0, 4)}-${hb.slice(4)}-${hc.slice(0, 4)}-${hc.slice(4)}${hex(d)}`;
}

/** A version-4-shaped UUID that depends only on `name`: for ids that must not change with the seed. */
export function stableUuid(name: string): string {
  const h = hashString(name);
  return uuidFromWords(h, fmix32(h + 1), fmix32(h + 2), fmix32(h + 3));
}

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items in random order (all of them when count >= length). */
  sample<T>(items: readonly T[], count: number): T[];
  /** A lowercase, version-4-shaped UUID. */
  uuid(): string;
  /** A raw 32-bit word. */
  word(): number;
}

/**
 * sfc32 (Chris Doty-Humphrey's small fast counter), seeded through a splitmix32-style scramble so that
 * nearby seeds give unrelated streams. A class, not closures: padded files create one per synthetic customer.
 * The state is kept as int32 (the same bits as the uint32 words) so that V8 keeps it unboxed.
 */
class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number) {
    // Three splitmix32-style steps, without a closure.
    const s = seed >>> 0;
    this.a = fmix32((s + 0x9e3779b9) >>> 0) | 0;
    this.b = fmix32((s + 2 * 0x9e3779b9) >>> 0) | 0;
    this.c = fmix32((s + 3 * 0x9e3779b9) >>> 0) | 0;
    // Discard the first outputs: sfc32 mixes its state in during its first dozen rounds.
    for (let i = 0; i < 12; i++) this.step();
  }

  /** One round; returns the output word as int32. */
  private step(): number {
    const { a, b, c, d } = this;
    const t = (a + b + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t;
  }

  word(): number {
    return this.step() >>> 0;
  }

  next(): number {
    return this.word() / TWO_POW_32;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick() needs at least one item');
    return items[Math.floor(this.next() * items.length)]!;
  }

  sample<T>(items: readonly T[], count: number): T[] {
    const pool = items.slice();
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const swap = pool[i]!;
      pool[i] = pool[j]!;
      pool[j] = swap;
    }
    return pool.slice(0, Math.max(0, count));
  }

  uuid(): string {
    return uuidFromWords(this.word(), this.word(), this.word(), this.word());
  }
}

export function createRng(seed: number): Rng {
  return new Sfc32(seed);
}
