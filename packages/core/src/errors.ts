/** The vendor's error body, kept as received (`{"error": {code, domain, message, details}}`). */
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
  | 'wait_timeout'
  | 'response';

/** Every error core throws on its own account. `code` is stable for programs; `message` is for people. */
export class AcronisReportsError extends Error {
  override name = 'AcronisReportsError';
  /** What failed and why, without the hint (the message is both). */
  readonly summary: string;
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** What to do about it, when there is something to do. */
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(hint ? `${message} ${hint}` : message, options);
    this.summary = message;
  }
}

export interface ValidationIssue {
  /** The input field at fault, dotted (`parameters.period.start`). */
  field: string;
  message: string;
}

/** Bad input, caught before anything was sent. */
export class ValidationError extends AcronisReportsError {
  override name = 'ValidationError';
  constructor(readonly issues: ValidationIssue[]) {
    super('validation', `Invalid input: ${issues.map((issue) => `${issue.field} ${issue.message}`).join('; ')}.`);
  }
}

/** The data center did not accept the credentials. */
export class AuthenticationError extends AcronisReportsError {
  override name = 'AuthenticationError';
  constructor(
    /** `invalid_credentials`: wrong client id or secret; `token_rejected`: a token was refused even after a refresh. */
    readonly reason: 'invalid_credentials' | 'token_rejected',
    message: string,
    hint: string,
    readonly status?: number,
    readonly oauthError?: string,
  ) {
    super('authentication', message, hint);
  }
}

/** An error answer of the API, with the vendor's code, domain, message and details. */
export class ApiError extends AcronisReportsError {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly operation: string,
    readonly vendor: VendorErrorBody,
    message: string,
    hint?: string,
    code: ErrorCode = 'api',
  ) {
    super(code, message, hint);
  }

  get vendorCode() {
    return this.vendor.code;
  }
}

export class PermissionError extends ApiError {
  override name = 'PermissionError';
}

export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}

/** The report changed since its `version` was read (vendor code 1001 "Version mismatch"). */
export class ConflictError extends ApiError {
  override name = 'ConflictError';
}

export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
  retryAfterMs: number | null = null;
}

/** `POST /reports` before the night's usage history is ready (a 400 before 06:00 UTC, a 500 after). */
export class UsageHistoryNotReadyError extends ApiError {
  override name = 'UsageHistoryNotReadyError';
}

export class ServerError extends ApiError {
  override name = 'ServerError';
}

/** The connection failed or dropped before an answer arrived. */
export class NetworkError extends AcronisReportsError {
  override name = 'NetworkError';
  constructor(message: string, hint?: string, options?: { cause?: unknown }, code: ErrorCode = 'network') {
    super(code, message, hint, options);
  }
}

export class TimeoutError extends NetworkError {
  override name = 'TimeoutError';
  constructor(message: string, hint?: string) {
    super(message, hint, undefined, 'timeout');
  }
}

/** A create whose answer was lost: the report may exist although no id came back. */
export class CreateOutcomeUnknownError extends NetworkError {
  override name = 'CreateOutcomeUnknownError';
  constructor(message: string, hint: string, options?: { cause?: unknown }) {
    super(message, hint, options, 'create_outcome_unknown');
  }
}

export class ReportGenerationFailedError extends AcronisReportsError {
  override name = 'ReportGenerationFailedError';
  constructor(
    readonly reportId: string,
    readonly failedFormats: string[],
  ) {
    super(
      'generation_failed',
      `The data center failed to generate report ${reportId} in ${failedFormats.join(', ')}.`,
      'Create the report again; if it keeps failing, contact Acronis support with the report id.',
    );
  }
}

export class WaitTimeoutError extends AcronisReportsError {
  override name = 'WaitTimeoutError';
  constructor(
    readonly reportId: string,
    readonly waitedMs: number,
    readonly statuses: Record<string, string>,
  ) {
    super(
      'wait_timeout',
      `Report ${reportId} was not ready after ${Math.round(waitedMs / 1000)} s (${Object.entries(statuses)
        .map(([format, status]) => `${format}: ${status}`)
        .join(', ')}).`,
      'Generation usually takes 1 to 2 minutes; wait again later with the same report id, or allow a longer timeout.',
    );
  }
}

/** An answer that does not match the API's description (for example a body that is not JSON). */
export class ResponseError extends AcronisReportsError {
  override name = 'ResponseError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('response', message, 'This is unexpected from the data center; retry later.', options);
  }
}
