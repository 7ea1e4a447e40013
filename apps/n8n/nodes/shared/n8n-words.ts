// Shared by the nodes and the credential: text that n8n shows as it was written.

/**
 * n8n replaces a whole error message that mentions a system error code anywhere (ECONNREFUSED, ENOTFOUND, ...) with
 * a generic sentence of its own ("The service refused the connection - perhaps it is offline"), losing the data
 * center's URL and the advice. The codes are said in words instead, so the message reaches the user as written.
 */
const CODES_IN_WORDS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ECONNABORTED: 'connection aborted',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'name lookup failed for now',
	GETADDRINFO: 'name lookup',
	ETIMEDOUT: 'timed out',
	EHOSTUNREACH: 'host unreachable',
	EADDRNOTAVAIL: 'address not available',
	ERRADDRINUSE: 'address in use',
	ENOENT: 'no such file',
	EISDIR: 'is a directory',
	ENOTDIR: 'not a directory',
	EACCES: 'access denied',
	EEXIST: 'already exists',
	EPERM: 'not permitted',
};
const CODE_PATTERN = new RegExp(Object.keys(CODES_IN_WORDS).join('|'), 'gi');

/** A message or description that n8n shows as written (see CODES_IN_WORDS). */
export function inN8nWords(text: string): string;
export function inN8nWords(text: string | undefined): string | undefined;
export function inN8nWords(text: string | undefined): string | undefined {
	return text?.replace(CODE_PATTERN, (code) => CODES_IN_WORDS[code.toUpperCase()] ?? code);
}
