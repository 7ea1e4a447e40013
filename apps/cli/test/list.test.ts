import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, runOnTerminal, simulatorEnv, useSimulator } from './support.js';

// 5,000 seeded reports of past use, 100 of them monthly (see the simulator's README).
const simulator = useSimulator({ historyReports: 5000 });
const cli = (args: string[]) => runCli(args, { env: simulatorEnv(simulator()) });
const fetches = () => simulator().control.requests().filter((request) => request.operationId === 'fetchReport').length;
beforeEach(() => simulator().control.clearRequests());

const onTerminal = (args: string[]) => runOnTerminal(simulator(), args);

describe('list at 5,000 reports', () => {
  it('prints every report and nothing on stderr when not on a terminal', async () => {
    const started = performance.now();
    const result = await cli(['--json', 'list']);
    console.log(`acronis-reports --json list of 5,000 reports (no latency): ${Math.round(performance.now() - started)} ms`);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(5000);
    expect(result.stderr).toBe('');
  });

  it('counts the reports fetched on a terminal, and stays quiet there with --json', async () => {
    const live = await onTerminal(['list', '--newest-first']);
    expect(live.code).toBe(0);
    expect(live.screen).toMatch(/Fetched [\d,]+ of 5,000 reports/);
    expect(live.screen).toContain('Fetched 5,000 reports.');
    // A partner below the API client's tenant: no reports, so this run is quick, and it would still show the line.
    const quiet = await onTerminal(['--json', 'list', '--tenant-id', simulator().tenants.partnerIds[0]!]);
    expect(quiet.code).toBe(0);
    expect(quiet.screen).toContain('[]');
    expect(quiet.screen).not.toContain('Fetched');
  });

  it('fetches one page with --limit and --offset: the id list once and only that page', async () => {
    const ids = JSON.parse((await cli(['--json', 'list', '--ids-only'])).stdout) as string[];
    simulator().control.clearRequests();
    const first = await cli(['--json', 'list', '--limit', '20', '--newest-first']);
    expect(first.code).toBe(0);
    const page = JSON.parse(first.stdout);
    expect(page.reports.map((report: { id: string }) => report.id)).toEqual([...ids].reverse().slice(0, 20));
    expect(page).toMatchObject({ total: 5000, nextOffset: 20 });
    expect(fetches()).toBe(20);
    expect(first.stderr).toBe('');

    const last = await cli(['list', '--offset', '4990']);
    expect(last.code).toBe(0);
    expect(last.stdout).toContain(ids[4995]);
    expect(last.stderr).toBe('10 reports from position 4,990 of 5,000; no more pages.\n');
  });

  it('searches with --search until the page is full, and says where the next page starts', async () => {
    const result = await cli(['list', '--search', 'monthly', '--limit', '3']);
    expect(result.code).toBe(0);
    expect(result.stdout.match(/│ monthly/g)).toHaveLength(3);
    // the oldest monthly report is newer than the first few hundred one-time ones: more than one scan was needed
    const [, next] = /next page: --offset (\d+)\.$/m.exec(result.stderr)!;
    expect(Number(next)).toBeGreaterThan(200);
    expect(result.stderr).toMatch(/^3 reports matching "monthly" from position 0 of 5,000; next page: --offset \d+\.\n$/);
  });

  it('refuses a bad --limit or --offset with exit code 2, before any request', async () => {
    const zero = await cli(['list', '--limit', '0']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("option '--limit <n>' argument '0' is invalid");
    const huge = await cli(['list', '--limit', '501']);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('limit must be at most 500');
    const negative = await cli(['list', '--offset', '-1']);
    expect(negative.code).toBe(2);
    expect(fetches()).toBe(0);
  });
});
