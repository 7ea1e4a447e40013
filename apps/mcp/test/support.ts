// The server as assistants run it: the built bin spawned over stdio by the SDK's own client, against a simulator on
// 127.0.0.1 whose clock is pinned (the tests name their months, so nothing depends on the day they run).
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll } from 'vitest';
import { createSimulator, type Simulator, type SimulatorOptions } from '@acronis-reports/simulator';

export const bin = join(import.meta.dirname, '..', 'dist', 'bin.js');

export function useSimulator(options: SimulatorOptions = {}): () => Simulator {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await createSimulator({ now: '2026-11-15T12:00:00Z', config: { generationDelayMs: 1500, listDelayMs: 100 }, ...options });
  });
  afterAll(async () => {
    await simulator?.close();
  });
  return () => simulator;
}

export const credentialsOf = (sim: Simulator) => ({ ACRONIS_BASE_URL: sim.baseUrl, ACRONIS_CLIENT_ID: sim.clientId, ACRONIS_CLIENT_SECRET: sim.clientSecret });

/** The environment without the machine's ACRONIS_* variables and proxies, so that only what a test gives counts. */
export const cleanEnvironment = (): Record<string, string> =>
  Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && !/^(ACRONIS_|HTTPS?_PROXY|https?_proxy|NO_PROXY|no_proxy)/.test(entry[0])));

export interface Session {
  client: Client;
  /** What the server wrote to stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

export async function connect(env: Record<string, string>, args: string[] = []): Promise<Session> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin, ...args], env: { ...cleanEnvironment(), ...env }, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'acronis-reports-mcp-tests', version: '0.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

export const textOf = (result: CallToolResult): string => result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');

export async function call(session: Session, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await session.client.callTool({ name, arguments: args })) as CallToolResult;
}
