// Credentials as the command-line hosts (the CLI, the MCP server) take them: one set of rules for where they come
// from, so that the same environment means the same data center and API client in every tool.
import { readFileSync } from 'node:fs';
import { ValidationError } from '../errors.js';

/** The environment variables that hold credentials. */
export const CREDENTIAL_VARIABLES = {
  baseUrl: 'ACRONIS_BASE_URL',
  clientId: 'ACRONIS_CLIENT_ID',
  clientSecret: 'ACRONIS_CLIENT_SECRET',
  clientSecretFile: 'ACRONIS_CLIENT_SECRET_FILE',
} as const;

export interface CredentialSources {
  baseUrl?: string | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  /** A file holding the secret (trailing newlines are not part of it); `-` is standard input. */
  clientSecretFile?: string | undefined;
}

export type CredentialPart = 'baseUrl' | 'clientId' | 'clientSecret';

export interface FoundCredentials {
  baseUrl?: string;
  clientId?: string;
  clientSecret?: string;
  /** The parts not found, in the order baseUrl, clientId, clientSecret: all three when nothing was given. */
  missing: CredentialPart[];
}

const present = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);

/**
 * The credentials `given` (a host's flags) and, for each part not given, the `ACRONIS_*` variable of `env`. A
 * secret given directly wins over a secret file of the same source, and a given file over a variable's secret.
 * URL and id are trimmed; the secret is taken as it is. A secret file that cannot be read is a `ValidationError`
 * (field `clientSecretFile`) naming the file.
 */
export function findCredentials(given: CredentialSources, env: Record<string, string | undefined>): FoundCredentials {
  const variables: CredentialSources = {
    baseUrl: env[CREDENTIAL_VARIABLES.baseUrl],
    clientId: env[CREDENTIAL_VARIABLES.clientId],
    clientSecret: env[CREDENTIAL_VARIABLES.clientSecret],
    clientSecretFile: env[CREDENTIAL_VARIABLES.clientSecretFile],
  };
  const found = {
    baseUrl: (present(given.baseUrl) ?? present(variables.baseUrl))?.trim(),
    clientId: (present(given.clientId) ?? present(variables.clientId))?.trim(),
    clientSecret: secretOf(given) ?? secretOf(variables),
  };
  const missing = (['baseUrl', 'clientId', 'clientSecret'] as const).filter((part) => found[part] === undefined);
  const result: FoundCredentials = { missing };
  for (const part of ['baseUrl', 'clientId', 'clientSecret'] as const) if (found[part] !== undefined) result[part] = found[part];
  return result;
}

function secretOf(source: CredentialSources): string | undefined {
  const direct = present(source.clientSecret);
  if (direct !== undefined) return direct;
  const file = present(source.clientSecretFile);
  return file === undefined ? undefined : fromFile(file.trim());
}

function fromFile(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ValidationError({ issues: [{ field: 'clientSecretFile', message: `cannot be read from ${path === '-' ? 'standard input' : path} (${reason})` }] });
  }
  return present(text.replace(/[\r\n]+$/, ''));
}
