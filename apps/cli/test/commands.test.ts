import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulatorEnv, runCli, useSimulator } from './support.js';

const simulator = useSimulator();
const cli = (args: string[]) => runCli(['--json', ...args], { env: simulatorEnv(simulator()) });
const json = (result: { stdout: string }) => JSON.parse(result.stdout);

describe('every subcommand, with --json output', () => {
  it('create, get, update, list, stored, wait, download and delete a report', async () => {
    const sim = simulator();
    const created = await cli(['create', '--kind', 'usage_daily', '--level', 'all_customers', '--month', '2026-10', '--formats', 'csv,html', '--schedule', 'monthly']);
    expect(created.code).toBe(0);
    const report = json(created);
    expect(report).toMatchObject({ version: 1, parameters: { tenant_id: sim.tenantId, kind: 'usage_daily', level: 'all_customers', formats: ['csv', 'html'], period: { start: '2026-10-01', end: '2026-10-31' } }, schedule: { type: 'monthly' } });

    expect(json(await cli(['get', report.id]))).toEqual(report);
    const updated = json(await cli(['update', report.id, '--level', 'direct_partners', '--enabled', 'false']));
    expect(updated).toMatchObject({ version: 2, parameters: { level: 'direct_partners' }, schedule: { enabled: false } });
    const listed = json(await cli(['list']));
    expect(listed.map((r: { id: string }) => r.id)).toContain(report.id);
    expect(json(await cli(['list', '--ids-only']))).toContain(report.id);
    expect(json(await cli(['stored', report.id]))).toEqual([]);
    expect((await cli(['delete', report.id, '--version', '1'])).code).toBe(5);
    expect(json(await cli(['delete', report.id]))).toEqual({ deleted: report.id });
    expect((await cli(['get', report.id])).code).toBe(4);
  }, 120_000);

  it('create --wait --download does the whole job, and wait/download work on their own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-create-'));
    const result = await cli(['create', '--month', '2026-09', '--formats', 'csv_v2_0,json_v2_0', '--download', dir]);
    expect(result.code).toBe(0);
    const output = json(result);
    expect(output.stored.map((item: { status: string }) => item.status)).toEqual(['saved', 'saved']);
    expect(readdirSync(dir).sort()).toEqual(['usage_summary-2026-09.csv', 'usage_summary-2026-09.json']);
    expect(readFileSync(join(dir, 'usage_summary-2026-09.csv'), 'utf8')).toMatch(/^tenant\.id,tenant\.kind,/);

    const waited = json(await cli(['wait', output.report.id, '--formats', 'json_v2_0']));
    expect(waited.map((item: { report_format: string }) => item.report_format)).toEqual(['json_v2_0']);
    const again = mkdtempSync(join(tmpdir(), 'cli-download-'));
    const downloaded = json(await cli(['download', output.report.id, '--formats', 'json_v2_0', '--out', again]));
    expect(downloaded).toEqual([{ format: 'json_v2_0', path: join(again, 'usage_summary-2026-09.json'), bytes: expect.any(Number) }]);
    expect(JSON.parse(readFileSync(join(again, 'usage_summary-2026-09.json'), 'utf8')).params.begin_date).toBe(Date.parse('2026-09-01T00:00:00Z') / 1000);
  }, 120_000);

  it('download tells a file not ready yet (exit 11) from one that will never exist (exit 12), and writes nothing then', async () => {
    const created = json(await cli(['create', '--month', '2026-06', '--formats', 'csv_v2_0']));
    const dir = mkdtempSync(join(tmpdir(), 'cli-early-'));
    const early = await cli(['download', created.id, '--out', dir]);
    expect(early.code).toBe(11);
    expect(early.stderr).toMatch(/csv_v2_0 file yet.*1 to 2 minutes/s);
    const never = await cli(['download', created.id, '--formats', 'html', '--out', dir]);
    expect(never.code).toBe(12);
    expect(never.stderr).toMatch(/will never have a html file/);
    expect(readdirSync(dir)).toEqual([]);
  }, 120_000);

  it('billing exports the last full month into <out>/<period>/, summarises it, and deletes the report', async () => {
    const sim = simulator();
    const dir = mkdtempSync(join(tmpdir(), 'cli-billing-'));
    const result = await cli(['billing', '--out', dir]);
    expect(result.code).toBe(0);
    const output = json(result);
    expect(output).toMatchObject({ period: { start: '2026-10-01', end: '2026-10-31' }, directory: join(dir, '2026-10'), deleted: true });
    expect(output.files.map((file: { format: string }) => file.format)).toEqual(['csv_v2_0', 'json_v2_0']);
    expect(readdirSync(join(dir, '2026-10')).sort()).toEqual(['billing-lines.csv', 'billing-lines.json', 'usage_summary-2026-10.csv', 'usage_summary-2026-10.json']);
    expect(output.summary.tenants).toBeGreaterThan(2);
    expect(output.summary.items.find((item: { offeringItem: string }) => item.offeringItem === 'storage')).toMatchObject({ unit: 'GB' });
    expect(sim.control.requests().filter((r) => r.operationId === 'deleteReport').map((r) => r.status)).toContain(204);
    // without --json, humans get tables on stdout and progress on stderr, as timestamped lines off a terminal
    const human = await runCli(['billing', '--month', '2026-09', '--out', dir], { env: simulatorEnv(sim) });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('offering item');
    expect(human.stdout).toContain(`Files are in ${join(dir, '2026-09')}`);
    expect(human.stderr).toMatch(/^\[\d{4}-\d{2}-\d{2}T[\d:.]+Z\] Generating the billing report 0:0\d: csv_v2_0 (missing|in progress)/m);
  }, 120_000);

  it('billing --formats takes a list with a trailing comma, as the other commands do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-billing-list-'));
    const result = await cli(['billing', '--month', '2026-08', '--formats', 'csv_v2_0,', '--out', dir]);
    expect(result.code).toBe(0);
    expect(json(result).files.map((file: { format: string }) => file.format)).toEqual(['csv_v2_0']);
    expect(readdirSync(join(dir, '2026-08')).sort()).toEqual(['billing-lines.csv', 'billing-lines.json', 'usage_summary-2026-08.csv']);
  }, 120_000);
});
