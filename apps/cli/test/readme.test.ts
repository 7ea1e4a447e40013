import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulatorEnv, runCli, useSimulator } from './support.js';

// Behaviours promised by the README. This file has its own simulator: the last test moves its clock forward.
const simulator = useSimulator();
const cli = (args: string[], input?: string) =>
  runCli(['--json', ...args], { env: simulatorEnv(simulator()), ...(input !== undefined ? { input } : {}) });
const json = (result: { stdout: string }) => JSON.parse(result.stdout);

describe('what the README promises', () => {
  it('billing --keep-report leaves the one-time report on the data center', async () => {
    const sim = simulator();
    const dir = mkdtempSync(join(tmpdir(), 'cli-keep-'));
    const result = await cli(['billing', '--month', '2026-07', '--keep-report', '--out', dir]);
    expect(result.code).toBe(0);
    const output = json(result);
    expect(output).toMatchObject({ period: { start: '2026-07-01', end: '2026-07-31' }, deleted: false });
    expect(readdirSync(join(dir, '2026-07')).sort()).toEqual(['billing-lines.csv', 'billing-lines.json', 'usage_summary-2026-07.csv', 'usage_summary-2026-07.json']);
    expect(sim.control.requests().filter((r) => r.operationId === 'deleteReport')).toEqual([]);
    const kept = await cli(['get', output.reportId]);
    expect(kept.code).toBe(0);
    expect(json(kept)).toMatchObject({ id: output.reportId, parameters: { kind: 'usage_summary', period: { start: '2026-07-01', end: '2026-07-31' } } });
  }, 120_000);

  it('create --file reads the report from a JSON file or from stdin (-), like the flags', async () => {
    const sim = simulator();
    const fromFlags = json(
      await cli(['create', '--kind', 'usage_daily', '--level', 'all_customers', '--month', '2026-10', '--formats', 'csv_v2_0,html', '--show-skus']),
    );
    const body = {
      parameters: { kind: 'usage_daily', level: 'all_customers', formats: ['csv_v2_0', 'html'], period: { start: '2026-10-01', end: '2026-10-31' }, show_skus: true },
      schedule: { type: 'once' },
      result_action: 'save',
    };
    const file = join(mkdtempSync(join(tmpdir(), 'cli-file-')), 'report.json');
    writeFileSync(file, JSON.stringify(body));
    const fromFile = await cli(['create', '--file', file]);
    expect(fromFile.code).toBe(0);
    const fromStdin = await cli(['create', '--file', '-'], JSON.stringify(body));
    expect(fromStdin.code).toBe(0);

    const shape = (report: Record<string, unknown>) => ({ parameters: report['parameters'], schedule: report['schedule'], result_action: report['result_action'] });
    expect(fromFlags.parameters).toMatchObject({ tenant_id: sim.tenantId, kind: 'usage_daily', level: 'all_customers', show_skus: true });
    expect(shape(json(fromFile))).toEqual(shape(fromFlags));
    expect(shape(json(fromStdin))).toEqual(shape(fromFlags));
    expect(json(fromFile).id).not.toBe(json(fromStdin).id);

    // flags given with --file override its fields
    const overridden = json(await cli(['create', '--file', file, '--level', 'direct_partners']));
    expect(overridden.parameters).toMatchObject({ kind: 'usage_daily', level: 'direct_partners', formats: ['csv_v2_0', 'html'] });
  }, 120_000);

  it('download <report-id> <stored-id...> downloads exactly the named stored files', async () => {
    const created = json(await cli(['create', '--month', '2026-09', '--formats', 'csv_v2_0,json_v2_0,html', '--wait']));
    const reportId = created.report.id;
    const stored: { id: string; report_format: string; status: string }[] = json(await cli(['stored', reportId]));
    expect(stored.map((item) => item.report_format).sort()).toEqual(['csv_v2_0', 'html', 'json_v2_0']);
    const idOf = (format: string) => stored.find((item) => item.report_format === format)!.id;

    const dir = mkdtempSync(join(tmpdir(), 'cli-download-ids-'));
    const result = await cli(['download', reportId, idOf('html'), idOf('csv_v2_0'), '--out', dir]);
    expect(result.code).toBe(0);
    expect(json(result).map((file: { format: string }) => file.format)).toEqual(['html', 'csv_v2_0']);
    expect(readdirSync(dir).sort()).toEqual(['usage_summary-2026-09.csv', 'usage_summary-2026-09.html']);

    const unknown = await cli(['download', reportId, '00000000-0000-4000-8000-000000000000', '--out', dir]);
    expect(unknown.code).toBe(4);
  }, 120_000);

  it('--help lists the exit codes 0 to 12', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    const section = result.stdout.slice(result.stdout.indexOf('Exit codes:'));
    expect(result.stdout).toContain('Exit codes:');
    for (let code = 0; code <= 12; code += 1) expect(section).toMatch(new RegExp(`^\\s+${code}\\s+\\S`, 'm'));
    expect(section).toMatch(/^\s+5\s+conflict/m);
    expect(section).toMatch(/^\s+7\s+timed out/m);
    expect(section).toMatch(/^\s*10\s+a create's answer was lost and the report may exist/m);
    expect(section).toMatch(/^\s*11\s+file not ready yet/m);
    expect(section).toMatch(/^\s*12\s+file will never exist/m);
  });

  it('--version prints the package version; every command\u2019s help lists the global flags', async () => {
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
    for (const command of ['billing', 'list', 'download']) {
      const help = await runCli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Global Options:[\s\S]*--base-url <url>[\s\S]*--simulator[\s\S]*--timeout <seconds>/);
    }
  });

  it('create --help says monthly reports offer only csv and html, and recommends csv_v2_0', async () => {
    const result = await runCli(['create', '--help']);
    expect(result.code).toBe(0);
    const help = result.stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/--schedule <type> once \(default\) or monthly \(csv and html only\)/);
    expect(help).toMatch(/Monthly reports offer only csv and html; json_v1, csv_v2_0 and json_v2_0 are for one-time reports/);
    expect(help).toMatch(/For scripts use csv_v2_0/);
  });

  // moves the simulated clock: keep it last
  it('wait --since skips a monthly report’s older generations; download picks an older one by id', async () => {
    const sim = simulator();
    const report = json(await cli(['create', '--schedule', 'monthly', '--formats', 'html']));
    expect(report.schedule).toMatchObject({ type: 'monthly' });

    sim.control.setClock('2026-12-01T08:00:00Z'); // the December run, for November
    const december = json(await cli(['wait', report.id]));
    expect(december).toHaveLength(1);
    expect(december[0].created_at).toMatch(/^2026-12-01T/);

    // nothing since January yet: --since must not accept the December file
    const tooEarly = await cli(['wait', report.id, '--since', '2027-01-01T00:00:00Z', '--wait-timeout', '2']);
    expect(tooEarly.code).toBe(7);

    sim.control.setClock('2027-01-01T08:00:00Z'); // the January run, for December
    const january = json(await cli(['wait', report.id, '--since', '2027-01-01T00:00:00Z']));
    expect(january).toHaveLength(1);
    expect(january[0].created_at).toMatch(/^2027-01-01T/);
    expect(january[0].id).not.toBe(december[0].id);

    // by default download takes the newest; naming the December file's id gets November's data
    const dir = mkdtempSync(join(tmpdir(), 'cli-download-old-'));
    const older = await cli(['download', report.id, december[0].id, '--out', dir]);
    expect(older.code).toBe(0);
    const [file] = json(older);
    expect(readFileSync(file.path, 'utf8')).toContain('Period: 2026-11-01 &ndash; 2026-11-30');
    const newest = mkdtempSync(join(tmpdir(), 'cli-download-new-'));
    const [latest] = json(await cli(['download', report.id, '--out', newest]));
    expect(readFileSync(latest.path, 'utf8')).toContain('Period: 2026-12-01 &ndash; 2026-12-31');
  }, 120_000);
});
