import { createReportsClient, honourProxyEnvironment, type ReportsClient } from '@acronis-reports/core';
import type { Simulator } from '@acronis-reports/simulator';
import { resolveConnection, type ConnectionFlags } from './credentials.js';
import type { Output } from './output.js';

export interface GlobalFlags extends ConnectionFlags {
  json?: boolean;
  verbose?: boolean;
  timeout?: number;
}

export interface Session {
  client: ReportsClient;
  close(): Promise<void>;
}

/** The embedded simulator as `npm start` uses it: quick generations, and no night-time gap so the demo runs any hour. */
async function startEmbeddedSimulator(out: Output): Promise<Simulator> {
  // loaded only here: the simulator takes longer to load than the rest of the command line together
  const { createSimulator } = await import('@acronis-reports/simulator');
  const simulator = await createSimulator({ config: { generationDelayMs: 6000, listDelayMs: 500, nightlyUsageHistoryGap: false } });
  out.note(`Using the embedded simulator at ${simulator.baseUrl} (no data center is contacted; the data is made up).`);
  return simulator;
}

export async function openSession(flags: GlobalFlags, out: Output, env: NodeJS.ProcessEnv = process.env): Promise<Session> {
  const connection = resolveConnection(flags, env);
  const proxied = await honourProxyEnvironment(env);
  if (proxied && out.verbose) out.note('Using the proxy from HTTPS_PROXY / HTTP_PROXY (NO_PROXY honoured).');
  let simulator: Simulator | null = null;
  let credentials: { baseUrl: string; clientId: string; clientSecret: string };
  if (connection.kind === 'simulator') {
    simulator = await startEmbeddedSimulator(out);
    credentials = { baseUrl: simulator.baseUrl, clientId: simulator.clientId, clientSecret: simulator.clientSecret };
  } else {
    credentials = { baseUrl: connection.baseUrl, clientId: connection.clientId, clientSecret: connection.clientSecret };
  }
  const client = createReportsClient(credentials, {
    onRequest: (event) => out.request(event),
    ...(flags.timeout !== undefined ? { timeoutMs: flags.timeout * 1000 } : {}),
  });
  return { client, close: async () => simulator?.close() };
}
