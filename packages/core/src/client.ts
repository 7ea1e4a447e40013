import createClient, { type Client } from 'openapi-fetch';
import { clientCredentialsTokens, requestToken, type IssuedToken, type TokenExchange } from './auth/client-credentials.js';
import { fixedToken, providedToken, type TokenSource } from './auth/token-source.js';
import { normalizeBaseUrl } from './base-url.js';
import type { BillingReportOptions } from './billing.js';
import { checkedBillingRequest } from './operations/billing-request.js';
import { ValidationError } from './errors.js';
import { validateId } from './validation.js';
import type { paths } from './generated/schema.js';
import type { CallOptions, ClientContext, WaitDefaults } from './operations/context.js';
import { downloadStoredFile, downloadStoredReport, type DownloadOptions, type StoredReportDownload } from './operations/download.js';
import { findStoredFile, type FindStoredFileOptions, type FoundStoredFile } from './operations/find-stored.js';
import { exportBillingReport, type ExportOptions, type ExportResult } from './operations/export.js';
import { exportBillingLines, type ExportLinesOptions, type ExportLinesResult } from './operations/export-lines.js';
import { billingLinesOfReport, type LinesOfReportOptions, type ReportBillingLines } from './operations/report-lines.js';
import { createReport, deleteReport, getReport, sendCreate, updateReport, type DeleteOptions } from './operations/reports.js';
import { createReportFromFields, updateReportFromFields, type FieldCallOptions } from './operations/report-from-fields.js';
import type { ReportFields, ReportUpdateFields } from './fields/report-fields.js';
import { listStoredReports } from './operations/stored.js';
import { reportPage, type ReportPage, type ReportPageOptions } from './operations/report-page.js';
import { getApiClient, getOwnTenantId, listTenantReportIds, listTenantReports, type ListReportsOptions } from './operations/tenants.js';
import { waitForStoredReports, type WaitOptions } from './operations/wait.js';
import { pollWatch, sampleWatch, type SampleOptions, type WatchOptions, type WatchResult, type WatchSample } from './watch/index.js';
import type { Runtime } from './runtime.js';
import { Secrets } from './secrets.js';
import { checkClientArguments } from './client-arguments.js';
import { checkCall, checkExport, checkStoredReport, methodOptions } from './method-options.js';
import { checkFields } from './fields/check-fields.js';
import { attempts, type Attempt } from './transport/attempt.js';
import { bearerMiddleware } from './transport/bearer.js';
import { errorMappingMiddleware } from './transport/error-mapping.js';
import type { FetchLike } from './transport/fetch-like.js';
import { defaultRetryPolicy, retryMiddleware, type FullRetryPolicy, type RetryPolicy } from './transport/retry.js';
import type { RequestEvent } from './transport/trail.js';
import type { ApiClientInfo, Report, ReportCreateRequest, ReportUpdateRequest, StoredReport } from './types.js';

/** How core authenticates. `baseUrl` is the data center URL (`/api/2` is added when missing). */
export type ReportsCredentials =
  | { baseUrl: string; clientId: string; clientSecret: string }
  | { baseUrl: string; accessToken: string; clientId?: string }
  | {
      baseUrl: string;
      tokenProvider: (options: { forceRefresh: boolean; signal?: AbortSignal }) => Promise<string> | string;
      clientId?: string;
    }
  /** The host's transport adds credentials and refreshes them (n8n credentials, Zapier session auth). */
  | { baseUrl: string; hostAuthenticates: true; clientId?: string };

export interface ReportsClientOptions {
  /** Sleep, clock and randomness; the Node entry point supplies them. */
  runtime: Runtime;
  /** The transport; default: the global fetch. Hosts pass an adapter over their own request function. */
  fetch?: FetchLike;
  /** Retries of safe requests on 429, 50x and dropped connections; `false` turns them off. */
  retry?: RetryPolicy | false;
  /** Time each attempt may take to deliver its response headers (default 30 s; 0: no limit). */
  timeoutMs?: number;
  /** Defaults for `waitForStoredReports`. */
  wait?: Partial<WaitDefaults>;
  /**
   * When a create's connection drops after the request went out, look among the tenant's reports for the one
   * it made (default true; costs one list request before each create).
   */
  recoverLostCreates?: boolean;
  /**
   * The API client's own tenant, when the host kept it from an earlier run (an n8n trigger's poll): the default
   * tenant is then not looked up again. A client learns it once by itself otherwise (`getOwnTenantId`).
   */
  ownTenantId?: string;
  /** Called for every HTTP attempt: method, path, status, duration. Nothing secret is passed. */
  onRequest?: (event: RequestEvent) => void;
}

