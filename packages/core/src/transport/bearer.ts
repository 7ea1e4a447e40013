import type { Middleware } from 'openapi-fetch';
import type { TokenSource } from '../auth/token-source.js';
import type { Attempt } from './attempt.js';

/** Adds `Authorization: Bearer`, and after a 401 gets a fresh token and sends the request once more. */
export function bearerMiddleware(tokens: TokenSource, attempt: Attempt): Middleware {
  const sent = new WeakMap<Request, string>();
  return {
    async onRequest({ request }) {
      const token = await tokens.get(request.signal);
      sent.set(request, token);
      request.headers.set('authorization', `Bearer ${token}`);
    },
    async onResponse({ request, response }) {
      const token = sent.get(request);
      if (response.status !== 401 || token === undefined || !tokens.invalidate(token)) return undefined;
      sent.delete(request); // one refresh per call
      await response.body?.cancel().catch(() => undefined);
      request.headers.set('authorization', `Bearer ${await tokens.get(request.signal)}`);
      return attempt(request);
    },
  };
}
