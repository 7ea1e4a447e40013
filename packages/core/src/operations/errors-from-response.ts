import {
  ApiError,
  AuthenticationError,
  ConflictError,
  NotADataCenterError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  UsageHistoryNotReadyError,
  type AcronisReportsError,
  type VendorErrorBody,
} from '../errors.js';
import type { Secrets } from '../secrets.js';
import { subjectOf } from '../transport/operation-names.js';
import { retryAfterMs } from '../transport/retry.js';

/** The vendor's error object, cleaned of secrets; a body that is not the vendor's shape is kept as a short message. */
function vendorBody(body: unknown, secrets: Secrets): VendorErrorBody {
  const error = (body as { error?: unknown } | null)?.error;
  if (error && typeof error === 'object' && !Array.isArray(error)) return secrets.value(error) as VendorErrorBody;
  if (typeof body === 'string' && body.trim()) return { message: secrets.text(body.trim().slice(0, 300)) };
  return {};
}

export interface ErrorAnswer {
  /** The public method that was called (`getReport`). */
  operation: string;
  response: Response;
  /** The body, parsed when it was JSON. */
  body: unknown;
  /** The runtime's clock, to date a Retry-After. */
  now: number;
  secrets: Secrets;
  baseUrl: string;
}

/** The typed error for an API answer that is not a success. */
export function errorFromResponse(answer: ErrorAnswer): AcronisReportsError {
  const { operation, response, secrets } = answer;
  if (operation === 'requestAccessToken') {
    const refused = tokenRefusal(answer);
    if (refused) return refused;
  }
  const vendor = vendorBody(answer.body, secrets);
  const status = response.status;
  const said = vendor.message ? `: ${vendor.message}` : '';
  // The data center's own advice, when it gives one, beats a generic hint.
  const info = typeof vendor.details?.['info'] === 'string' ? vendor.details['info'] : undefined;
  const advise = (fallback: string) => info ?? fallback;
  const what = `${subjectOf(operation)} failed (${status}${said})`;
  const base = { status, operation, vendor, message: `${what}.` };
  if (/^usage history is not ready/i.test(vendor.message ?? '') && (status === 400 || status >= 500)) {
    const hint =
      status === 400
        ? 'The data center prepares the previous day\u2019s usage between 01:00 and 06:00 UTC; create the report after 06:00 UTC.'
        : 'The data center is late preparing usage history; try again in a while.';
    return new UsageHistoryNotReadyError({ ...base, hint });
  }
  switch (status) {
    case 401:
      return new AuthenticationError({
        reason: 'token_rejected',
        status,
        operation,
        message: `${what}: the access token was refused.`,
        hint: 'Check that the API client is still enabled and the data center URL is right; reconnect the credentials.',
      });
    case 403:
      return new PermissionError({ ...base, hint: advise('The API client may reach only its own tenant and the tenants below it.') });
    case 404:
      return new NotFoundError({ ...base, hint: advise('Check the id; the report may have been deleted.') });
    case 409:
      return new ConflictError({ ...base, hint: advise('The report changed meanwhile; fetch it for its current version and try again.') });
    case 429: {
      const waitMs = retryAfterMs(response, answer.now);
      return new RateLimitError({ ...base, message: `${what}: too many requests.`, hint: rateLimitHint(waitMs), retryAfterMs: waitMs });
    }
    default:
      if (status >= 500) return new ServerError({ ...base, hint: advise('The data center had a problem; try again in a few minutes.') });
      return new ApiError({ ...base, hint: advise(status === 400 ? 'Check the values sent.' : 'Try again later.') });
  }
}

/** How long to wait after a 429, in the data center's own words (Retry-After) when it gave them. */
export function rateLimitHint(waitMs: number | null): string {
  if (waitMs === null) return 'The data center gave no time to wait: wait a minute and try again.';
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const span = seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} minutes`;
  return `The data center asks to wait ${span} before the next request: try again after that.`;
}

/** The token exchange answers in the OAuth shape; 400/401/403 mean wrong credentials, 404/405 a wrong URL. */
function tokenRefusal({ response, body, secrets, baseUrl }: ErrorAnswer): AcronisReportsError | null {
  const status = response.status;
  if ([400, 401, 403].includes(status)) {
    const oauth = (body && typeof body === 'object' ? body : {}) as { error?: unknown; error_description?: unknown };
    const error = typeof oauth.error === 'string' ? secrets.text(oauth.error).slice(0, 100) : undefined;
    const description = typeof oauth.error_description === 'string' ? secrets.text(oauth.error_description).slice(0, 300) : undefined;
    return new AuthenticationError({
      reason: 'invalid_credentials',
      status,
      operation: 'requestAccessToken',
      ...(error ? { oauthError: error } : {}),
      message: `The data center refused the API client credentials (${status}${error ? ` ${error}` : ''}${description ? `: ${description}` : ''}).`,
      hint: 'Check the client id and secret, and that the data center URL is the one the API client was created in (management portal, Settings > API clients).',
    });
  }
  if (status === 404 || status === 405) {
    return new NotADataCenterError({
      status,
      operation: 'requestAccessToken',
      message: `${baseUrl} answered ${status} at /api/2/idp/token: it does not look like an Acronis data center.`,
      hint: 'Check the data center URL (for example https://eu2-cloud.acronis.com).',
    });
  }
  return null;
}
