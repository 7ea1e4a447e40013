import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startForwardProxy } from '@acronis-reports/simulator';
import { simulatorEnv, runCli, useSimulator } from './support.js';

const simulator = useSimulator({ config: { generationDelayMs: 60_000, listDelayMs: 100 } });
const unknownId = '00000000-0000-4000-8000-000000000000';

describe('exit codes and messages', () => {
  it('2: no credentials, and no fake billing files either', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-none-'));
    const result = await runCli(['billing', '--out', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Error: No credentials given.');
    expect(result.stderr).toContain('ACRONIS_CLIENT_SECRET_FILE');
    expect(result.stdout).toBe('');
  });

  it('2: billing --out that cannot take files is refused before anything is created', async () => {
    const sim = simulator();
    const file = join(mkdtempSync(join(tmpdir(), 'cli-out-')), 'a-file');
    writeFileSync(file, 'not a folder');
    sim.control.clearRequests();
    const result = await runCli(['billing', '--month', '2026-10', '--out', join(file, 'reports')], { env: simulatorEnv(sim) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out .*a-file\/reports cannot take the files \(ENOTDIR\): choose a folder you can write to/);
    expect(sim.control.requests().filter((entry) => entry.method === 'POST' && entry.path === '/api/2/reports')).toEqual([]);
  });

  it('2: partly set credentials name what is missing', async () => {
    const result = await runCli(['list'], { env: { ACRONIS_BASE_URL: simulator().baseUrl, ACRONIS_CLIENT_ID: simulator().clientId } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Credentials are incomplete: the client secret is missing.');
  });

  it('2: bad flags and bad values, with nothing sent', async () => {
    const sim = simulator();
    expect((await runCli(['list', '--colour'])).code).toBe(2);
    sim.control.clearRequests();
    const result = await runCli(['create', '--kind', 'usage_weekly', '--tenant-id', sim.tenantId], { env: simulatorEnv(sim) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--kind must be one of usage_daily, usage_summary, usage_current, usage_breakdown, got "usage_weekly"');
    expect(sim.control.requests().filter((r) => r.operationId === 'createReport')).toEqual([]);
    expect((await runCli(['billing', '--month', '2026-13'], { env: simulatorEnv(sim) })).stderr).toContain('month must be a month as YYYY-MM');
    sim.control.clearRequests();
    for (const command of ['wait', 'download']) {
      const badFormat = await runCli([command, unknownId, '--formats', 'csv,pdf'], { env: simulatorEnv(sim) });
      expect(badFormat.code).toBe(2);
      expect(badFormat.stderr).toContain('--formats must list only csv, html, json_v1, csv_v2_0, json_v2_0; unknown: "pdf"');
    }
    expect(sim.control.requests()).toEqual([]);
  });

  it('2: numeric flags that are not positive numbers are refused by name, with nothing sent', async () => {
    const sim = simulator();
    sim.control.clearRequests();
    const cases: [string[], string][] = [
      [['list', '--timeout', 'abc'], "option '--timeout <seconds>' argument 'abc' is invalid"],
      [['list', '--timeout', '0'], "option '--timeout <seconds>' argument '0' is invalid"],
      [['wait', unknownId, '--wait-timeout', '-5'], "option '--wait-timeout <seconds>' argument '-5' is invalid"],
      [['billing', '--wait-timeout', 'soon'], "option '--wait-timeout <seconds>' argument 'soon' is invalid"],
      [['delete', unknownId, '--version', '0'], "option '--version <n>' argument '0' is invalid"],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, { env: simulatorEnv(sim) });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(`${message}. It must be a positive number.`);
      expect(result.stdout).toBe('');
    }
    expect(sim.control.requests()).toEqual([]);
  });

  it('2: billing refuses --month together with --period-start/--period-end, as create does, with nothing sent', async () => {
    const sim = simulator();
    sim.control.clearRequests();
    const dir = mkdtempSync(join(tmpdir(), 'cli-both-'));
    const both = ['--month', '2026-10', '--period-start', '2026-10-01', '--period-end', '2026-10-15'];
    for (const args of [['billing', ...both, '--out', dir], ['create', ...both]]) {
      const result = await runCli(args, { env: simulatorEnv(sim) });
      expect(result.code, args[0]).toBe(2);
      expect(result.stderr).toContain('Invalid input: --month and --period-start/--period-end both set the period: give one or the other.');
      expect(result.stdout).toBe('');
    }
    expect(sim.control.requests()).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('3: a wrong secret, read from a file; the secret never shows', async () => {
    const sim = simulator();
    const file = join(mkdtempSync(join(tmpdir(), 'cli-secret-')), 'secret');
    writeFileSync(file, 'not-the-right-secret\n');
    const result = await runCli(['list', '--verbose'], { env: { ACRONIS_BASE_URL: sim.baseUrl, ACRONIS_CLIENT_ID: sim.clientId, ACRONIS_CLIENT_SECRET_FILE: file } });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('Error: The data center refused the API client credentials (401 invalid_client');
    expect(result.stderr).toContain('Hint: Check the client id and secret');
    expect(result.stderr + result.stdout).not.toContain('not-the-right-secret');
  });

  it('0: the right secret from stdin; --verbose shows the request trail without tokens', async () => {
    const sim = simulator();
    const result = await runCli(['list', '--ids-only', '--verbose', '--client-secret-file', '-'], {
      env: { ACRONIS_BASE_URL: sim.baseUrl, ACRONIS_CLIENT_ID: sim.clientId },
      input: `${sim.clientSecret}\n`,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/POST \/api\/2\/idp\/token -> 200 in \d+ ms/);
    expect(result.stderr).toMatch(/GET \/api\/2\/clients\/\S+ -> 200/);
    expect(result.stderr).not.toMatch(/eyJ|Bearer/);
    expect(result.stderr).not.toContain(sim.clientSecret);
  });

  it('4: an unknown report', async () => {
    const result = await runCli(['get', unknownId], { env: simulatorEnv(simulator()) });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`Error: Fetching the report failed (404: Report ${unknownId} not found.).`);
  });

  it('6: a failed generation; 7: files not ready in time', async () => {
    const sim = simulator();
    sim.control.addFault({ type: 'fail-generation', format: 'csv_v2_0' });
    const created = JSON.parse((await runCli(['--json', 'create', '--month', '2026-10', '--formats', 'csv_v2_0'], { env: simulatorEnv(sim) })).stdout);
    sim.control.advanceClock(60_000);
    const failed = await runCli(['wait', created.id], { env: simulatorEnv(sim) });
    expect(failed.code).toBe(6);
    expect(failed.stderr).toContain('failed to generate report');
    const slow = JSON.parse((await runCli(['--json', 'create', '--month', '2026-10'], { env: simulatorEnv(sim) })).stdout);
    const timedOut = await runCli(['wait', slow.id, '--wait-timeout', '2'], { env: simulatorEnv(sim) });
    expect(timedOut.code).toBe(7);
    expect(timedOut.stderr).toMatch(/was not ready after 2 s \(csv_v2_0: in_progress, json_v2_0: in_progress\)/);
  });

  it('7: requests that get no answer in time; the command exits without waiting for them', async () => {
    const sim = simulator();
    // far longer than the test may run: only a command that stops waiting for the hung requests passes
    sim.control.addFault({ type: 'latency', delayMs: 300_000, always: true, path: '/api/2/tenants/*/reports' });
    try {
      const result = await runCli(['list', '--ids-only', '--tenant-id', sim.tenantId, '--timeout', '1'], { env: simulatorEnv(sim) });
      expect(result.code).toBe(7);
      expect(result.stderr).toContain('got no answer within 1000 ms');
    } finally {
      sim.control.clearFaults();
    }
  });

  it('10: a create whose answer never came may have made the report; it says so, and the command still ends', async () => {
    const sim = simulator();
    sim.control.addFault({ type: 'latency', delayMs: 300_000, always: true, method: 'POST', path: '/api/2/reports' });
    try {
      const result = await runCli(['create', '--month', '2026-10', '--tenant-id', sim.tenantId, '--timeout', '1'], { env: simulatorEnv(sim) });
      expect(result.code).toBe(10);
      expect(result.stderr).toContain('the data center may still make it');
    } finally {
      sim.control.clearFaults();
    }
  });

  it('8: the data center cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await runCli(['list'], { env: { ACRONIS_BASE_URL: `http://127.0.0.1:${port}`, ACRONIS_CLIENT_ID: unknownId, ACRONIS_CLIENT_SECRET: 'b' } });
    expect(result.code).toBe(8);
    expect(result.stderr).toContain(`could not reach http://127.0.0.1:${port} (ECONNREFUSED)`);
  });

  it('9: a server error that outlasts the retries', async () => {
    const sim = simulator();
    sim.control.addFault({ type: 'status', status: 503, always: true, path: '/api/2/tenants/*/reports' });
    try {
      const result = await runCli(['list', '--ids-only', '--tenant-id', sim.tenantId], { env: simulatorEnv(sim) });
      expect(result.code).toBe(9);
      expect(result.stderr).toContain("Error: Listing the tenant's reports failed (503: Service unavailable.).");
    } finally {
      sim.control.clearFaults();
    }
  }, 60_000);
});

describe('proxies', () => {
  it('honours HTTP_PROXY (HTTPS_PROXY likewise for https data centers), and NO_PROXY to bypass it', async () => {
    const sim = simulator();
    const proxy = await startForwardProxy();
    try {
      const through = await runCli(['list', '--ids-only', '--tenant-id', sim.tenantId], { env: { ...simulatorEnv(sim), HTTP_PROXY: proxy.url } });
      expect(through.code).toBe(0);
      expect(proxy.seen).toContain(`CONNECT ${new URL(sim.baseUrl).host}`);
      proxy.seen.length = 0;
      const bypass = await runCli(['list', '--ids-only', '--tenant-id', sim.tenantId], { env: { ...simulatorEnv(sim), HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } });
      expect(bypass.code).toBe(0);
      expect(proxy.seen).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});
