import { readFileSync } from 'node:fs';
import { UsageError } from './exit-codes.js';

export interface ConnectionFlags {
  baseUrl?: string;
  clientId?: string;
  clientSecret?: string;
  clientSecretFile?: string;
  simulator?: boolean;
}

export type Connection =
  | { kind: 'simulator' }
  | { kind: 'datacenter'; baseUrl: string; clientId: string; clientSecret: string };

/** Where credentials can come from besides --simulator (`npm start` reads these to choose the simulator or not). */
export const credentialVariables = ['ACRONIS_BASE_URL', 'ACRONIS_CLIENT_ID', 'ACRONIS_CLIENT_SECRET', 'ACRONIS_CLIENT_SECRET_FILE'] as const;
export const credentialFlags = ['--base-url', '--client-id', '--client-secret', '--client-secret-file'] as const;

const howToSet = `Set ACRONIS_BASE_URL, ACRONIS_CLIENT_ID and ACRONIS_CLIENT_SECRET (or ACRONIS_CLIENT_SECRET_FILE), or pass
--base-url, --client-id and --client-secret-file. Create an API client in the management portal under
Settings > API clients. To try the tool without an account, add --simulator.`;

/** Reads a secret from a file, or from stdin when the file is `-`; trailing newlines are not part of it. */
function readSecret(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8').replace(/[\r\n]+$/, '');
  } catch (error) {
    throw new UsageError(`Cannot read the client secret from ${path === '-' ? 'stdin' : path}: ${(error as Error).message}`);
  }
}

/**
 * Where the credentials come from: flags first, then ACRONIS_* variables. The simulator is used only when asked,
 * so that a scheduled job with a missing secret fails instead of writing billing files from fake data.
 */
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Connection {
  const baseUrl = flags.baseUrl ?? env['ACRONIS_BASE_URL'];
  const clientId = flags.clientId ?? env['ACRONIS_CLIENT_ID'];
  const secretFile = flags.clientSecretFile ?? (flags.clientSecret ? undefined : env['ACRONIS_CLIENT_SECRET_FILE']);
  const clientSecret = flags.clientSecret ?? (secretFile ? readSecret(secretFile) : env['ACRONIS_CLIENT_SECRET']);
  const given = { 'data center URL': baseUrl, 'client id': clientId, 'client secret': clientSecret };
  const present = Object.entries(given).filter(([, value]) => value);
  if (flags.simulator) {
    if (present.length > 0) throw new UsageError(`--simulator and credentials (${present.map(([name]) => name).join(', ')}) do not go together: choose one.`);
    return { kind: 'simulator' };
  }
  if (present.length === 0) throw new UsageError(`No credentials given.\n${howToSet}`);
  const missing = Object.entries(given).filter(([, value]) => !value).map(([name]) => name);
  if (missing.length > 0) throw new UsageError(`Credentials are incomplete: the ${missing.join(' and the ')} ${missing.length > 1 ? 'are' : 'is'} missing.\n${howToSet}`);
  return { kind: 'datacenter', baseUrl: baseUrl!, clientId: clientId!, clientSecret: clientSecret! };
}
