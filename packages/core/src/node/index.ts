// The Node entry: the main entry's API with Node's timers and clock filled in, plus file and stream helpers.
import {
  createReportsClient as createWithRuntime,
  requestAccessToken as requestWithRuntime,
  type ReportsClient,
  type ReportsClientOptions,
  type ReportsCredentials,
} from '../client.js';
import type { IssuedToken } from '../auth/client-credentials.js';
import type { ExportOptions, ExportResult } from '../operations/export.js';
import { saveDownloadTo, type SavedFile } from './files.js';
import { nodeRuntime } from './runtime.js';

export * from '../index.js';
export { saveDownload, saveDownloadTo, toNodeReadable, type SavedFile } from './files.js';
export { nodeRuntime } from './runtime.js';
export { fileWebStream } from './file-stream.js';
export { honourProxyEnvironment } from './proxy.js';
export { CREDENTIAL_VARIABLES, findCredentials, type CredentialPart, type CredentialSources, type FoundCredentials } from './credentials.js';

export type NodeReportsClientOptions = Partial<ReportsClientOptions>;

/** A reports client with Node's timers; every option of the main entry can still be given. */
export function createReportsClient(credentials: ReportsCredentials, options: NodeReportsClientOptions = {}): ReportsClient {
  return createWithRuntime(credentials, withNodeRuntime(options));
}

/** One client credentials exchange, with Node's timers (see the main entry's `requestAccessToken`). */
export function requestAccessToken(
  credentials: { baseUrl: string; clientId: string; clientSecret: string },
  options: NodeReportsClientOptions = {},
): Promise<IssuedToken> {
  return requestWithRuntime(credentials, withNodeRuntime(options));
}

/** Node's timers unless a runtime is given; options that are not an object go on as they are, to be refused. */
function withNodeRuntime(options: NodeReportsClientOptions): ReportsClientOptions {
  const isObject = typeof options === 'object' && options !== null && !Array.isArray(options);
  if (!isObject || Object.prototype.hasOwnProperty.call(options, 'runtime')) return options as ReportsClientOptions;
  return { ...options, runtime: nodeRuntime };
}

/** The monthly billing export with every file saved into `directory` (created when missing). */
export function exportBillingReportToDirectory(
  client: ReportsClient,
  options: Omit<ExportOptions<SavedFile>, 'consume'> & { directory: string },
): Promise<ExportResult<SavedFile>> {
  const { directory, ...rest } = options;
  return client.exportBillingReport({ ...rest, consume: (download) => saveDownloadTo(download, directory) });
}
