import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '@acronis-reports/simulator';
import { runCli, simulatorEnv } from './support.js';

// `billing` without --month on the clocks where "the last full month" and the data center's night matter. The CLI
// runs on the simulator's clock (see support.ts), so these pass on any day, and fail if the CLI ever decides the
// month on another clock than the one it is given.
let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function billingAt(now: string) {
  sim = await createSimulator({ now, config: { generationDelayMs: 300, listDelayMs: 50 } });
  const out = mkdtempSync(join(tmpdir(), 'cli-clock-'));
  const result = await runCli(['--json', 'billing', '--formats', 'csv_v2_0', '--out', out], { env: simulatorEnv(sim) });
  return { ...result, out };
}

describe('billing without --month, on the clock it runs on', () => {
  it('in March bills February, however long February was', async () => {
    const { code, stdout, stderr } = await billingAt('2027-03-01T12:00:00Z');
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout).period).toEqual({ start: '2027-02-01', end: '2027-02-28' });
  }, 60_000);

  it('thirty seconds before the new year bills November: December has not ended', async () => {
    const { code, stdout, stderr } = await billingAt('2026-12-31T23:59:30Z');
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout).period).toEqual({ start: '2026-11-01', end: '2026-11-30' });
  }, 60_000);

  it('on the 1st before 06:00 UTC says the usage history is not ready yet, with its exit code and no stack trace', async () => {
    const { code, stdout, stderr } = await billingAt('2027-01-01T01:30:00Z');
    expect(code).toBe(9);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/usage history is not ready/i);
    expect(stderr).toContain('after 06:00 UTC');
    expect(stderr).not.toMatch(/^\s+at /m);
    // the one create was refused: nothing was made
    const creates = sim!.control.requests().filter((request) => request.operationId === 'createReport');
    expect(creates.map((request) => request.status)).toEqual([400]);
  }, 60_000);
});
