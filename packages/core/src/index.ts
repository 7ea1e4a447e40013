// The main entry: web-standard APIs only (fetch, streams, DecompressionStream, AbortSignal); sleep and clock come
// from the caller. Node users get the same API with those defaults from `@acronis-reports/core` (node condition).
export { createReportsClient, requestAccessToken, type ReportsClient, type ReportsClientOptions, type ReportsCredentials } from './client.js';
export type { IssuedToken } from './auth/client-credentials.js';
export * from './errors.js';
export { redact } from './redact.js';
export type { Runtime } from './runtime.js';
export type { FetchLike } from './transport/fetch-like.js';
export type { RetryPolicy } from './transport/retry.js';
export type { RequestEvent } from './transport/trail.js';
export type { CallOptions, WaitDefaults } from './operations/context.js';
export type { DeleteOptions } from './operations/reports.js';
export type { ListReportsOptions } from './operations/tenants.js';
export type { FormatStatus, WaitOptions, WaitProgress } from './operations/wait.js';
export { createdAtMs, newestSavedFiles } from './operations/stored.js';
export type { DownloadOptions, StoredReportDownload } from './operations/download.js';
export { MONTHLY_FORMATS, type FindStoredFileOptions, type FoundStoredFile } from './operations/find-stored.js';
export type { ExportOptions, ExportProgress, ExportResult } from './operations/export.js';
export type { ExportLinesOptions, ExportLinesProgress, ExportLinesResult } from './operations/export-lines.js';
export type { LinesOfReportOptions, LinesSource, ReportBillingLines } from './operations/report-lines.js';
export { billingReportRequest, lastFullMonth, monthBefore, monthPeriod, type BillingReportOptions } from './billing.js';
export { normalizeBaseUrl } from './base-url.js';
export { mapLimited } from './concurrency.js';
export * from './download/index.js';
export * from './billing-lines/index.js';
export { fieldDescriptions, reportFormats, reportKinds, reportLevels, resultActions, scheduleTypes, storedReportStatuses, valueDescriptions } from './generated/enums.js';
export type * from './types.js';
export * from './fields/index.js';
export type { FieldCallOptions } from './operations/report-from-fields.js';
