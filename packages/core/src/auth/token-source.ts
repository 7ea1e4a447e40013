/** Where bearer tokens come from. `refresh` is false when a fresh token cannot be had (a fixed token). */
export interface TokenSource {
  /** The token; a plain string when one is at hand, so that most calls wait for nothing. */
  get(signal?: AbortSignal): string | Promise<string>;
  /** Drops `token` so that the next `get` fetches another; false when there is no way to get another. */
  invalidate(token: string): boolean;
}

/** A token the caller manages; a 401 cannot be cured here. */
export function fixedToken(token: string): TokenSource {
  return { get: () => token, invalidate: () => false };
}

/** A function of the caller's that returns a token; asked again (with `forceRefresh`) after a 401. */
export function providedToken(provider: (options: { forceRefresh: boolean; signal?: AbortSignal }) => Promise<string> | string): TokenSource {
  let forceRefresh = false;
  return {
    async get(signal) {
      const token = await provider({ forceRefresh, ...(signal ? { signal } : {}) });
      forceRefresh = false;
      return token;
    },
    invalidate() {
      forceRefresh = true;
      return true;
    },
  };
}
