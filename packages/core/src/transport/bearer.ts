import type { TokenSource } from '../auth/token-source.js';
import type { Send } from './fetch-like.js';

/** Adds `Authorization: Bearer`, and after a 401 gets a fresh token and repeats the request once. */
export function withBearer(next: Send, tokens: TokenSource): Send {
  return async (request) => {
    const signal = request.signal ?? undefined;
    const cached = tokens.get(signal);
    const token = typeof cached === 'string' ? cached : await cached;
    request.headers.set('authorization', `Bearer ${token}`);
    const first = await next(request);
    if (first.status !== 401 || !tokens.invalidate(token)) return first;
    await first.body?.cancel().catch(() => undefined);
    request.headers.set('authorization', `Bearer ${await tokens.get(signal)}`);
    return next(request);
  };
}
