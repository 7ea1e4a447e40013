import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulator } from '../src/index.js';
import { call, getToken, rawGet, useSimulator } from './support.js';

const cli = join(import.meta.dirname, '..', 'dist', 'cli.js');
// Mid-November 2026; the history reaches back two years from here.
const november = '2026-11-15T12:00:00Z';
const generationDelayMs = 60_000;

async function reportsOf(sim: ReturnType<ReturnType<typeof useSimulator>>, token: string) {
  const list = await call(sim, token, 'GET', `/tenants/${sim.tenantId}/reports`);
  expect(list.status).toBe(200);
  const ids = list.body.items as string[];
  return Promise.all(ids.map(async (id) => (await call(sim, token, 'GET', `/reports/${id}`)).body));
}

describe('a simulator seeded with 500 history reports', () => {
  const simulator = useSimulator({ now: november, historyReports: 500, config: { generationDelayMs, listDelayMs: 1_000 } });
  let token: string;
  let reports: any[];
  beforeAll(async () => {
    token = await getToken(simulator());
    reports = await reportsOf(simulator(), token);
  });

  it('lists them oldest first: mostly one-time reports, 2% monthly, 1% send, made up to two years back', () => {
    expect(reports).toHaveLength(500);
    const monthly = reports.filter((report) => report.schedule.type === 'monthly');
    const send = reports.filter((report) => report.result_action === 'send');
    expect(monthly).toHaveLength(10);
    expect(send).toHaveLength(5);
    expect(monthly.every((report) => report.schedule.enabled && report.generation_date === '2026-12-01')).toBe(true);
    const onceDates = reports.filter((report) => report.schedule.type === 'once').map((report) => report.generation_date as string);
    expect(onceDates.slice(0, -1)).toEqual([...onceDates.slice(0, -1)].sort());
    expect(onceDates[0]! < '2025-03-01').toBe(true);
    expect(onceDates.at(-1)).toBe('2026-11-15'); // the one generating now comes last
    expect(new Set(reports.map((report) => report.parameters.tenant_id))).toEqual(new Set([simulator().tenantId]));
  });

  it('serves a one-time history report with its saved files, rendered on first ask and matching their listed size', async () => {
    const sim = simulator();
    const report = reports.find((r) => r.schedule.type === 'once' && r.result_action === 'save' && r.parameters.formats.includes('csv_v2_0'))!;
    const stored = await call(sim, token, 'GET', `/reports/${report.id}/stored`);
    expect(stored.body.items.map((item: any) => [item.report_format, item.status])).toEqual(report.parameters.formats.map((format: string) => [format, 'saved']));
    const csv = stored.body.items.find((item: any) => item.report_format === 'csv_v2_0');
    expect(csv.created_at.slice(0, 10)).toBe(report.generation_date);
    const download = await rawGet(`${sim.apiBaseUrl}/reports/${report.id}/stored/${csv.id}`, token);
    expect(download.status).toBe(200);
    expect(download.body.length).toBe(csv.size);
    expect(gunzipSync(download.body).toString('utf8')).toMatch(/^tenant\.id,/);
    expect((await sim.control.storedFile(csv.id)).size).toBe(csv.size);
  });

  it('gives monthly reports one generation a month since they were made, and the next one on 1 December', async () => {
    const sim = simulator();
    const report = reports.find((r) => r.schedule.type === 'monthly')!;
    const before = (await call(sim, token, 'GET', `/reports/${report.id}/stored`)).body.items as any[];
    const months = [...new Set(before.map((item) => item.created_at.slice(0, 10)))];
    expect(months.length).toBeGreaterThanOrEqual(1);
    expect(months.every((day) => day.endsWith('-01') && day <= '2026-11-01')).toBe(true);
    expect(months.at(-1)).toBe('2026-11-01');
    expect(before).toHaveLength(months.length * report.parameters.formats.length);
    expect(before.every((item) => item.status === 'saved')).toBe(true);
  });

  it('has one failed generation and mails the send reports to the outbox', async () => {
    const sim = simulator();
    const failed: string[] = [];
    // The failed one was made in the last 60 days before 15 November.
    const recent = reports.filter((r) => r.result_action === 'save' && r.schedule.type === 'once' && r.generation_date >= '2026-09-16');
    for (const report of recent) {
      const items = (await call(sim, token, 'GET', `/reports/${report.id}/stored`)).body.items as any[];
      if (items.some((item) => item.status === 'failed')) failed.push(report.id);
    }
    expect(failed).toHaveLength(1);
    const sendIds = reports.filter((r) => r.result_action === 'send').map((r) => r.id);
    expect(sim.control.outbox().map((mail) => mail.reportId).sort()).toEqual([...sendIds].sort());
  });

  // Last, since it moves the clock.
  it('has a report generating now, saved once the generation delay has passed on the simulated clock', async () => {
    const sim = simulator();
    const report = reports.at(-1)!;
    const items = async () => (await call(sim, token, 'GET', `/reports/${report.id}/stored`)).body.items.map((item: any) => item.status);
    expect(await items()).toEqual(report.parameters.formats.map(() => 'in_progress'));
    sim.control.advanceClock(generationDelayMs);
    expect(await items()).toEqual(report.parameters.formats.map(() => 'saved'));

    sim.control.setClock('2026-12-01T00:00:30Z');
    token = await getToken(sim);
    const monthly = reports.find((r) => r.schedule.type === 'monthly')!;
    const december = (await call(sim, token, 'GET', `/reports/${monthly.id}/stored`)).body.items.filter((item: any) => item.created_at.startsWith('2026-12-01'));
    expect(december.map((item: any) => item.report_format)).toEqual(monthly.parameters.formats);
    expect((await call(sim, token, 'GET', `/reports/${monthly.id}`)).body.generation_date).toBe('2027-01-01');
  });
});