export interface ReportsClient {
  /** The data center URL in use, and the API base under it. */
  readonly baseUrl: string;
  readonly apiBaseUrl: string;
  createReport(report: ReportCreateRequest, options?: CallOptions): Promise<Report>;
  getReport(reportId: string, options?: CallOptions): Promise<Report>;
  updateReport(reportId: string, changes: ReportUpdateRequest, options?: CallOptions): Promise<Report>;
  /** A report from flat fields (CLI flags, n8n parameters, Zapier inputs); no tenant: the API client's own. */
  createReportFromFields(fields: ReportFields, options?: FieldCallOptions): Promise<Report>;
  /** A scheduled report changed by flat fields; only what was filled in is sent. */
  updateReportFromFields(reportId: string, fields: ReportUpdateFields, options?: FieldCallOptions): Promise<Report>;
  deleteReport(reportId: string, options?: DeleteOptions): Promise<void>;
  listTenantReportIds(tenantId?: string, options?: CallOptions): Promise<string[]>;
  listTenantReports(tenantId?: string, options?: ListReportsOptions): Promise<Report[]>;
  /**
   * One page of a tenant's reports for pickers and long lists: the ids listed once, then only the page's reports
   * fetched; `search` by id prefix (nothing extra fetched) or by label text (a bounded scan).
   */
  reportPage(tenantId?: string, options?: ReportPageOptions): Promise<ReportPage>;
  listStoredReports(reportId: string, options?: CallOptions): Promise<StoredReport[]>;
  waitForStoredReports(reportId: string, options?: WaitOptions): Promise<StoredReport[]>;
  downloadStoredReport(reportId: string, storedReport: StoredReport | string, options?: DownloadOptions): Promise<StoredReportDownload>;
  /**
   * The stored file to download: `storedReportId`, or the newest saved file of `format`. When there is none, says
   * which: not ready yet (`StoredFileNotReadyError`), never (`StoredFileUnavailableError`), failed
   * (`ReportGenerationFailedError`), or not one of the report's (`NotFoundError`).
   */
  findStoredFile(reportId: string, options?: FindStoredFileOptions): Promise<FoundStoredFile>;
  /** `findStoredFile`, then its download (one request for the file itself); by stored id, the file is asked for beside the lookups. */
  downloadStoredFile(reportId: string, options?: FindStoredFileOptions): Promise<StoredReportDownload>;
  getApiClient(clientId: string, options?: CallOptions): Promise<ApiClientInfo>;
  getOwnTenantId(options?: CallOptions): Promise<string>;
  /** The vendor's billing report request for a month (the last full one by default). */
  buildBillingReportRequest(options?: BillingReportOptions & CallOptions): Promise<ReportCreateRequest>;
  createBillingReport(options?: BillingReportOptions & CallOptions): Promise<Report>;
  exportBillingReport<T>(options: ExportOptions<T>): Promise<ExportResult<T>>;
  /** Billing lines of a stored report (its csv_v2_0 or json_v2_0 file), streamed, mapped and compared when asked. */
  getBillingLines(reportId: string, options?: LinesOfReportOptions): Promise<ReportBillingLines>;
  /** The monthly job without files: the billing report created, waited for and turned into billing lines. */
  exportBillingLines(options?: ExportLinesOptions): Promise<ExportLinesResult>;
  /**
   * One poll of a trigger: new files saved or failed, or new reports, since the poll that returned `state`, in at
   * most `budget` requests (default 30) however many reports the tenant has. The first poll takes a baseline.
   */
  pollWatch(options: WatchOptions): Promise<WatchResult>;
  /** Real items for a trigger's test: the newest matching files (or reports), within the budget; nothing kept. */
  sampleWatch(options: SampleOptions): Promise<WatchSample>;
}

