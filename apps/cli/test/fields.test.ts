import { describe, expect, it } from 'vitest';
import { runCli, simulatorEnv, useSimulator } from './support.js';

const simulator = useSimulator();
const cli = (args: string[]) => runCli(['--json', ...args], { env: simulatorEnv(simulator()) });

describe('flags are handed to core as flat fields', () => {
  it('create takes ISO date-times and lists split on semicolons and spaces; update takes yes/no', async () => {
    const created = await cli(['create', '--period-start', '2026-10-01T00:00:00Z', '--period-end', '2026-10-15T23:00:00+02:00', '--formats', 'csv; html', '--schedule', 'monthly']);
    expect(created.code, created.stderr).toBe(0);
    const report = JSON.parse(created.stdout);
    expect(report).toMatchObject({ parameters: { tenant_id: simulator().tenantId, period: { start: '2026-10-01', end: '2026-10-15' }, formats: ['csv', 'html'] } });
    const updated = await cli(['update', report.id, '--enabled', 'no']);
    expect(updated.code, updated.stderr).toBe(0);
    expect(JSON.parse(updated.stdout)).toMatchObject({ schedule: { enabled: false } });
  });

  it("shows core's message, naming the flag, and sends nothing", async () => {
    const sim = simulator();
    sim.control.clearRequests();
    const update = await cli(['update', sim.tenantId, '--enabled', 'maybe']);
    expect(update.code).toBe(2);
    expect(update.stderr).toContain('Invalid input: --enabled must be true or false (also yes/no or 1/0), got "maybe".');
    const create = await cli(['create', '--period-start', 'yesterday', '--period-end', '2026-10-15']);
    expect(create.code).toBe(2);
    expect(create.stderr).toContain('Invalid input: --period-start must be a date as YYYY-MM-DD or an ISO date-time such as 2026-01-01T00:00:00Z, got "yesterday".');
    expect((await cli(['update', sim.tenantId])).stderr).toContain('Invalid input: update needs at least one field to change.');
    expect(sim.control.requests()).toEqual([]);
  });
});
