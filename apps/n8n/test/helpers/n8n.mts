// A stand-in for the parts of n8n the nodes use, built the way n8n builds them: `httpRequest` is real HTTP
// (fetch, here), `httpRequestWithAuthentication` runs the credential's preAuthentication when its expirable token
// is empty, adds the Bearer header as the credential's `authenticate` says, and on a 401 refreshes the token once
// and retries, then wraps what fails in NodeApiError (n8n-core's request-helper-functions). Everything else is
// vitest-mock-extended's mockDeep.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type {
  IBinaryData,
  ICredentialDataDecryptedObject,
  IDataObject,
  IExecuteFunctions,
  IHttpRequestOptions,
  ILoadOptionsFunctions,
  INode,
  INodeExecutionData,
  IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { mockDeep } from 'vitest-mock-extended';
import { AcronisReportsApi } from '../../credentials/AcronisReportsApi.credentials.js';

/** axios' error class name matters: NodeApiError reads the status from errors named AxiosError. */
export class AxiosError extends Error {
  override name = 'AxiosError';
  isAxiosError = true;
  constructor(
    message: string,
    readonly code?: string,
    readonly response?: { status: number; data: unknown; headers: Record<string, string> },
  ) {
    super(message);
  }
}

export const calls = { tokenRequests: 0, apiRequests: 0, sawStreamBodies: 0, binaryStreams: 0 };

/** n8n's `helpers.httpRequest`, over fetch, with the options the nodes use. */
export async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
  const url = new URL(options.url, options.baseURL);
  for (const [key, value] of Object.entries(options.qs ?? {})) url.searchParams.set(key, String(value));
  const headers = new Headers();
  for (const [name, value] of Object.entries(options.headers ?? {})) if (value !== undefined) headers.set(name, String(value));
  if (options.auth) headers.set('authorization', `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`);
  let body: BodyInit | undefined;
  if (options.body !== undefined && options.body !== '') {
    body = typeof options.body === 'string' || Buffer.isBuffer(options.body) ? (options.body as BodyInit) : JSON.stringify(options.body);
    if (typeof options.body === 'object' && !Buffer.isBuffer(options.body) && !headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  let response: Response;
  try {
    response = await fetch(url, { method: options.method ?? 'GET', headers, body, signal: options.abortSignal as AbortSignal | undefined });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    throw new AxiosError(`connect ${cause?.code ?? 'failed'}`, cause?.code ?? 'ERR_NETWORK');
  }
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => (responseHeaders[name] = value));
  let data: unknown;
  if (options.encoding === 'stream' && response.body) {
    data = Readable.fromWeb(response.body as never);
    calls.sawStreamBodies++;
  } else if (options.encoding === 'arraybuffer') data = Buffer.from(await response.arrayBuffer());
  else {
    const text = await response.text();
    try {
      data = options.json === false ? text : JSON.parse(text);
    } catch {
      data = text;
    }
  }
  const ignore = options.ignoreHttpStatusErrors;
  const ignored = ignore === true || (typeof ignore === 'object' && ignore.ignore && !ignore.except.includes(response.status));
  if (!response.ok && !ignored) {
    if (data instanceof Readable) data = Buffer.concat(await data.toArray());
    throw new AxiosError(`Request failed with status code ${response.status}`, 'ERR_BAD_REQUEST', { status: response.status, data, headers: responseHeaders });
  }
  return options.returnFullResponse ? { body: data, headers: responseHeaders, statusCode: response.status, statusMessage: response.statusText } : data;
}

export const node: INode = {
  id: 'node-1',
  name: 'Acronis Reports',
  type: 'n8n-nodes-acronis-reports.acronisReports',
  typeVersion: 1,
  position: [0, 0],
  parameters: {},
};

const credentialType = new AcronisReportsApi();

/** The stored credential, as n8n keeps it (the token is written back after preAuthentication). */
export function credentialsFor(sim: { baseUrl: string; clientId: string; clientSecret: string }): ICredentialDataDecryptedObject {
  return { url: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret, accessToken: '' };
}

async function preAuthenticate(credentials: ICredentialDataDecryptedObject): Promise<void> {
  calls.tokenRequests++;
  const data = await credentialType.preAuthentication.call({ helpers: { httpRequest } } as never, credentials);
  Object.assign(credentials, data);
}

function authenticate(credentials: ICredentialDataDecryptedObject, options: IHttpRequestOptions): IHttpRequestOptions {
  return { ...options, headers: { ...options.headers, Authorization: `Bearer ${String(credentials.accessToken)}` } };
}