const defaultWait: WaitDefaults = { initialDelayMs: 1000, maxDelayMs: 10_000, factor: 1.5, timeoutMs: 10 * 60 * 1000 };

function requireClientCredentials(credentials: { clientId: string; clientSecret: string }): void {
  const missing = (['clientId', 'clientSecret'] as const).filter((field) => !credentials[field]?.trim());
  if (missing.length > 0) throw new ValidationError({ issues: missing.map((field) => ({ field, message: 'is required for client credentials' })) });
}

function tokenSourceFor(credentials: ReportsCredentials, exchange: Omit<TokenExchange, 'credentials'>): TokenSource | null {
  if ('hostAuthenticates' in credentials) return null;
  if ('accessToken' in credentials) return fixedToken(credentials.accessToken, exchange.secrets);
  if ('tokenProvider' in credentials) return providedToken(credentials.tokenProvider, exchange.secrets);
  requireClientCredentials(credentials);
  return clientCredentialsTokens({ ...exchange, credentials });
}

interface Transport {
  attempt: Attempt;
  retry: FullRetryPolicy;
  secrets: Secrets;
  /** A typed client with error mapping and retries, and auth when given: openapi-fetch's own middleware. */
  clientWith(tokens: TokenSource | null): Client<paths>;
}

/**
 * openapi-fetch used as documented: real Request and Response, its own serializers, and core's behaviour as
 * middleware. openapi-fetch runs `onResponse`/`onError` in reverse order of registration, so on the way back the
 * bearer layer sees an answer first (a 401: new token, send again), then retries (429/50x, dropped connections,
 * timeouts), then error mapping (whatever is still a failure becomes a typed error). Every send, first or again,
 * is one `attempt` with its own deadline and AbortSignal.
 */
function transportFor(options: ReportsClientOptions, baseUrl: string, apiBaseUrl: string, secrets: Secrets): Transport {
  const retry: FullRetryPolicy = options.retry === false ? { ...defaultRetryPolicy, maxRetries: 0 } : { ...defaultRetryPolicy, ...options.retry };
  const attempt = attempts({ runtime: options.runtime, fetch: options.fetch, timeoutMs: options.timeoutMs ?? 30_000, baseUrl, secrets, onRequest: options.onRequest });
  return {
    attempt,
    retry,
    secrets,
    clientWith(tokens) {
      const client = createClient<paths>({ baseUrl: apiBaseUrl, fetch: attempt });
      client.use(errorMappingMiddleware(options.runtime, secrets, baseUrl), retryMiddleware(attempt, options.runtime, retry));
      if (tokens) client.use(bearerMiddleware(tokens, attempt));
      return client;
    },
  };
}

/**
 * One exchange of client credentials for an access token, for hosts that keep the token themselves (Zapier's
 * session auth): the same request, retries and typed errors as the client's own.
 */
export async function requestAccessToken(
  credentials: { baseUrl: string; clientId: string; clientSecret: string },
  options: ReportsClientOptions,
): Promise<IssuedToken> {
  checkClientArguments(credentials, options);
  const { baseUrl, apiBaseUrl } = normalizeBaseUrl(credentials.baseUrl);
  requireClientCredentials(credentials);
  const secrets = new Secrets();
  const transport = transportFor(options, baseUrl, apiBaseUrl, secrets);
  return requestToken({ api: transport.clientWith(null), credentials, runtime: options.runtime, secrets });
}

