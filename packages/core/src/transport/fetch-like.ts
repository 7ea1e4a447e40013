/** The shape of `fetch` a host may pass: core hands it a standard Request and expects a standard Response. */
export type FetchLike = (request: Request) => Promise<Response>;

/** System error codes of a connection that failed or dropped (Node's, undici's, node-fetch's). */
const connectionCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * Whether a thrown error means the connection failed or dropped: somewhere in its cause chain an error carries a
 * system code of a failed connection (fetch wraps those in a TypeError: `fetch failed`, or `terminated` for a body
 * cut mid-way; node-fetch and hosts keep them as `code`). A TypeError without one is a bug, not the network, and
 * anything else (a host's own re-authentication signal) is not ours to interpret.
 */
export function isConnectionFailure(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object' && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && connectionCodes.has(code)) return true;
  }
  return false;
}

/** The system code of a connection failure, for messages (`ECONNREFUSED`). */
export function connectionCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object' && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && connectionCodes.has(code)) return code;
  }
  return undefined;
}
