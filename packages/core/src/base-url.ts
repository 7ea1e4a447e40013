import { ValidationError } from './errors.js';

export const apiPath = '/api/2';

const isLoopback = (hostname: string) =>
  hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);

/**
 * The data center URL as people give it (`eu2-cloud.acronis.com`, `https://eu2-cloud.acronis.com/`,
 * `.../api/2`) to `{ baseUrl: 'https://host', apiBaseUrl: 'https://host/api/2' }`. Only https leaves the machine.
 */
export function normalizeBaseUrl(input: string): { baseUrl: string; apiBaseUrl: string } {
  const fail = (message: string): never => {
    throw new ValidationError({ issues: [{ field: 'baseUrl', message }] });
  };
  const text = typeof input === 'string' ? input.trim() : '';
  if (!text) fail('is required: the data center URL, for example https://eu2-cloud.acronis.com');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return fail(`is not a URL: ${JSON.stringify(text)}; give the data center URL, for example https://eu2-cloud.acronis.com`);
  }
  if (url.username || url.password) fail('must not contain credentials; pass the client id and secret separately');
  if (url.search || url.hash) fail('must not have a query or fragment');
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) fail(`must use https (http is allowed only for a local simulator), got ${url.origin}`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`must be an https URL, got ${url.protocol}`);
  const path = url.pathname.replace(/\/+$/, '');
  if (path !== '' && path !== apiPath) fail(`should be the data center URL without a path (or ending in ${apiPath}), got ${url.pathname}`);
  return { baseUrl: url.origin, apiBaseUrl: `${url.origin}${apiPath}` };
}
