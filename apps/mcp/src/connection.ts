// The reports client the tools share, opened at the first tool call (so the handshake never waits for a data
// center or the simulator): credentials from the same variables as the CLI, or the embedded simulator.
import { readFileSync } from 'node:fs';
import { AcronisReportsError, createReportsClient, type ReportsClient } from '@acronis-reports/core';
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

function readSecretFile(path: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/[\r\n]+$/, '');
  } catch (error) {
    throw new SetupError({ message: `Cannot read the client secret from ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`, hint: howToSet });
  }
}

async function simulatorConnection(log: (line: string) => void): Promise<Connection> {
  const { createSimulator } = await import('@acronis-reports/simulator');
  // As `npm start` runs it: quick generations, and no night-time gap so the demo works at any hour.
  const simulator = await createSimulator({ config: { generationDelayMs: 6000, listDelayMs: 500, nightlyUsageHistoryGap: false } });
  log(`Using the embedded simulator at ${simulator.baseUrl} (no data center is contacted; the data is made up).`);
  const client = createReportsClient({ baseUrl: simulator.baseUrl, clientId: simulator.clientId, clientSecret: simulator.clientSecret });
  return { client, secrets: [simulator.clientSecret], close: () => simulator.close() };
}

function dataCenterConnection(env: NodeJS.ProcessEnv): Connection {
  const baseUrl = env['ACRONIS_BASE_URL']?.trim();
  const clientId = env['ACRONIS_CLIENT_ID']?.trim();
  const secretFile = env['ACRONIS_CLIENT_SECRET'] ? undefined : env['ACRONIS_CLIENT_SECRET_FILE']?.trim();
  const clientSecret = secretFile ? readSecretFile(secretFile) : env['ACRONIS_CLIENT_SECRET'];
  const given = { 'data center URL (ACRONIS_BASE_URL)': baseUrl, 'client id (ACRONIS_CLIENT_ID)': clientId, 'client secret (ACRONIS_CLIENT_SECRET)': clientSecret };
  const missing = Object.entries(given).filter(([, value]) => !value).map(([name]) => name);
  if (missing.length === 3) throw new SetupError({ message: 'No credentials are configured for this server.', hint: howToSet });
  if (missing.length > 0) throw new SetupError({ message: `Credentials are incomplete: the ${missing.join(' and the ')} ${missing.length > 1 ? 'are' : 'is'} missing.`, hint: howToSet });
  const client = createReportsClient({ baseUrl: baseUrl!, clientId: clientId!, clientSecret: clientSecret! });
  return { client, secrets: [clientSecret!], close: async () => {} };
}

/** Opens the connection once; a failed attempt is not kept, so fixing the file behind a secret needs no restart. */
export function lazyConnection(settings: ServerSettings, env: NodeJS.ProcessEnv, log: (line: string) => void) {
  let opening: Promise<Connection> | null = null;
  return {
    get(): Promise<Connection> {
      opening ??= (settings.simulator ? simulatorConnection(log) : Promise.resolve().then(() => dataCenterConnection(env))).catch((error: unknown) => {
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
