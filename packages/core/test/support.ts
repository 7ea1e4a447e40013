import { afterAll, beforeAll } from 'vitest';
import { createSimulator, type Simulator, type SimulatorOptions } from '@acronis-reports/simulator';
import { createReportsClient as createNodeClient } from '../src/node/index.js';
import { createReportsClient, type ReportsClientOptions } from '../src/index.js';
import type { Runtime } from '../src/runtime.js';

export const midday = '2026-11-15T12:00:00Z';

/** One simulator per test file, on a pinned clock, with quick generations. */
export function useSimulator(options: SimulatorOptions = {}): () => Simulator {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await createSimulator({ now: midday, config: { generationDelayMs: 2000, listDelayMs: 200 }, ...options });
  });
  afterAll(async () => {
    await simulator?.close();
  });
  return () => simulator;
}

/**
 * A runtime whose time is the simulator's: sleeping moves the simulated clock instead of waiting, so waits of
 * minutes take milliseconds and are counted exactly. `sleeps` records every pause asked for.
 */
export function simulatedRuntime(sim: Simulator): Runtime & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.parse(sim.control.now()),
    random: () => 0.5,
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      sim.control.advanceClock(ms);
      // let generations measured in the background (real time) catch up
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** A client with the demo credentials on the simulated runtime. */
export function clientFor(sim: Simulator, options: Partial<ReportsClientOptions> = {}) {
  const runtime = options.runtime ?? simulatedRuntime(sim);
  // Simulated sleeps return at once, so a timeout on them would fire at once: timeouts are tested on real time.
  return createReportsClient({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret }, { timeoutMs: 0, ...options, runtime });
}

/** A client on Node's real timers, as library users get it. */
export function nodeClientFor(sim: Simulator, options: Partial<ReportsClientOptions> = {}) {
  return createNodeClient({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret }, options);
}

export const requestsOf = (sim: Simulator, operationId?: string) =>
  sim.control.requests().filter((request) => operationId === undefined || request.operationId === operationId);

export const billingBody = (tenantId: string) => ({
  parameters: {
    kind: 'usage_summary' as const,
    tenant_id: tenantId,
    level: 'direct_partners' as const,
    period: { start: '2026-10-01', end: '2026-10-31' },
    formats: ['csv_v2_0' as const, 'json_v2_0' as const],
    hide_zero_usage: true,
    show_skus: true,
  },
  schedule: { type: 'once' as const },
  result_action: 'save' as const,
});

export const unknownId = '00000000-0000-4000-8000-000000000000';
