import type { TokenSource } from '../auth/token-source.js';
import { withHeaders, type FetchLike } from './fetch-like.js';

/** Adds `Authorization: Bearer`, and after a 401 gets a fresh token and repeats the request once. */
export function withBearer(next: FetchLike, tokens: TokenSource): FetchLike {
  return async (request) => {
    const token = await tokens.get(request.signal);
    const first = await next(withHeaders(request.clone(), { authorization: `Bearer ${token}` }));
    if (first.status !== 401 || !tokens.invalidate(token)) return first;
    await first.body?.cancel().catch(() => undefined);
    const fresh = await tokens.get(request.signal);
    return next(withHeaders(request, { authorization: `Bearer ${fresh}` }));
  };
}
