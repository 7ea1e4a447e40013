// The reports client the tools share, opened at the first tool call (so the handshake never waits for a data
// center or the simulator): credentials from the same variables as the CLI, or the embedded simulator.
import {
  AcronisReportsError,
  createReportsClient,
  CREDENTIAL_VARIABLES,
  findCredentials,
  honourProxyEnvironment,
  ValidationError,
  type CredentialPart,
  type ReportsClient,
} from '@acronis-reports/core';
import type { ServerSettings } from './settings.js';

export interface Connection {
  client: ReportsClient;
  /** Values that must never reach an output, whatever a server echoes. */
  secrets: string[];
  close(): Promise<void>;
}

/** Credentials that are missing or unreadable: a tool error the assistant can pass on, not a crash at start. */
export class SetupError extends AcronisReportsError {
  override name = 'SetupError';
}

const howToSet =
  'Set ACRONIS_BASE_URL, ACRONIS_CLIENT_ID and ACRONIS_CLIENT_SECRET (or ACRONIS_CLIENT_SECRET_FILE) in the server\'s environment (the "env" of its entry in the assistant\'s configuration), or start it with --simulator to try it on made-up data.';

async function simulatorConnection(log: (line: string) => void): Promise<Connection> {
  const { createSimulator } = await import('@acronis-reports/simulator');
  // As `npm start` runs it: quick generations, and no night-time gap so the demo works at any hour.
  const simulator = await createSimulator({ config: { generationDelayMs: 6000, listDelayMs: 500, nightlyUsageHistoryGap: false } });
  log(`Using the embedded simulator at ${simulator.baseUrl} (no data center is contacted; the data is made up).`);
  const client = createReportsClient({ baseUrl: simulator.baseUrl, clientId: simulator.clientId, clientSecret: simulator.clientSecret });
  return { client, secrets: [simulator.clientSecret], close: () => simulator.close() };
}

const partNames: Record<CredentialPart, string> = {
  baseUrl: `data center URL (${CREDENTIAL_VARIABLES.baseUrl})`,
  clientId: `client id (${CREDENTIAL_VARIABLES.clientId})`,
  clientSecret: `client secret (${CREDENTIAL_VARIABLES.clientSecret})`,
};

/** The data center from the ACRONIS_* variables, by core's rules (the CLI reads them alike), through a proxy when one is set. */
async function dataCenterConnection(env: NodeJS.ProcessEnv): Promise<Connection> {
  let found;
  try {
    found = findCredentials({}, env);
  } catch (error) {
    if (error instanceof ValidationError) throw new SetupError({ message: `Cannot read the client secret: ${error.summary}`, hint: howToSet, cause: error });
    throw error;
  }
  const missing = found.missing.map((part) => partNames[part]);
  if (missing.length === 3) throw new SetupError({ message: 'No credentials are configured for this server.', hint: howToSet });
  if (missing.length > 0) throw new SetupError({ message: `Credentials are incomplete: the ${missing.join(' and the ')} ${missing.length > 1 ? 'are' : 'is'} missing.`, hint: howToSet });
  await honourProxyEnvironment(env);
  const client = createReportsClient({ baseUrl: found.baseUrl!, clientId: found.clientId!, clientSecret: found.clientSecret! });
  return { client, secrets: [found.clientSecret!], close: async () => {} };
}

/** Opens the connection once; a failed attempt is not kept, so fixing the file behind a secret needs no restart. */
export function lazyConnection(settings: ServerSettings, env: NodeJS.ProcessEnv, log: (line: string) => void) {
  let opening: Promise<Connection> | null = null;
  return {
    get(): Promise<Connection> {
      opening ??= (settings.simulator ? simulatorConnection(log) : dataCenterConnection(env)).catch((error: unknown) => {
        opening = null;
        throw error;
      });
      return opening;
    },
    async close(): Promise<void> {
      const open = opening;
      opening = null;
      if (open) await open.then((connection) => connection.close(), () => undefined);
    },
    /** Secrets known before the connection opens: a tool error may come before it. */
    knownSecrets(): string[] {
      return [env['ACRONIS_CLIENT_SECRET'] ?? ''].filter(Boolean);
    },
  };
}

export type LazyConnection = ReturnType<typeof lazyConnection>;
