/** The shape of `fetch` core sends every request through: the global one, or a host's own adapter. */
export type FetchLike = (request: Request) => Promise<Response>;

/** A copy of a request with headers changed and, optionally, another signal. */
export function withHeaders(request: Request, headers: Record<string, string>, signal?: AbortSignal): Request {
  const merged = new Headers(request.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Request(request, { headers: merged, ...(signal ? { signal } : {}) });
}

const transientCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/**
 * Whether a thrown error means the connection failed (worth a retry for safe requests). fetch reports network
 * failures as a TypeError; Node adds a `cause` with a system code. Anything else, such as a host's own
 * re-authentication signal, is not ours to interpret and passes through untouched.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' && transientCodes.has(code);
}
