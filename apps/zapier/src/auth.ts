// Session authentication: the API client's id and secret are exchanged for a bearer token at /api/2/idp/token
// (through core); Zapier keeps the token in authData and runs the exchange again after a 401.
import { createReportsClient, NetworkError, normalizeBaseUrl, requestAccessToken } from '@acronis-reports/core';
import type { Bundle, HttpRequestOptionsWithUrl, ZObject } from 'zapier-platform-core';
import { clientOptions, isTokenRequest, reportsClient, toZapierError } from './client.js';

export const authFields = [
  {
    key: 'dataCenterUrl',
    label: 'Data Center URL',
    required: true,
    type: 'string',
    helpText:
      'The address of the data center your API client was created in, for example `https://eu2-cloud.acronis.com` (the address you see in the management portal, without a path).',
  },
  {
    key: 'clientId',
    label: 'Client ID',
    required: true,
    type: 'string',
    helpText:
      'The API client\u2019s id, from the management portal: **Settings > API clients > Create API client** ([how to register an API client](https://developer.acronis.com/doc/apis/getting-started/authentication.html)).',
  },
  {
    key: 'clientSecret',
    label: 'Client Secret',
    required: true,
    type: 'password',
    helpText: 'The secret shown once when the API client was created. Create a new API client if it was lost.',
  },
] as const;

const hostOf = (url: unknown) => {
  try {
    return normalizeBaseUrl(String(url ?? '')).baseUrl.replace(/^https?:\/\//, '');
  } catch {
    return String(url ?? '');
  }
};

/** Network failures (core turns the transport's own, DNS failures for instance, into NetworkError): said plainly here. */
function unreachable(z: ZObject, bundle: Bundle, error: unknown): Error | null {
  if (!(error instanceof NetworkError)) return null;
  const detail = error.code !== 'network' ? ` (${error.code})` : '';
  return new z.errors.Error(
    `Could not reach the data center at ${String(bundle.authData['dataCenterUrl'] ?? '')}${detail}. Check the Data Center URL (for example https://eu2-cloud.acronis.com) and try again.`,
    'unreachable',
  );
}

/**
 * Exchanges the client credentials for a token (core's requestAccessToken, over z.request) and looks the API
 * client up with it: its tenant becomes the default everywhere.
 */
export async function getSessionToken(z: ZObject, bundle: Bundle): Promise<{ access_token: string; tenant_id: string }> {
  const clientSecret = String(bundle.authData['clientSecret'] ?? '');
  const baseUrl = String(bundle.authData['dataCenterUrl'] ?? '').trim();
  const clientId = String(bundle.authData['clientId'] ?? '').trim();
  const options = clientOptions(z);
  let accessToken: string;
  let tenantId: string;
  try {
    ({ accessToken } = await requestAccessToken({ baseUrl, clientId, clientSecret }, options));
    tenantId = (await createReportsClient({ baseUrl, accessToken, clientId }, options).getApiClient(clientId)).tenant_id;
  } catch (error) {
    // Core says which answers mean a wrong URL (404/405 at the token endpoint: not_a_data_center) and which input is invalid.
    throw unreachable(z, bundle, error) ?? toZapierError(z, error);
  }
  return { access_token: accessToken, tenant_id: tenantId };
}

/** The connection test: GET /clients/{client_id} with the session token. */
export async function testAuth(z: ZObject, bundle: Bundle) {
  const client = reportsClient(z, bundle);
  try {
    const info = await client.getApiClient(String(bundle.authData['clientId'] ?? '').trim());
    return { ...info, data_center: hostOf(bundle.authData['dataCenterUrl']) };
  } catch (error) {
    throw unreachable(z, bundle, error) ?? toZapierError(z, error);
  }
}

export const connectionLabel = async (_z: ZObject, bundle: Bundle) =>
  `${hostOf(bundle.authData['dataCenterUrl'])}, API client ${String(bundle.authData['clientId'] ?? '')}`;

export const authentication = {
  type: 'session' as const,
  fields: [...authFields],
  test: testAuth,
  connectionLabel,
  sessionConfig: { perform: getSessionToken },
};

/** Adds the session's bearer token to every API request, except the token request and requests that carry one. */
export function addBearerToken(request: HttpRequestOptionsWithUrl, _z: ZObject, bundle: Bundle): HttpRequestOptionsWithUrl {
  const headers = (request.headers ??= {});
  const has = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
  const token = bundle.authData?.['access_token'];
  if (!has && token && !isTokenRequest(request.url)) headers['Authorization'] = `Bearer ${token}`;
  return request;
}
