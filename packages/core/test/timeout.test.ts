import { beforeEach, describe, expect, it } from 'vitest';
import { TimeoutError } from '../src/index.js';
import { nodeRuntime } from '../src/node/runtime.js';
import type { Runtime } from '../src/runtime.js';
import { Deadlines } from '../src/transport/deadlines.js';
import { nodeClientFor, requestsOf, useSimulator } from './support.js';

/** A runtime whose timers only fire when the test says so. */
function manualTimers() {
  let now = 0;
  const timers: { at: number; onExpire: () => void; stopped: boolean }[] = [];
  const runtime: Runtime = {
    now: () => now,
    random: () => 0.5,
    sleep: async () => undefined,
    startTimer(ms, onExpire) {
      const timer = { at: now + ms, onExpire, stopped: false };
      timers.push(timer);
      return () => (timer.stopped = true);
    },
  };
  /** Moves the clock and fires the timers that are due, as a real runtime would. */
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.filter((t) => !t.stopped && t.at <= now)) {
      timer.stopped = true;
      timer.onExpire();
    }
  };
  return { runtime, timers, advance };
}

describe('deadlines of attempts in flight', () => {
  it('watch any number of attempts with one timer', () => {
    const { runtime, timers } = manualTimers();
    const deadlines = new Deadlines(runtime);
    for (let i = 0; i < 100; i += 1) deadlines.add(1000, () => undefined)();
    deadlines.add(1000, () => undefined);
    expect(timers).toHaveLength(1);
  });

  it('expire what is due, spare what was settled, and re-arm for the next deadline', () => {
    const { runtime, timers, advance } = manualTimers();
    const deadlines = new Deadlines(runtime);
    const expired: string[] = [];
    deadlines.add(1000, () => expired.push('first'));
    const settleSecond = deadlines.add(1000, () => expired.push('settled'));
    advance(400);
    deadlines.add(1000, () => expired.push('third'));
    settleSecond();
    advance(600);
    expect(expired).toEqual(['first']);
    expect(timers.map((t) => t.at)).toEqual([1000, 1400]);
    advance(400);
    expect(expired).toEqual(['first', 'third']);
    expect(timers).toHaveLength(2); // nothing left to watch: no timer
    deadlines.add(1000, () => expired.push('later'));
    expect(timers.map((t) => t.at)).toEqual([1000, 1400, 2400]);
  });
});

const simulator = useSimulator();
beforeEach(() => {
  simulator().control.clearRequests();
  simulator().control.clearFaults();
});
const listPath = '/api/2/tenants/*/reports';

describe('per-attempt timeouts on real time', () => {
  it('start one timer for many calls in a row, not one per call', async () => {
    const sim = simulator();
    let timersStarted = 0;
    const counting: Runtime = { ...nodeRuntime, startTimer: (ms, onExpire) => (timersStarted += 1, nodeRuntime.startTimer!(ms, onExpire)) };
    const client = nodeClientFor(sim, { runtime: counting, timeoutMs: 5000 });
    for (let i = 0; i < 20; i += 1) await client.listTenantReportIds(sim.tenantId);
    expect(requestsOf(sim, 'fetchTenantReports')).toHaveLength(20);
    expect(timersStarted).toBe(1);
  });

  it('time out the slow attempt among concurrent ones and answer the others', async () => {
    const sim = simulator();
    const client = nodeClientFor(sim, { timeoutMs: 150, retry: false });
    const ownTenant = await client.getOwnTenantId();
    sim.control.addFault({ type: 'latency', delayMs: 1000, always: true, path: listPath });
    const [slow, ...fast] = await Promise.allSettled([client.listTenantReportIds(sim.tenantId), client.getOwnTenantId(), client.getOwnTenantId()]);
    expect(slow.status === 'rejected' && slow.reason).toBeInstanceOf(TimeoutError);
    expect(fast.map((result) => result.status === 'fulfilled' && result.value)).toEqual([ownTenant, ownTenant]);
  });

  it("abort the request itself when the caller's signal fires", async () => {
    const sim = simulator();
    const client = nodeClientFor(sim, { timeoutMs: 10_000, retry: false });
    await client.getOwnTenantId();
    sim.control.addFault({ type: 'latency', delayMs: 20_000, always: true, path: listPath });
    const controller = new AbortController();
    const reason = new Error('the user cancelled');
    const call = client.listTenantReportIds(sim.tenantId, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    // without the abort reaching fetch, this call would wait out the 20 s latency and succeed
    await expect(call).rejects.toBe(reason);
  });
});