/** A client for the reports API. Validates its input before anything is sent; errors are typed. */
export function createReportsClient(credentials: ReportsCredentials, options: ReportsClientOptions): ReportsClient {
  checkClientArguments(credentials, options);
  const { baseUrl, apiBaseUrl } = normalizeBaseUrl(credentials.baseUrl);
  const runtime = options.runtime;
  const secrets = new Secrets();
  const transport = transportFor(options, baseUrl, apiBaseUrl, secrets);
  const tokens = tokenSourceFor(credentials, { api: transport.clientWith(null), runtime, secrets });
  const clientId = 'clientId' in credentials && credentials.clientId ? credentials.clientId : undefined;
  const ctx: ClientContext = {
    api: transport.clientWith(tokens),
    runtime,
    baseUrl,
    apiBaseUrl,
    clientId,
    wait: { ...defaultWait, ...options.wait },
    recoverLostCreates: options.recoverLostCreates ?? true,
    retry: transport.retry,
    secrets,
    createsInFlight: new Set(),
    claimedReports: new Set(),
  };
  if (options.ownTenantId) ctx.ownTenantId = Promise.resolve(validateId(options.ownTenantId, 'ownTenantId'));

  const billingRequest = (billing: BillingReportOptions & CallOptions = {}) => checkedBillingRequest(ctx, checkCall(billing, methodOptions.billing) ?? {});
  const stored = (value: StoredReport | string) => (checkStoredReport(value), value);

  // Every method checks its arguments and options here, before anything is sent; async, so they reject.
  return {
    baseUrl,
    apiBaseUrl,
    createReport: async (report, callOptions) => createReport(ctx, report, checkCall(callOptions)),
    getReport: async (reportId, callOptions) => getReport(ctx, reportId, checkCall(callOptions)),
    updateReport: async (reportId, changes, callOptions) => updateReport(ctx, reportId, changes, checkCall(callOptions)),
    createReportFromFields: async (fields, fieldOptions) => createReportFromFields(ctx, checkFields(fields), checkCall(fieldOptions, methodOptions.fields)),
    updateReportFromFields: async (reportId, fields, fieldOptions) => updateReportFromFields(ctx, reportId, checkFields(fields), checkCall(fieldOptions, methodOptions.fields)),
    deleteReport: async (reportId, deleteOptions) => deleteReport(ctx, reportId, checkCall(deleteOptions, methodOptions.delete)),
    listTenantReportIds: async (tenantId, callOptions) => listTenantReportIds(ctx, tenantId, checkCall(callOptions)),
    listTenantReports: async (tenantId, listOptions) => listTenantReports(ctx, tenantId, checkCall(listOptions, methodOptions.listReports)),
    reportPage: async (tenantId, pageOptions) => reportPage(ctx, tenantId, checkCall(pageOptions, methodOptions.reportPage)),
    listStoredReports: async (reportId, callOptions) => listStoredReports(ctx, reportId, checkCall(callOptions)),
    waitForStoredReports: async (reportId, waitOptions) => waitForStoredReports(ctx, reportId, checkCall(waitOptions, methodOptions.wait)),
    downloadStoredReport: async (reportId, storedReport, downloadOptions) =>
      downloadStoredReport(ctx, reportId, stored(storedReport), checkCall(downloadOptions, methodOptions.download)),
    findStoredFile: async (reportId, findOptions) => findStoredFile(ctx, reportId, checkCall(findOptions, methodOptions.findStored)),
    downloadStoredFile: async (reportId, findOptions) => downloadStoredFile(ctx, reportId, checkCall(findOptions, methodOptions.findStored)),
    getApiClient: async (id, callOptions) => getApiClient(ctx, id, checkCall(callOptions)),
    getOwnTenantId: async (callOptions) => getOwnTenantId(ctx, checkCall(callOptions)),
    buildBillingReportRequest: async (billing) => billingRequest(billing),
    createBillingReport: async (billing = {}) => sendCreate(ctx, await billingRequest(billing), billing),
    exportBillingReport: async (exportOptions) => exportBillingReport(ctx, checkExport(exportOptions)),
    getBillingLines: async (reportId, linesOptions) => billingLinesOfReport(ctx, reportId, checkCall(linesOptions, methodOptions.lines)),
    exportBillingLines: async (exportOptions = {}) => exportBillingLines(ctx, checkCall(exportOptions, methodOptions.exportLines)),
    pollWatch: async (watchOptions) => pollWatch(ctx, watchOptions),
    sampleWatch: async (sampleOptions) => sampleWatch(ctx, sampleOptions),
  };
}