/** n8n's `helpers.httpRequestWithAuthentication` for a credential with preAuthentication. */
export function httpRequestWithAuthentication(credentials: ICredentialDataDecryptedObject) {
  return async function (this: unknown, type: string, options: IHttpRequestOptions): Promise<unknown> {
    if (type !== 'acronisReportsApi') throw new Error(`unexpected credential type ${type}`);
    calls.apiRequests++;
    try {
      if (!credentials.accessToken) await preAuthenticate(credentials);
      return await httpRequest(authenticate(credentials, options));
    } catch (error) {
      if ((error as AxiosError).response?.status === 401) {
        try {
          await preAuthenticate(credentials);
          return await httpRequest(authenticate(credentials, options));
        } catch (retryError) {
          throw new NodeApiError(node, retryError as never);
        }
      }
      throw new NodeApiError(node, error as never);
    }
  };
}

/** n8n's prepareBinaryData, keeping the bytes in memory (n8n's default mode), streams read chunk by chunk. */
export async function prepareBinaryData(data: Buffer | Readable, fileName?: string, mimeType?: string): Promise<IBinaryData> {
  let bytes: Buffer;
  if (Buffer.isBuffer(data)) bytes = data;
  else {
    calls.binaryStreams++;
    const chunks: Buffer[] = [];
    for await (const chunk of data) chunks.push(Buffer.from(chunk as Uint8Array));
    bytes = Buffer.concat(chunks);
  }
  return { data: bytes.toString('base64'), mimeType: mimeType ?? 'application/octet-stream', fileName, fileSize: String(bytes.length) };
}

export const sha256 = (binary: IBinaryData) => createHash('sha256').update(Buffer.from(binary.data, 'base64')).digest('hex');

type Params = Record<string, unknown>;

function parameter(params: Params, name: string, fallback: unknown, options?: { extractValue?: boolean }) {
  let value = name in params ? params[name] : fallback;
  if (value === undefined) throw new Error(`Could not get parameter "${name}"`);
  if (options?.extractValue && value && typeof value === 'object' && '__rl' in (value as object)) value = (value as { value: unknown }).value;
  return value;
}

/** `{ __rl: true, mode, value }`: a resource locator value as n8n stores it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** An IExecuteFunctions for one run: parameters per item (a function of the index, or the same for all). */
export function executeContext(
  credentials: ICredentialDataDecryptedObject,
  params: Params | ((itemIndex: number) => Params),
  options: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {},
) {
  const ctx = mockDeep<IExecuteFunctions>();
  const items = options.items ?? [{ json: {} }];
  const paramsOf = typeof params === 'function' ? params : () => params;
  ctx.getInputData.mockReturnValue(items);
  ctx.getNode.mockReturnValue(node);
  ctx.continueOnFail.mockReturnValue(options.continueOnFail ?? false);
  ctx.getCredentials.mockImplementation((async () => credentials) as never);
  ctx.getNodeParameter.mockImplementation(((name: string, i: number, fallback?: unknown, opts?: { extractValue?: boolean }) =>
    parameter(paramsOf(i), name, fallback, opts)) as never);
  ctx.helpers.httpRequestWithAuthentication.mockImplementation(httpRequestWithAuthentication(credentials) as never);
  ctx.helpers.prepareBinaryData.mockImplementation(prepareBinaryData as never);
  return ctx;
}

export function loadOptionsContext(credentials: ICredentialDataDecryptedObject, params: Params = {}) {
  const ctx = mockDeep<ILoadOptionsFunctions>();
  ctx.getNode.mockReturnValue(node);
  ctx.getCredentials.mockImplementation((async () => credentials) as never);
  ctx.getCurrentNodeParameter.mockImplementation(((name: string) => params[name]) as never);
  ctx.helpers.httpRequestWithAuthentication.mockImplementation(httpRequestWithAuthentication(credentials) as never);
  return ctx;
}

/** An IPollFunctions whose workflow static data lives in `staticData` (what n8n persists between polls). */
export function pollContext(credentials: ICredentialDataDecryptedObject, params: Params, staticData: IDataObject, mode: 'trigger' | 'manual' = 'trigger') {
  const ctx = mockDeep<IPollFunctions>();
  ctx.getNode.mockReturnValue({ ...node, name: 'Acronis Reports Trigger', type: 'n8n-nodes-acronis-reports.acronisReportsTrigger' });
  ctx.getMode.mockReturnValue(mode);
  ctx.getWorkflowStaticData.mockReturnValue(staticData);
  ctx.getCredentials.mockImplementation((async () => credentials) as never);
  ctx.getNodeParameter.mockImplementation(((name: string, fallback?: unknown, opts?: { extractValue?: boolean }) => parameter(params, name, fallback, opts)) as never);
  ctx.helpers.httpRequestWithAuthentication.mockImplementation(httpRequestWithAuthentication(credentials) as never);
  ctx.helpers.prepareBinaryData.mockImplementation(prepareBinaryData as never);
  return ctx;
}
