import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimeoutError, type RequestEvent } from '../src/index.js';
import { nodeRuntime } from '../src/node/runtime.js';
import type { Runtime } from '../src/runtime.js';
import { Deadlines } from '../src/transport/deadlines.js';
import { nodeClientFor, requestsOf, useSimulator } from './support.js';

/** Node's timers and monotonic clock under vitest's control; `timers` lists every timer the deadlines start. */
function manualTimers() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  const timers: { at: number }[] = [];
  const runtime: Runtime = {
    ...nodeRuntime,
    startTimer(ms, onExpire) {
      timers.push({ at: performance.now() + ms });
      const timer = setTimeout(onExpire, ms);
      return () => clearTimeout(timer);
    },
  };
  return { runtime, timers, advance: (ms: number) => vi.advanceTimersByTime(ms) };
}

describe('deadlines of attempts in flight', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

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
    const startedAt = performance.now();
    const expired: string[] = [];
    deadlines.add(1000, () => expired.push('first'));
    const settleSecond = deadlines.add(1000, () => expired.push('settled'));
    advance(400);
    deadlines.add(1000, () => expired.push('third'));
    settleSecond();
    advance(600);
    expect(expired).toEqual(['first']);
    expect(timers.map((t) => t.at - startedAt)).toEqual([1000, 1400]);
    advance(400);
    expect(expired).toEqual(['first', 'third']);
    expect(timers).toHaveLength(2); // nothing left to watch: no timer
    deadlines.add(1000, () => expired.push('later'));
    expect(timers.map((t) => t.at - startedAt)).toEqual([1000, 1400, 2400]);
  });

  it("keep time on the monotonic clock, whatever the runtime's wall clock says", () => {
    const { runtime, advance } = manualTimers();
    const deadlines = new Deadlines({ ...runtime, now: () => Date.parse('2026-10-01T00:00:00Z') });
    const expired: string[] = [];
    deadlines.add(1000, () => expired.push('pinned clock'));
    advance(1000);
    expect(expired).toEqual(['pinned clock']);
  });

  it('arm again after a host sleep failed, instead of never timing out', async () => {
    manualTimers(); // fake setTimeout and monotonic clock: the sleeps below run on them
    let sleeps = 0;
    const failingOnce: Runtime = {
      ...nodeRuntime,
      startTimer: undefined,
      sleep: (ms) => ((sleeps += 1) === 1 ? Promise.reject(new Error('host sleep broke')) : new Promise((resolve) => setTimeout(resolve, ms))),
    };
    const deadlines = new Deadlines(failingOnce);
    deadlines.add(20, () => undefined);
    await vi.advanceTimersByTimeAsync(5); // the failed sleep is heard of
    let expired = false;
    deadlines.add(20, () => (expired = true));
    await vi.advanceTimersByTimeAsync(20);
    expect(expired).toBe(true);
    expect(sleeps).toBe(2);
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
    const client = nodeClientFor(sim, { runtime: counting, timeoutMs: 60_000 });
    for (let i = 0; i < 20; i += 1) await client.listTenantReportIds(sim.tenantId);
    expect(requestsOf(sim, 'fetchTenantReports')).toHaveLength(20);
    expect(timersStarted).toBe(1);
  });

  it('time out the slow attempt among concurrent ones and answer the others', async () => {
    const sim = simulator();
    const client = nodeClientFor(sim, { timeoutMs: 500, retry: false });
    await client.getOwnTenantId();
    sim.control.clearRequests();
    sim.control.addFault({ type: 'latency', delayMs: 5000, always: true, path: listPath });
    const [slow, ...fast] = await Promise.allSettled([client.listTenantReportIds(sim.tenantId), client.getApiClient(sim.clientId), client.getApiClient(sim.clientId)]);
    expect(slow.status === 'rejected' && slow.reason).toBeInstanceOf(TimeoutError);
    expect(fast.map((result) => result.status === 'fulfilled' && result.value.tenant_id)).toEqual([sim.tenantId, sim.tenantId]);
    expect(requestsOf(sim, 'fetchClient').map((entry) => entry.status)).toEqual([200, 200]);
  });

  it('log an attempt given up on when it is given up, with what happened', async () => {
    const sim = simulator();
    const events: RequestEvent[] = [];
    const client = nodeClientFor(sim, { timeoutMs: 500, retry: false, onRequest: (event) => events.push(event) });
    await client.getOwnTenantId();
    sim.control.addFault({ type: 'latency', delayMs: 5000, always: true, path: listPath });
    await expect(client.listTenantReportIds(sim.tenantId)).rejects.toBeInstanceOf(TimeoutError);
    expect(events.at(-1)).toMatchObject({ method: 'GET', status: null, error: expect.stringContaining('got no answer within 500 ms') });
  });

  it("abort a host's own fetch when the attempt runs out of time", async () => {
    const sim = simulator();
    const signals: AbortSignal[] = [];
    const client = nodeClientFor(sim, { timeoutMs: 500, retry: false, fetch: (request) => (signals.push(request.signal), fetch(request)) });
    await client.getOwnTenantId();
    sim.control.addFault({ type: 'latency', delayMs: 20_000, always: true, path: listPath });
    await expect(client.listTenantReportIds(sim.tenantId)).rejects.toBeInstanceOf(TimeoutError);
    expect(signals.at(-1)?.aborted).toBe(true);
    await expect.poll(() => requestsOf(sim, 'fetchTenantReports').at(-1)?.status).toBe(0);
  });

  it("let one caller's abort end only its own wait for the shared own-tenant lookup", async () => {
    const sim = simulator();
    const client = nodeClientFor(sim, { retry: false });
    sim.control.addFault({ type: 'latency', delayMs: 300, path: '/api/2/clients/*' });
    const controller = new AbortController();
    const reason = new Error('this caller gave up');
    const first = client.getOwnTenantId({ signal: controller.signal });
    const second = client.getOwnTenantId();
    controller.abort(reason);
    await expect(first).rejects.toBe(reason);
    expect(await second).toBe(sim.tenantId);
    expect(requestsOf(sim, 'fetchClient').map((entry) => entry.status)).toEqual([200]);
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
    // and the simulator saw the connection go
    await expect.poll(() => requestsOf(sim, 'fetchTenantReports').at(-1)?.status).toBe(0);
  });
});
