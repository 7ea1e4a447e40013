import type { Simulator } from '@acronis-reports/simulator';
import { mapLimited, type ReportsClient, type WatchOptions, type WatchResult } from '../../src/index.js';

export type Seed = { generationDate?: string; monthly?: boolean; formats?: ('csv_v2_0' | 'json_v2_0' | 'csv' | 'html')[]; send?: boolean };

/** Reports made straight through the API, as other users would, a few at a time. */
export async function seed(client: ReportsClient, tenantId: string, count: number, options: Seed = {}) {
  const monthly = options.monthly ?? false;
  return mapLimited(Array.from({ length: count }), 8, () =>
    client.createReport({
      result_action: options.send ? 'send' : 'save',
      recipients: options.send ? ['6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f'] : [],
      parameters: {
        tenant_id: tenantId,
        kind: 'usage_summary',
        level: 'itself',
        formats: options.formats ?? (monthly ? ['csv'] : ['csv_v2_0', 'json_v2_0']),
        ...(monthly ? {} : { period: { start: '2026-10-01', end: '2026-10-31' } }),
      },
      schedule: monthly ? { type: 'monthly', enabled: true } : { type: 'once' },
      ...(options.generationDate ? { generation_date: options.generationDate } : {}),
    }),
  );
}

/** The API requests the simulator answered since `from` (its log's seq), the token exchange left out. */
export function apiCallsSince(sim: Simulator, from: number) {
  return sim.control.requests().filter((entry) => entry.seq > from && entry.operationId !== 'requestToken' && entry.status !== 401);
}

export const lastSeq = (sim: Simulator) => sim.control.requests().at(-1)?.seq ?? 0;

/** Polls as a host does: each poll gets the state the previous one returned; the simulator counts the requests. */
export function poller(sim: Simulator, client: ReportsClient, options: Omit<WatchOptions, 'state'>) {
  let state: unknown;
  return {
    async poll(): Promise<WatchResult & { logged: number }> {
      const from = lastSeq(sim);
      const result = await client.pollWatch({ ...options, state });
      state = JSON.parse(JSON.stringify(result.state)); // kept as JSON, as n8n and Zapier keep it
      return { ...result, logged: apiCallsSince(sim, from).length };
    },
    get state() {
      return state;
    },
    set state(value: unknown) {
      state = value;
    },
  };
}
