import { ValidationError } from '../errors.js';
import type { Secrets } from '../secrets.js';

/** Where bearer tokens come from. `refresh` is false when a fresh token cannot be had (a fixed token). */
export interface TokenSource {
  /** The token; a plain string when one is at hand, so that most calls wait for nothing. */
  get(signal?: AbortSignal): string | Promise<string>;
  /** Drops `token` so that the next `get` fetches another; false when there is no way to get another. */
  invalidate(token: string): boolean;
}

/**
 * A token as it may go into a header: a non-empty string of visible characters. A CR or LF would otherwise fail
 * deep in fetch as a TypeError that looks like a network fault (or split the header on a lax transport).
 */
export function checkedToken(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError({ issues: [{ field, message: `must be a non-empty string, got ${value === '' ? 'an empty string' : typeof value}` }] });
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new ValidationError({ issues: [{ field, message: 'must not contain line breaks or other control characters' }] });
  }
  return value;
}

/** A token the caller manages; a 401 cannot be cured here. */
export function fixedToken(token: unknown, secrets: Secrets): TokenSource {
  const checked = checkedToken(token, 'accessToken');
  secrets.add(checked);
  return { get: () => checked, invalidate: () => false };
}

/** A function of the caller's that returns a token; asked again (with `forceRefresh`) after a 401. */
export function providedToken(
  provider: (options: { forceRefresh: boolean; signal?: AbortSignal }) => Promise<string> | string,
  secrets: Secrets,
): TokenSource {
  let forceRefresh = false;
  return {
    async get(signal) {
      const token = await provider({ forceRefresh, ...(signal ? { signal } : {}) });
      // kept before it is checked: a refused token must not show up in the refusal either
      if (typeof token === 'string') secrets.add(token);
      forceRefresh = false;
      return checkedToken(token, 'tokenProvider()');
    },
    invalidate() {
      forceRefresh = true;
      return true;
    },
  };
}
