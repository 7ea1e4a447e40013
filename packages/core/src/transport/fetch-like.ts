/** The shape of `fetch` a host may pass: core hands it a standard Request and expects a standard Response. */
export type FetchLike = (request: Request) => Promise<Response>;

/**
 * A request on its way through core's middleware. Plain data, not a `Request`: building and cloning `Request`
 * objects costs more than the rest of a call, so one is made only at the very end (or none, when the global fetch
 * takes the URL and init directly). Bodies are strings (JSON or form), so a retry can send them again.
 */
export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
  signal: AbortSignal | null;
}

/** What the middleware chain is made of. */
export type Send = (request: OutgoingRequest) => Promise<Response>;

/**
 * The class openapi-fetch instantiates instead of `Request` (its `Request` option): it keeps the URL and init as
 * they are. openapi-fetch reads `method` and copies unknown init fields onto it; nothing else.
 */
export class PlainRequest implements OutgoingRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | null;
  readonly signal: AbortSignal | null;

  constructor(url: string | URL, init: RequestInit = {}) {
    this.url = String(url);
    this.method = (init.method ?? 'GET').toUpperCase();
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') {
      throw new TypeError('core sends only string bodies');
    }
    this.body = init.body ?? null;
    this.signal = init.signal ?? null;
  }
}

/** The last step: the host's fetch with a real Request, or the global fetch with the URL and init. */
export function sendWith(fetchLike: FetchLike | undefined): Send {
  if (fetchLike) return (request) => fetchLike(new Request(request.url, initOf(request)));
  return (request) => fetch(request.url, initOf(request));
}

function initOf({ method, headers, body, signal }: OutgoingRequest): RequestInit {
  // a signal is handed on only when the caller gave one: each costs Node's fetch listeners and a finalizer
  return signal ? { method, headers, body, signal } : { method, headers, body };
}

const transientCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ENOTFOUND']);

/**
 * Whether a thrown error means the connection failed (worth a retry for safe requests). fetch reports network
 * failures as a TypeError; Node adds a `cause` with a system code. Anything else, such as a host's own
 * re-authentication signal, is not ours to interpret and passes through untouched.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof TypeError || (error as Error | null)?.name === 'FetchError') return true;
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === 'string' && transientCodes.has(code);
}
