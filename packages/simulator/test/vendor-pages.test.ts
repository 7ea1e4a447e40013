import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const python = spawnSync('python3', ['-c', 'import requests'], { encoding: 'utf8' });

describe('the vendor pages\' own Python against `pnpm simulator`', () => {
  let simulator: ChildProcess;
  let described: { baseUrl: string; clientId: string; clientSecret: string; tenantId: string };

  beforeAll(async () => {
    expect(python.status, `python3 with requests is needed for this test: ${python.stderr}`).toBe(0);
    simulator = spawn(join(repoRoot, 'node_modules', '.bin', 'pnpm'), ['simulator', '--port', '0', '--generation-delay-ms', '300', '--list-delay-ms', '100', '--now', '2026-11-15T12:00:00Z'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'ignore'],
      detached: true, // its own process group, so that stopping it also stops the node process pnpm started
    });
    const [firstLine] = (await once(createInterface({ input: simulator.stdout! }), 'line')) as [string];
    described = JSON.parse(firstLine);
  }, 60_000);

  afterAll(async () => {
    if (simulator?.pid === undefined || simulator.exitCode !== null) return;
    const exited = once(simulator, 'exit');
    process.kill(-simulator.pid, 'SIGTERM');
    await exited;
  });

  it('prints its description as the first stdout line', () => {
    expect(described.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(described.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(described.tenantId).toMatch(/^[0-9a-f-]{36}$/);
    expect(described.clientSecret.length).toBeGreaterThan(8);
  });

  it('runs every flow of the guide pages step by step with the documented answers', async () => {
    const run = spawnSync('python3', [join(import.meta.dirname, 'vendor-pages', 'run_vendor_pages.py'), described.baseUrl, described.clientId, described.clientSecret], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const resultLine = run.stdout.split('\n').find((line) => line.startsWith('RESULT '))!;
    const result = JSON.parse(resultLine.slice('RESULT '.length));
    expect(result.steps).toEqual([
      'usage report: define',
      'usage report: create',
      'fetch report',
      'billing report: define',
      'billing report: create',
      'billing report: list stored',
      'billing report: download csv_v2_0',
      'billing report: download json_v2_0',
      'stored reports: list',
      'stored reports: download csv',
      'update report',
    ]);
    // the page sends generation_date 2017-05-08 and shows it back unchanged
    expect(result.usage_report_generation_date).toBe('2017-05-08');
    expect(result.billing_csv_header.split(',').slice(0, 3)).toEqual(['tenant.id', 'tenant.kind', 'tenant.name']);
    expect(result.billing_csv_header).toContain('sku');
    // the vendor documents these params as numbers: kind 5 (summary), level 1 (direct_partners), UNIX timestamps
    expect(result.billing_json_params).toMatchObject({ kind: 5, report_type: 5, begin_date: 1_493_596_800, end_date: 1_494_201_599, report_level: 1, name: 'Demo MSP' });
    expect(Number.isInteger(result.billing_json_params.group_id)).toBe(true);
    expect(result.stored_csv_lines).toBeGreaterThan(5);
    expect(result.updated).toEqual({
      version: 2,
      parameters: expect.objectContaining({ kind: 'usage_current', level: 'direct_partners', tenant_id: described.tenantId }),
      recipients: ['ca451758-b48a-45d9-9ae6-8f1059f67619'],
    });
    expect(run.stdout).toContain("'result_action': 'send'");
  }, 90_000);
});
