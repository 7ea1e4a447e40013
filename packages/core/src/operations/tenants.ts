import { mapLimited, reportFetchWidth } from '../concurrency.js';
import { ValidationError } from '../errors.js';
import type { ApiClientInfo, Report } from '../types.js';
import { validateId } from '../validation.js';
import { call, type CallOptions, type ClientContext } from './context.js';
import { getReport } from './get-report.js';

export async function getApiClient(ctx: ClientContext, clientId: string, options: CallOptions = {}): Promise<ApiClientInfo> {
  const id = validateId(clientId, 'clientId');
  return call(ctx, 'getApiClient', () => ctx.api.GET('/clients/{client_id}', { params: { path: { client_id: id } }, signal: options.signal }));
}

/** The API client's own tenant (`GET /clients/{client_id}`): the default tenant everywhere. Looked up once. */
export function getOwnTenantId(ctx: ClientContext, options: CallOptions = {}): Promise<string> {
  if (!ctx.clientId && !ctx.ownTenantId) {
    return Promise.reject(
      new ValidationError({ issues: [{ field: 'tenantId', message: 'is required: the API client id is unknown here, so its own tenant cannot be looked up' }] }),
    );
  }
  // shared by every caller, so it runs without any one caller's signal; each caller's own signal ends its wait
  ctx.ownTenantId ??= getApiClient(ctx, ctx.clientId!)
    .then((client) => client.tenant_id)
    .catch((error: unknown) => {
      ctx.ownTenantId = undefined;
      throw error;
    });
  return options.signal ? untilAborted(ctx.ownTenantId, options.signal) : ctx.ownTenantId;
}

function untilAborted<T>(shared: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function tenantOrOwn(ctx: ClientContext, tenantId: string | undefined, options: CallOptions): Promise<string> {
  return tenantId === undefined || tenantId === '' ? getOwnTenantId(ctx, options) : validateId(tenantId, 'tenantId');
}

/** Ids of a tenant's reports (the API client's own tenant when none is given). */
export async function listTenantReportIds(ctx: ClientContext, tenantId?: string, options: CallOptions = {}): Promise<string[]> {
  const id = await tenantOrOwn(ctx, tenantId, options);
  const list = await call(ctx, 'listTenantReportIds', () => ctx.api.GET('/tenants/{tenant_id}/reports', { params: { path: { tenant_id: id } }, signal: options.signal }));
  return list.items;
}

export interface ListProgress {
  /** Reports fetched so far. */
  done: number;
  /** Reports the tenant has (the length of its id list). */
  total: number;
}

export interface ListReportsOptions extends CallOptions {
  /** How many reports are fetched at once (default 4, at most 16). */
  concurrency?: number;
  /** Called once the ids are listed (`done` 0) and after each report fetched; thrown errors end the listing. */
  onProgress?: (progress: ListProgress) => void;
}

/** A tenant's reports in full: the ids, then one fetch each, a few at a time, in the order the API lists them. */
export async function listTenantReports(ctx: ClientContext, tenantId?: string, options: ListReportsOptions = {}): Promise<Report[]> {
  const ids = await listTenantReportIds(ctx, tenantId, options);
  const concurrency = reportFetchWidth(options.concurrency);
  const total = ids.length;
  let done = 0;
  options.onProgress?.({ done, total });
  return mapLimited(ids, concurrency, async (id) => {
    const report = await getReport(ctx, id, options);
    options.onProgress?.({ done: ++done, total });
    return report;
  });
}
