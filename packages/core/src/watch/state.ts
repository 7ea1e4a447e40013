import { isPlainObject } from '../options.js';
import type { Report } from '../types.js';
import type { CheckedWatch } from './options.js';

/**
 * What a poll keeps of a report that may still change (or is not yet looked at). Short keys: thousands of these
 * may sit in an n8n workflow's static data or a Zapier cache entry.
 */
export interface OpenEntry {
  /** Appeared after the baseline and not looked at yet: its files with the event's status are events. */
  n?: 1;
  /** Asleep until this time (ms): nothing can change before it. */
  w?: number;
  /** Last checked (ms; 0: never): the least recently checked go first. */
  c: number;
  /** When its generation was due (ms): it is given up on `giveUpAfterMs` later. */
  d?: number;
  /** Only stored items created at or after this time (ms) belong to the generation watched (monthly reports). */
  f?: number;
  /** Key prefixes of its stored items already emitted (or present at the baseline), newest last, bounded. */
  s?: string[];
  /** The report, kept while its files are watched, so that an event carries it without another request. */
  r?: Report;
}

export interface WatchState {
  v: 1;
  /** Tenant or report, event and formats: a poll with other settings starts a new baseline. */
  scope: string;
  /** When the baseline was taken (ms). */
  base: number;
  /** Settled reports, as key prefixes one after another: nothing about them can change any more. */
  done: string;
  /** Reports of the baseline not yet classified, as key prefixes, in the list's order. */
  todo: string;
  open: Record<string, OpenEntry>;
}

/**
 * A report (or stored item) is kept by the first 12 hex digits of its UUID: 48 bits, fixed per id. Random (v4)
 * UUIDs make two of 5,000 reports share a prefix with a chance of about n^2 / 2^49 = 4e-8, and a new report match
 * one of them with 5,000 / 2^48 = 2e-11; time-based (v1) UUIDs share them only when made in the same 100 ns tick.
 * A collision would make one report pass for another (its files not announced), so it must stay that unlikely.
 */
export const keyLength = 12;
export const keyOf = (id: string): string => id.slice(0, 8) + id.slice(9, 13);

/** The scope a state belongs to. */
export function scopeOf(watch: CheckedWatch, tenantId: string | undefined): string {
  const target = watch.reportId ? `r:${watch.reportId}` : `t:${tenantId}`;
  return `${target}|${watch.event}|${watch.formats.join(',') || '*'}`;
}

export function emptyState(scope: string, now: number): WatchState {
  return { v: 1, scope, base: now, done: '', todo: '', open: {} };
}

const keyRun = new RegExp(`^(?:[0-9a-f]{${keyLength}})*$`);

/** The previous poll's state when it is one of this scope, else null (a new baseline). */
export function readState(value: unknown, scope: string): WatchState | null {
  if (!isPlainObject(value) || value['v'] !== 1 || value['scope'] !== scope) return null;
  const { base, done, todo, open } = value;
  if (typeof base !== 'number' || typeof done !== 'string' || typeof todo !== 'string' || !keyRun.test(done) || !keyRun.test(todo)) return null;
  if (!isPlainObject(open) || !Object.values(open).every((entry) => isPlainObject(entry) && typeof entry['c'] === 'number')) return null;
  // a copy: the caller's object (n8n's static data) is replaced only by what this poll returns
  return structuredClone({ v: 1, scope, base, done, todo, open: open as Record<string, OpenEntry> });
}

/** Key prefixes packed one after another, as a list. */
export function unpack(packed: string): string[] {
  const keys: string[] = [];
  for (let at = 0; at < packed.length; at += keyLength) keys.push(packed.slice(at, at + keyLength));
  return keys;
}

export const pack = (keys: Iterable<string>): string => [...keys].join('');
