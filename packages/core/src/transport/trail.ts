import { redact } from '../redact.js';
import type { Runtime } from '../runtime.js';
import type { Send } from './fetch-like.js';

/** One HTTP attempt, as a host may log it (`--verbose`): no headers, no bodies, nothing secret. */
export interface RequestEvent {
  method: string;
  /** Path and query, credentials removed. */
  path: string;
  /** Status of the answer, or null when none came. */
  status: number | null;
  durationMs: number;
  error?: string;
}

export function withTrail(next: Send, runtime: Runtime, listener: (event: RequestEvent) => void): Send {
  return async (request) => {
    const started = runtime.now();
    const url = new URL(request.url);
    const path = redact(url.pathname + url.search);
    try {
      const response = await next(request);
      listener({ method: request.method, path, status: response.status, durationMs: runtime.now() - started });
      return response;
    } catch (error) {
      listener({ method: request.method, path, status: null, durationMs: runtime.now() - started, error: redact(String((error as Error)?.message ?? error)) });
      throw error;
    }
  };
}