describe('history reports at scale', () => {
  it('starts with 5,000 of them at once and lists all 5,000 ids', async () => {
    const started = performance.now();
    const sim = await createSimulator({ now: november, historyReports: 5000 });
    try {
      const token = await getToken(sim);
      const list = await call(sim, token, 'GET', `/tenants/${sim.tenantId}/reports`);
      // Generous: seeding renders no file, so this is well under a second; rendering them would take minutes.
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(list.body.items).toHaveLength(5000);
      expect(new Set(list.body.items).size).toBe(5000);
      const last = await call(sim, token, 'GET', `/reports/${list.body.items[4000]}`);
      expect(last.status).toBe(200);
    } finally {
      await sim.close();
    }
  });

  it('are the same for the same seed, count and start, and differ for another seed', async () => {
    const ids = async (seed: number) => {
      const sim = await createSimulator({ now: november, historyReports: 200, seed });
      try {
        const token = await getToken(sim);
        const list = (await call(sim, token, 'GET', `/tenants/${sim.tenantId}/reports`)).body.items as string[];
        const stored = (await call(sim, token, 'GET', `/reports/${list[7]}/stored`)).body.items;
        return { list, stored };
      } finally {
        await sim.close();
      }
    };
    const first = await ids(1);
    expect(await ids(1)).toEqual(first);
    expect((await ids(2)).list).not.toEqual(first.list);
  });

  it('refuses a count that is not a whole number from 0 to 100,000', async () => {
    await expect(createSimulator({ historyReports: -1 })).rejects.toThrow('historyReports must be an integer from 0 to 100000');
    await expect(createSimulator({ historyReports: 2.5 })).rejects.toThrow('historyReports must be an integer');
  });

  it('are seeded by the command line flag --history-reports', async () => {
    const child = spawn(process.execPath, [cli, '--history-reports', '30', '--now', november], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
      const described = JSON.parse(line);
      const sim = { ...described, tenantId: described.tenantId } as Parameters<typeof getToken>[0];
      const token = await getToken(sim);
      expect((await call(sim, token, 'GET', `/tenants/${described.tenantId}/reports`)).body.items).toHaveLength(30);
    } finally {
      child.kill('SIGTERM');
    }
    const bad = spawnSync(process.execPath, [cli, '--history-reports', 'many'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--history-reports must be a non-negative integer');
  });
});
