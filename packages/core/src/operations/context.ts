import type { Client } from 'openapi-fetch';
import { ResponseError } from '../errors.js';
import type { paths } from '../generated/schema.js';
import type { Runtime } from '../runtime.js';
import { errorFromResponse, translateThrown } from './errors-from-response.js';

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
  /** The API client's own tenant, once looked up. */
  ownTenantId?: Promise<string>;
}

export interface CallOptions {
  signal?: AbortSignal;
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/** Runs one openapi-fetch call and turns anything but success into a typed error. */
export async function call<T>(ctx: ClientContext, operation: string, run: () => Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await run();
  } catch (error) {
    throw translateThrown(error, operation, ctx.baseUrl);
  }
  if (result.response.ok) {
    if (result.data === undefined && result.response.status !== 204) throw new ResponseError(`${operation}: the data center answered ${result.response.status} without a body.`);
    return result.data as T;
  }
  throw errorFromResponse(operation, result.response, result.error, ctx.runtime.now());
}
