import { CREDENTIAL_VARIABLES, findCredentials, type CredentialPart } from '@acronis-reports/core';
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
export const credentialVariables = Object.values(CREDENTIAL_VARIABLES);
export const credentialFlags = ['--base-url', '--client-id', '--client-secret', '--client-secret-file'] as const;

const howToSet = `Set ACRONIS_BASE_URL, ACRONIS_CLIENT_ID and ACRONIS_CLIENT_SECRET (or ACRONIS_CLIENT_SECRET_FILE), or pass
--base-url, --client-id and --client-secret-file. Create an API client in the management portal under
Settings > API clients. To try the tool without an account, add --simulator.`;

const partNames: Record<CredentialPart, string> = { baseUrl: 'data center URL', clientId: 'client id', clientSecret: 'client secret' };

/**
 * Where the credentials come from: flags first, then ACRONIS_* variables (core's rules, shared with the MCP server).
 * The simulator is used only when asked, so that a scheduled job with a missing secret fails instead of writing
 * billing files from fake data.
 */
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Connection {
  const found = findCredentials(flags, env);
  if (flags.simulator) {
    const given = (['baseUrl', 'clientId', 'clientSecret'] as const).filter((part) => found[part] !== undefined);
    if (given.length > 0) throw new UsageError(`--simulator and credentials (${given.map((part) => partNames[part]).join(', ')}) do not go together: choose one.`);
    return { kind: 'simulator' };
  }
  if (found.missing.length === 3) throw new UsageError(`No credentials given.\n${howToSet}`);
  const missing = found.missing.map((part) => partNames[part]);
  if (missing.length > 0) throw new UsageError(`Credentials are incomplete: the ${missing.join(' and the ')} ${missing.length > 1 ? 'are' : 'is'} missing.\n${howToSet}`);
  return { kind: 'datacenter', baseUrl: found.baseUrl!, clientId: found.clientId!, clientSecret: found.clientSecret! };
}
