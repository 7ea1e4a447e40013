import type { OperationDescription } from '@acronis-reports/openapi';
import type { Readable } from 'node:stream';
import type { World } from '../state/world.js';
import { reportView, type ReportStore } from '../state/reports.js';
import type { ApiClient, TokenIssuer } from '../state/tokens.js';
import type { SimulatorConfig } from '../state/config.js';
import type { ValidatedRequest } from './contract.js';
import type { JsonAnswer } from './io.js';
import { OAuthError, VendorError } from './vendor-error.js';

export interface StreamAnswer {
  status: number;
  headers: Record<string, string>;
  stream: Readable;
}

export type Answer = JsonAnswer | StreamAnswer;

export interface ApiContext {
  world: World;
  tokens: TokenIssuer;
  reports: ReportStore;
  config: SimulatorConfig;
}

/** Who is calling: the client behind a valid bearer token. Throws the vendor's 401 otherwise. */
export function authenticate(ctx: ApiContext, authorization: string | undefined) {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const clientId = match ? ctx.tokens.verify(match[1]!) : null;
  const client = clientId ? ctx.world.findClient(clientId) : undefined;
  if (!client) {
    throw new VendorError(401, match ? 'Access token is expired or unknown.' : 'Access token is missing.', {
      info: 'Request a new token from /api/2/idp/token and send it as "Authorization: Bearer <token>".',
      headers: { 'www-authenticate': 'Bearer' },
    });
  }
  return client;
}

function requestToken(ctx: ApiContext, authorization: string | undefined, body: any): JsonAnswer {
  if (body?.grant_type !== 'client_credentials') {
    throw new OAuthError(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
  }
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) throw new OAuthError(401, 'invalid_client', 'Client authentication failed: send the client id and secret with HTTP Basic.');
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const client = ctx.world.findClient(decoded.slice(0, separator));
  if (separator < 0 || !client || client.clientSecret !== decoded.slice(separator + 1)) {
    throw new OAuthError(401, 'invalid_client', 'Client authentication failed: unknown client id or wrong client secret.');
  }
  return { status: 200, body: ctx.tokens.issue(client), headers: { 'cache-control': 'no-store' } };
}

/** Runs one validated API operation for an authenticated client (the token call authenticates itself). */
export async function handleOperation(ctx: ApiContext, request: ValidatedRequest, client: ApiClient | null, authorization: string | undefined): Promise<Answer> {
  const { operation, pathParams, query, body } = request;
  if (operation.operationId === 'requestToken') return requestToken(ctx, authorization, body);
  if (!client) throw new VendorError(401, 'Access token is missing.');
  ctx.reports.tick();
  const reportId = pathParams['report_id']!;
  switch (operation.operationId as OperationId) {
    case 'createReport':
      return { status: 200, body: reportView(ctx.reports.create(client, body)) };
    case 'fetchReport':
      return { status: 200, body: reportView(ctx.reports.get(client, reportId)) };
    case 'updateReport':
      return { status: 200, body: reportView(ctx.reports.update(client, reportId, body)) };
    case 'deleteReport':
      ctx.reports.delete(client, reportId, query['version'] as number);
      return { status: 204 };
    case 'fetchStoredReports':
      return { status: 200, body: { items: await ctx.reports.storedItems(client, reportId) } };
    case 'downloadStoredReport': {
      const file = await ctx.reports.storedFile(client, reportId, pathParams['stored_report_id']!);
      return {
        status: 200,
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': String(file.digest!.size),
          'content-disposition': `attachment; filename="${file.fileName}"`,
          ...(ctx.config.gzipContentEncoding ? { 'content-encoding': 'gzip' } : {}),
        },
        stream: file.openCompressed(),
      };
    }
    case 'fetchTenantReports':
      return { status: 200, body: { items: ctx.reports.listForTenant(client, pathParams['tenant_id']!) } };
    case 'fetchClient': {
      const requested = pathParams['client_id']!;
      if (requested !== client.clientId) {
        throw new VendorError(ctx.world.findClient(requested) ? 403 : 404, `API client ${requested} not found.`);
      }
      return {
        status: 200,
        body: {
          client_id: client.clientId,
          tenant_id: client.tenantId,
          type: 'api_client',
          status: 'enabled',
          token_endpoint_auth_method: 'client_secret_basic',
          data: { client_name: client.name },
        },
      };
    }
    default:
      return unreachable(operation);
  }
}

type OperationId =
  | 'createReport'
  | 'fetchReport'
  | 'updateReport'
  | 'deleteReport'
  | 'fetchStoredReports'
  | 'downloadStoredReport'
  | 'fetchTenantReports'
  | 'fetchClient';

function unreachable(operation: OperationDescription): never {
  throw new VendorError(501, `Operation ${operation.operationId} is described but not simulated.`);
}
