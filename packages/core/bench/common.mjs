// Shared bits of the benchmark: the simulator's demo credentials, a report body, a bare token, a simulated-clock
// runtime, and small statistics helpers.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Simulated start time: midday, outside the simulator's nightly "usage history not ready" gap. */
export const midday = '2026-11-15T12:00:00Z';

export const credentialsOf = (sim) => ({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret });

/** A one-time billing report of October 2026 that the simulator saves as files. */
export const reportBody = (tenantId, formats) => ({
  parameters: {
    kind: 'usage_summary',
    tenant_id: tenantId,
    level: 'direct_partners',
    period: { start: '2026-10-01', end: '2026-10-31' },
    formats,
    hide_zero_usage: true,
    show_skus: true,
  },
  schedule: { type: 'once' },
  result_action: 'save',
});

/** A bearer token fetched the way the vendor's samples do it, for the bare-fetch baselines. */
export async function bareToken(sim) {
  const basic = Buffer.from(`${sim.clientId}:${sim.clientSecret}`).toString('base64');
  const response = await fetch(`${sim.apiBaseUrl}/idp/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  if (!response.ok) throw new Error(`token request answered ${response.status}`);
  return (await response.json()).access_token;
}

/** Core's Runtime on the simulator's clock: sleeping moves the simulated clock instead of waiting. */
export function simulatedRuntime(sim) {
  const sleeps = [];
  return {
    sleeps,
    now: () => Date.parse(sim.control.now()),
    random: () => 0.5,
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      await advance(sim, ms);
    },
  };
}

/** Moves the simulated clock and lets work running in real time (file measuring) catch up for one turn. */
export async function advance(sim, ms) {
  sim.control.advanceClock(ms);
  await nextTurn();
}

/** Log entries of one operation, with the simulator's own handling time summed. */
export function loggedTime(sim, operationId) {
  const entries = sim.control.requests().filter((entry) => entry.operationId === operationId);
  return { count: entries.length, handlingMs: entries.reduce((sum, entry) => sum + entry.handlingMs, 0), statuses: entries.map((e) => e.status) };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const round = (value, digits = 3) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);
