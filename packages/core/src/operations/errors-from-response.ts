import {
  ApiError,
  AuthenticationError,
  ConflictError,
  NetworkError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ResponseError,
  ServerError,
  TimeoutError,
  UsageHistoryNotReadyError,
  type VendorErrorBody,
} from '../errors.js';
import { redact } from '../redact.js';
import { isConnectionFailure } from '../transport/fetch-like.js';
import { retryAfterMs } from '../transport/retry.js';

const subjects: Record<string, string> = {
  createReport: 'Creating the report',
  fetchReport: 'Fetching the report',
  updateReport: 'Updating the report',
  deleteReport: 'Deleting the report',
  fetchStoredReports: 'Listing the stored reports',
  downloadStoredReport: 'Downloading the stored report',
  fetchTenantReports: "Listing the tenant's reports",
  requestToken: 'Requesting an access token',
  fetchClient: 'Looking up the API client',
};

const subjectOf = (operation: string) => subjects[operation] ?? operation;

function vendorBody(body: unknown): VendorErrorBody {
  const error = (body as { error?: unknown } | null)?.error;
  if (error && typeof error === 'object') return error as VendorErrorBody;
  if (typeof body === 'string' && body.trim()) return { message: redact(body.trim().slice(0, 300)) };
  return {};
}

/** The typed error for an API answer that is not a success; `now` (the runtime's clock) dates a Retry-After. */
export function errorFromResponse(operation: string, response: Response, body: unknown, now: number): ApiError | AuthenticationError {
  const vendor = vendorBody(body);
  const said = vendor.message ? `: ${redact(vendor.message)}` : '';
  // The data center's own advice, when it gives one, beats a generic hint.
  const info = typeof vendor.details?.['info'] === 'string' ? redact(vendor.details['info']) : undefined;
  const advise = (fallback: string) => info ?? fallback;
  const what = `${subjectOf(operation)} failed (${response.status}${said})`;
  const status = response.status;
  if (/^usage history is not ready/i.test(vendor.message ?? '') && (status === 400 || status >= 500)) {
    const hint =
      status === 400
        ? 'The data center prepares the previous day\u2019s usage between 01:00 and 06:00 UTC; create the report after 06:00 UTC.'
        : 'The data center is late preparing usage history; try again in a while.';
    return new UsageHistoryNotReadyError(status, operation, vendor, `${what}.`, hint, 'usage_history_not_ready');
  }
  switch (status) {
    case 401:
      return new AuthenticationError(
        'token_rejected',
        `${what}: the access token was refused.`,
        'Check that the API client is still enabled and the data center URL is right; reconnect the credentials.',
        401,
      );
    case 403:
      return new PermissionError(status, operation, vendor, `${what}.`, advise('The API client may reach only its own tenant and the tenants below it.'), 'permission');
    case 404:
      return new NotFoundError(status, operation, vendor, `${what}.`, advise('Check the id; the report may have been deleted.'), 'not_found');
    case 409:
      return new ConflictError(status, operation, vendor, `${what}.`, advise('The report changed meanwhile; fetch it for its current version and try again.'), 'conflict');
    case 429: {
      const error = new RateLimitError(status, operation, vendor, `${what}: too many requests.`, 'Wait a little and try again.', 'rate_limited');
      error.retryAfterMs = retryAfterMs(response, now);
      return error;
    }
    default:
      if (status >= 500) return new ServerError(status, operation, vendor, `${what}.`, advise('The data center had a problem; try again in a few minutes.'), 'server');
      return new ApiError(status, operation, vendor, `${what}.`, advise(status === 400 ? 'Check the values sent.' : 'Try again later.'));
  }
}

/** What a thrown transport error becomes: connection failures and timeouts are typed, anything else passes. */
export function translateThrown(error: unknown, operation: string, baseUrl: string): unknown {
  if (error instanceof TimeoutError || error instanceof NetworkError) return error;
  if (isConnectionFailure(error)) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const detail = redact(cause?.code ?? cause?.message ?? (error as Error).message);
    return new NetworkError(`${subjectOf(operation)} failed: could not reach ${baseUrl} (${detail}).`, 'Check the data center URL and the network, then try again.', { cause: error });
  }
  if (error instanceof SyntaxError) return new ResponseError(`${subjectOf(operation)} failed: the answer was not valid JSON.`, { cause: error });
  return error;
}
