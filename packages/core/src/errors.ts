/** The vendor's error body, kept as received (`{"error": {code, domain, message, details}}`), secrets removed. */
export interface VendorErrorBody {
  code?: number | string;
  domain?: string;
  message?: string;
  details?: Record<string, unknown>;
  context?: Record<string, unknown>;
  data?: unknown[];
}

export type ErrorCode =
  | 'validation'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'usage_history_not_ready'
  | 'server'
  | 'api'
  | 'not_a_data_center'
  | 'network'
  | 'timeout'
  | 'create_outcome_unknown'
  | 'generation_failed'
  | 'file_not_ready'
  | 'file_unavailable'
  | 'wait_timeout'
  | 'response';

/** What every error constructor takes: what failed (`message`), what to do (`hint`), and what caused it. */
export interface CoreErrorOptions {
  /** What failed and why, without the hint. */
  message: string;
  /** What to do about it, when there is something to do. */
  hint?: string | undefined;
  cause?: unknown;
}

/** Every error core throws on its own account. `code` is stable for programs; `message` is for people. */
export class AcronisReportsError extends Error {
  override name = 'AcronisReportsError';
  /** Set by each subclass; the base class is never thrown by core itself. */
  readonly code: ErrorCode = 'api';
  /** What failed and why, without the hint (the message is both). */
  readonly summary: string;
  /** What to do about it, when there is something to do. */
  readonly hint?: string;
  constructor(options: CoreErrorOptions) {
    super(options.hint ? `${options.message} ${options.hint}` : options.message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.summary = options.message;
    if (options.hint !== undefined) this.hint = options.hint;
  }
}

export interface ValidationIssue {
  /** The input field at fault, dotted (`parameters.period.start`). */
  field: string;
  message: string;
}

/** How many issues a message lists before it only counts the rest. */
const listedIssues = 5;

/** Bad input, caught before anything was sent. The message names a few issues and counts the rest. */
export class ValidationError extends AcronisReportsError {
  override name = 'ValidationError';
  override readonly code = 'validation' as const;
  readonly issues: ValidationIssue[];
  constructor(options: { issues: ValidationIssue[]; cause?: unknown }) {
    const shown = options.issues.slice(0, listedIssues).map((issue) => `${issue.field} ${issue.message}`);
    const more = options.issues.length - shown.length;
    super({ message: `Invalid input: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`, cause: options.cause });
    this.issues = options.issues;
  }
}

/** The data center did not accept the credentials. */
export class AuthenticationError extends AcronisReportsError {
  override name = 'AuthenticationError';
  override readonly code = 'authentication' as const;
  /** `invalid_credentials`: wrong client id or secret; `token_rejected`: a token was refused even after a refresh. */
  readonly reason: 'invalid_credentials' | 'token_rejected';
  readonly status?: number;
  readonly operation?: string;
  readonly oauthError?: string;
  constructor(
    options: CoreErrorOptions & { reason: 'invalid_credentials' | 'token_rejected'; status?: number; operation?: string; oauthError?: string },
  ) {
    super(options);
    this.reason = options.reason;
    if (options.status !== undefined) this.status = options.status;
    if (options.operation !== undefined) this.operation = options.operation;
    if (options.oauthError !== undefined) this.oauthError = options.oauthError;
  }
}

export interface ApiErrorOptions extends CoreErrorOptions {
  status: number;
  /** The public method that failed (`getReport`, `listStoredReports`...). */
  operation: string;
  vendor?: VendorErrorBody;
}

/** An error answer of the API, with the vendor's code, domain, message and details. */
export class ApiError extends AcronisReportsError {
  override name = 'ApiError';
  override readonly code: ErrorCode = 'api';
  readonly status: number;
  readonly operation: string;
  readonly vendor: VendorErrorBody;
  constructor(options: ApiErrorOptions) {
    super(options);
    this.status = options.status;
    this.operation = options.operation;
    this.vendor = options.vendor ?? {};
  }

  get vendorCode() {
    return this.vendor.code;
  }
}

/** The URL answered, but not as an Acronis data center would (404/405 at the token endpoint). */
export class NotADataCenterError extends ApiError {
  override name = 'NotADataCenterError';
  override readonly code = 'not_a_data_center' as const;
}

export class PermissionError extends ApiError {
  override name = 'PermissionError';
  override readonly code = 'permission' as const;
}

export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
  override readonly code = 'not_found' as const;
}

/** The report changed since its `version` was read (vendor code 1001 "Version mismatch"). */
export class ConflictError extends ApiError {
  override name = 'ConflictError';
  override readonly code = 'conflict' as const;
}

