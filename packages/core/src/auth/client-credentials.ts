import type { Client } from 'openapi-fetch';
import { ApiError, AuthenticationError } from '../errors.js';
import type { paths } from '../generated/schema.js';
import type { Runtime } from '../runtime.js';
import { errorFromResponse, translateThrown } from '../operations/errors-from-response.js';
import type { TokenSource } from './token-source.js';

/** Tokens live two hours on the vendor's side; used when an answer does not say. */
const defaultLifetimeMs = 2 * 60 * 60 * 1000;
/** Renew this long before expiry so that a token never dies in flight. */
const renewMarginMs = 60 * 1000;

function basicAuthorization(clientId: string, clientSecret: string): string {
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

/** One client credentials exchange at `/idp/token`, with the typed errors of core. */
export async function requestToken(
  api: Client<paths>,
  credentials: { clientId: string; clientSecret: string },
  runtime: Runtime,
  baseUrl: string,
): Promise<IssuedToken> {
  const requested = runtime.now();
  let result;
  try {
    result = await api.POST('/idp/token', {
      body: { grant_type: 'client_credentials' },
      bodySerializer: (body) => new URLSearchParams(body as Record<string, string>).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: basicAuthorization(credentials.clientId, credentials.clientSecret),
      },
    });
  } catch (error) {
    throw translateThrown(error, 'requestToken', baseUrl);
  }
  const { data, error, response } = result;
  if (!data) {
    if ([400, 401, 403].includes(response.status)) {
      const oauth = (error ?? {}) as { error?: string; error_description?: string };
      throw new AuthenticationError(
        'invalid_credentials',
        `The data center refused the API client credentials (${response.status}${oauth.error ? ` ${oauth.error}` : ''}${oauth.error_description ? `: ${oauth.error_description}` : ''}).`,
        'Check the client id and secret, and that the data center URL is the one the API client was created in (management portal, Settings > API clients).',
        response.status,
        oauth.error,
      );
    }
    if (response.status === 404 || response.status === 405) {
      throw new ApiError(
        response.status,
        'requestToken',
        {},
        `${baseUrl} answered ${response.status} at /api/2/idp/token: it does not look like an Acronis data center.`,
        'Check the data center URL (for example https://eu2-cloud.acronis.com).',
        'not_a_data_center',
      );
    }
    throw errorFromResponse('requestToken', response, error, runtime.now());
  }
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
export function clientCredentialsTokens(
  api: Client<paths>,
  credentials: { clientId: string; clientSecret: string },
  runtime: Runtime,
  baseUrl: string,
): TokenSource {
  let current: IssuedToken | undefined;
  let pending: Promise<string> | undefined;

  return {
    get() {
      if (current && runtime.now() < current.renewAt) return current.accessToken;
      pending ??= requestToken(api, credentials, runtime, baseUrl)
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
