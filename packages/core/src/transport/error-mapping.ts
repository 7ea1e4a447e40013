import type { Middleware } from 'openapi-fetch';
import { errorFromResponse } from '../operations/errors-from-response.js';
import type { Runtime } from '../runtime.js';
import type { Secrets } from '../secrets.js';
import { operationOf } from './operation-names.js';

/**
 * The outermost layer: an answer that is still not a success once auth and retries are done becomes a typed
 * error, named after the public method, with the vendor's body kept and cleaned of every secret the client holds.
 */
export function errorMappingMiddleware(runtime: Runtime, secrets: Secrets, baseUrl: string): Middleware {
  return {
    async onResponse({ request, response }) {
      if (response.ok) return undefined;
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: kept as text
      }
      throw errorFromResponse({ operation: operationOf(request.method, request.url), response, body, now: runtime.now(), secrets, baseUrl });
    },
  };
}