export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
  override readonly code = 'rate_limited' as const;
  /** The server's `Retry-After`, when it sent one. */
  readonly retryAfterMs: number | null;
  constructor(options: ApiErrorOptions & { retryAfterMs?: number | null }) {
    super(options);
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** `POST /reports` before the night's usage history is ready (a 400 before 06:00 UTC, a 500 after). */
export class UsageHistoryNotReadyError extends ApiError {
  override name = 'UsageHistoryNotReadyError';
  override readonly code = 'usage_history_not_ready' as const;
}

export class ServerError extends ApiError {
  override name = 'ServerError';
  override readonly code = 'server' as const;
}

/** The connection failed or dropped before the whole answer arrived (a body cut mid-way included). */
export class NetworkError extends AcronisReportsError {
  override name = 'NetworkError';
  override readonly code: ErrorCode = 'network';
  readonly operation?: string;
  constructor(options: CoreErrorOptions & { operation?: string }) {
    super(options);
    if (options.operation !== undefined) this.operation = options.operation;
  }
}

/** An attempt got no answer within its time; it was aborted. */
export class TimeoutError extends NetworkError {
  override name = 'TimeoutError';
  override readonly code = 'timeout' as const;
}

/**
 * A create whose answer was lost and whose outcome could not be settled: the report may exist although no id came
 * back. Not a network error: creating again may make a second report.
 */
export class CreateOutcomeUnknownError extends AcronisReportsError {
  override name = 'CreateOutcomeUnknownError';
  override readonly code = 'create_outcome_unknown' as const;
  /** The tenant to look at for the report that may have been made. */
  readonly tenantId: string;
  /** Reports that appeared meanwhile and match the request (one of them may be it). */
  readonly candidateIds: string[];
  constructor(options: CoreErrorOptions & { tenantId: string; candidateIds?: string[] }) {
    super(options);
    this.tenantId = options.tenantId;
    this.candidateIds = options.candidateIds ?? [];
  }
}

export class ReportGenerationFailedError extends AcronisReportsError {
  override name = 'ReportGenerationFailedError';
  override readonly code = 'generation_failed' as const;
  readonly reportId: string;
  readonly failedFormats: string[];
  constructor(options: { reportId: string; failedFormats: string[] }) {
    super({
      message: `The data center failed to generate report ${options.reportId} in ${options.failedFormats.join(', ')}.`,
      hint: 'Create the report again; if it keeps failing, contact Acronis support with the report id.',
    });
    this.reportId = options.reportId;
    this.failedFormats = options.failedFormats;
  }
}

/** The stored file asked for is still being generated (or not listed yet): it will come, later. */
export class StoredFileNotReadyError extends AcronisReportsError {
  override name = 'StoredFileNotReadyError';
  override readonly code = 'file_not_ready' as const;
  readonly reportId: string;
  readonly format: string | undefined;
  /** `missing`: not listed yet; `in_progress`: listed, being generated. */
  readonly status: 'missing' | 'in_progress';
  constructor(options: CoreErrorOptions & { reportId: string; format?: string; status: 'missing' | 'in_progress' }) {
    super(options);
    this.reportId = options.reportId;
    this.format = options.format;
    this.status = options.status;
  }
}

/** Why a stored file will never exist, whatever the wait. */
export type UnavailableReason = 'format_not_requested' | 'sent_by_email' | 'monthly_format';

/**
 * The stored file asked for will never exist: the report did not request that format, it e-mails its files
 * (result_action `send`) instead of storing them, or it is a monthly report, which makes only csv and html.
 * Waiting does not help; the message says what does.
 */
export class StoredFileUnavailableError extends AcronisReportsError {
  override name = 'StoredFileUnavailableError';
  override readonly code = 'file_unavailable' as const;
  readonly reportId: string;
  readonly format: string | undefined;
  readonly reason: UnavailableReason;
  constructor(options: CoreErrorOptions & { reportId: string; format?: string; reason: UnavailableReason }) {
    super(options);
    this.reportId = options.reportId;
    this.format = options.format;
    this.reason = options.reason;
  }
}

export class WaitTimeoutError extends AcronisReportsError {
  override name = 'WaitTimeoutError';
  override readonly code = 'wait_timeout' as const;
  readonly reportId: string;
  readonly waitedMs: number;
  readonly statuses: Record<string, string>;
  constructor(options: { reportId: string; waitedMs: number; statuses: Record<string, string> }) {
    super({
      message: `Report ${options.reportId} was not ready after ${Math.round(options.waitedMs / 1000)} s (${Object.entries(options.statuses)
        .map(([format, status]) => `${format}: ${status}`)
        .join(', ')}).`,
      hint: 'Generation usually takes 1 to 2 minutes; wait again later with the same report id, or allow a longer timeout.',
    });
    this.reportId = options.reportId;
    this.waitedMs = options.waitedMs;
    this.statuses = options.statuses;
  }
}

/** An answer that does not match the API's description (for example a body that is not JSON). */
export class ResponseError extends AcronisReportsError {
  override name = 'ResponseError';
  override readonly code = 'response' as const;
  readonly operation?: string;
  constructor(options: Omit<CoreErrorOptions, 'hint'> & { operation?: string }) {
    super({ hint: 'This is unexpected from the data center; retry later.', ...options });
    if (options.operation !== undefined) this.operation = options.operation;
  }
}
