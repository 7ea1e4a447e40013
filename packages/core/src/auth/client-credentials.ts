import type { Client } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import type { Runtime } from '../runtime.js';
import type { Secrets } from '../secrets.js';
import { call } from '../operations/context.js';
import type { TokenSource } from './token-source.js';

/** Tokens live two hours on the vendor's side; used when an answer does not say. */
const defaultLifetimeMs = 2 * 60 * 60 * 1000;
/** Renew this long before expiry so that a token never dies in flight. */
const renewMarginMs = 60 * 1000;

/** `Basic base64(id:secret)`; the value is a secret too. */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  const bytes = new TextEncoder().encode(`${clientId}:${clientSecret}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

export interface IssuedToken {
  accessToken: string;
  /** When core will consider it due for renewal (ms since the epoch, on the runtime's clock). */
  renewAt: number;
  /** When it expires (ms since the epoch, on the runtime's clock). */
  expiresAt: number;
}

export interface TokenExchange {
  api: Client<paths>;
  credentials: { clientId: string; clientSecret: string };
  runtime: Runtime;
  secrets: Secrets;
}

/** One client credentials exchange at `/idp/token`; failures are typed by the client's middleware. */
export async function requestToken({ api, credentials, runtime, secrets }: TokenExchange, signal?: AbortSignal): Promise<IssuedToken> {
  const requested = runtime.now();
  const authorization = basicAuthorization(credentials.clientId, credentials.clientSecret);
  secrets.add(credentials.clientSecret);
  secrets.add(authorization.slice('Basic '.length));
  const data = await call({ secrets }, 'requestAccessToken', () =>
    api.POST('/idp/token', {
      body: { grant_type: 'client_credentials' },
      bodySerializer: (body) => new URLSearchParams(body as Record<string, string>).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
      ...(signal ? { signal } : {}),
    }),
  );
  secrets.add(data.access_token);
  secrets.add(data.id_token);
  secrets.add(data.refresh_token);
  // expires_in is relative, so it holds whatever the difference between the server's clock and ours;
  // expires_on is used only without it, and only when it lies ahead of our clock.
  const expiresAt = data.expires_in
    ? requested + data.expires_in * 1000
    : data.expires_on && data.expires_on * 1000 > requested
      ? data.expires_on * 1000
      : requested + defaultLifetimeMs;
  const lifetime = expiresAt - requested;
  return { accessToken: data.access_token, expiresAt, renewAt: expiresAt - Math.min(renewMarginMs, lifetime / 2) };
}

/**
 * Client credentials exchanged at `/idp/token`: the token is cached until shortly before it expires, fetched once
 * for any number of concurrent callers, and dropped after a 401 so the next call gets a new one.
 */
export function clientCredentialsTokens(exchange: TokenExchange): TokenSource {
  let current: IssuedToken | undefined;
  let pending: Promise<string> | undefined;

  return {
    get() {
      if (current && exchange.runtime.now() < current.renewAt) return current.accessToken;
      // shared by every caller, so it runs without any one caller's signal
      pending ??= requestToken(exchange)
        .then((issued) => {
          current = issued;
          return issued.accessToken;
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
    invalidate(token) {
      if (current?.accessToken === token) current = undefined;
      return true;
    },
  };
}
