// Monthly reports on the simulator's clock: November 2026, then the turn of the month. The clock only moves
// forward, so the steps run in order in one test.
import { expect, it } from 'vitest';
import { clientFor, useSimulator } from '../support.js';
import { apiCallsSince, lastSeq, poller, seed } from './support.js';

const simulator = useSimulator();

it('a monthly report sleeps until the 1st, its files are announced once, then it sleeps until the next 1st', async () => {
  const sim = simulator();
  const client = clientFor(sim, { recoverLostCreates: false });
  const [monthly] = await seed(client, sim.tenantId, 1, { monthly: true });
  const [paused] = await seed(client, sim.tenantId, 1, { monthly: true });
  await client.updateReport(paused!.id, { schedule: { enabled: false } });
  const watch = poller(sim, client, { event: 'saved', tenantId: sim.tenantId });
  await watch.poll(); // baseline on 15 November: both asleep until 1 December
  const touched = (from: number, id: string) => apiCallsSince(sim, from).filter((entry) => entry.path.includes(id)).length;

  sim.control.setClock('2026-11-30T23:00:00Z');
  let from = lastSeq(sim);
  expect(await watch.poll()).toMatchObject({ files: [], requests: 1 });
  expect(touched(from, monthly!.id)).toBe(0);

  sim.control.setClock('2026-12-01T00:00:01Z'); // generating since midnight, in progress
  from = lastSeq(sim);
  const waking = await watch.poll();
  expect(waking.files).toEqual([]);
  expect(touched(from, monthly!.id)).toBe(2); // the report (is it still enabled?) and its stored list
  expect(touched(from, paused!.id)).toBe(1); // paused: back to sleep without reading its files

  sim.control.advanceClock(10_000);
  const ready = await watch.poll();
  expect(ready.files.map(({ report, item }) => [report.id, item.report_format, item.created_at])).toEqual([[monthly!.id, 'csv', '2026-12-01T00:00:00+00:00']]);
  expect(ready.requests).toBe(2); // the list and its stored list: the report was kept while it was watched

  sim.control.advanceClock(60 * 60 * 1000);
  const quiet = await watch.poll();
  expect(quiet).toMatchObject({ files: [], requests: 1 });

  sim.control.setClock('2027-01-01T00:05:00Z');
  const january = await watch.poll();
  expect(january.files.map(({ item }) => item.created_at)).toEqual(['2027-01-01T00:00:00+00:00']);
  expect((await watch.poll()).files).toEqual([]);
});

it('a one-time report with a generation date ahead sleeps until that day, then its files are announced once', async () => {
  const sim = simulator();
  const client = clientFor(sim, { recoverLostCreates: false });
  const watch = poller(sim, client, { event: 'saved', tenantId: sim.tenantId });
  await watch.poll();
  const today = sim.control.now().slice(0, 10);
  const later = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
  const [report] = await seed(client, sim.tenantId, 1, { generationDate: later });
  const first = await watch.poll(); // new: the report says it sleeps until then; its stored list is not read
  expect(first.requests).toBe(2);
  sim.control.advanceClock(86_400_000);
  expect(await watch.poll()).toMatchObject({ files: [], requests: 1 });
  sim.control.setClock(`${later}T00:10:00Z`);
  const out = await watch.poll();
  expect(out.files.map(({ report: r }) => r.id)).toEqual([report!.id, report!.id]);
  expect((await watch.poll())).toMatchObject({ files: [], requests: 1 });
});
