import type { Client } from 'openapi-fetch';
import { ResponseError } from '../errors.js';
import type { paths } from '../generated/schema.js';
import type { Runtime } from '../runtime.js';
import type { Secrets } from '../secrets.js';
import type { FullRetryPolicy } from '../transport/retry.js';

export interface WaitDefaults {
  /** First pause between polls (default 1 s). */
  initialDelayMs: number;
  /** Longest pause between polls (default 10 s), which bounds how late a ready file is noticed. */
  maxDelayMs: number;
  /** Growth of the pause after each poll (default 1.5). */
  factor: number;
  /** How long to wait in all before giving up (default 10 min). */
  timeoutMs: number;
}

/** What every operation needs: the typed HTTP client and the host's runtime. */
export interface ClientContext {
  api: Client<paths>;
  runtime: Runtime;
  baseUrl: string;
  apiBaseUrl: string;
  /** The API client's id when known: how its own tenant is found. */
  clientId: string | undefined;
  wait: WaitDefaults;
  recoverLostCreates: boolean;
  /** The retry policy of the client (maxRetries 0 when retries are off): creates and downloads use it too. */
  retry: FullRetryPolicy;
  secrets: Secrets;
  /** The API client's own tenant, once looked up. */
  ownTenantId?: Promise<string>;
  /** The creates of this client whose answers are still awaited: a recovery waits for them before it decides. */
  createsInFlight: Set<Promise<void>>;
  /** Reports this client's creates returned: a recovery never hands one of them to another caller. */
  claimedReports: Set<string>;
}

export interface CallOptions {
  signal?: AbortSignal;
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Runs one openapi-fetch call. Its middleware has already turned failures into typed errors; what is left here is
 * a success answer that does not hold what the description promises.
 */
export async function call<T>(ctx: Pick<ClientContext, 'secrets'>, operation: string, run: () => Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await run();
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new ResponseError({ operation, message: `${operation} failed: the answer was not valid JSON.`, cause: ctx.secrets.error(error) });
    }
    throw error;
  }
  if (result.data === undefined && result.response.status !== 204) {
    throw new ResponseError({ operation, message: `${operation}: the data center answered ${result.response.status} without a body.` });
  }
  return result.data as T;
}
