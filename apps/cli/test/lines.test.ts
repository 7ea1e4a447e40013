// Billing lines from the command line: `billing` writes them beside the files (mapped, compared), `lines` makes
// the same from files on disk, without credentials.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, simulatorEnv, useSimulator } from './support.js';

const simulator = useSimulator();
const cli = (args: string[]) => runCli(['--json', ...args], { env: simulatorEnv(simulator()) });
const json = (result: { stdout: string }) => JSON.parse(result.stdout);
const mapping = join(import.meta.dirname, '..', 'examples', 'simulator-mapping.json');
const HEADER =
  'tenant_id,tenant_name,tenant_kind,offering_item,edition,backend_type,sku,unit,quantity,raw_quantity,raw_unit,figure,' +
  'customer_ref,product_code,unit_price,amount,previous_quantity,change,change_percent,flag';

describe('billing lines in the CLI', () => {
  it('billing --mapping --compare writes mapped, compared lines, and a second run reuses the previous month', async () => {
    const sim = simulator();
    const dir = mkdtempSync(join(tmpdir(), 'cli-lines-'));
    const creates = () => sim.control.requests().filter((r) => r.operationId === 'createReport').length;
    const before = creates();
    const first = await cli(['billing', '--month', '2026-10', '--mapping', mapping, '--compare', '--out', dir]);
    expect(first.code).toBe(0);
    expect(creates() - before).toBe(2);
    const output = json(first).billingLines;
    expect(output.previous).toEqual({ path: join(dir, '2026-09', 'usage_summary-2026-09.csv'), reused: false });
    expect(output.files).toEqual({ csv: join(dir, '2026-10', 'billing-lines.csv'), json: join(dir, '2026-10', 'billing-lines.json') });
    expect(output.exceptions.map((e: { offering_item: string }) => e.offering_item)).toEqual(['notary_notarizations']);
    expect(output.counts.ignored).toBeGreaterThan(0);

    const csv = readFileSync(output.files.csv, 'utf8').split('\r\n');
    expect(csv[0]).toBe(HEADER);
    expect(csv.length - 2).toBe(output.lines);
    const lines = JSON.parse(readFileSync(output.files.json, 'utf8')) as Record<string, unknown>[];
    expect(lines).toHaveLength(output.lines);
    expect(lines.every((l) => l['previous_quantity'] !== null || l['flag'] === 'new')).toBe(true);
    expect(lines.find((l) => l['offering_item'] === 'storage')).toMatchObject({ unit: 'GB', customer_ref: expect.stringMatching(/^[CP]-\d+$/), product_code: expect.stringMatching(/^BK-STOR/) });
    expect(lines.some((l) => l['offering_item'] === 'local_storage')).toBe(false);

    const second = await cli(['billing', '--month', '2026-10', '--mapping', mapping, '--compare', '--out', dir]);
    expect(second.code).toBe(0);
    expect(creates() - before).toBe(3);
    expect(json(second).billingLines.previous.reused).toBe(true);
    expect(readFileSync(output.files.csv, 'utf8')).toBe(csv.join('\r\n'));
  }, 120_000);

  it('lines FILE --mapping --previous makes the same file from downloaded files, with no credentials', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-lines-billing-'));
    const billing = await cli(['billing', '--month', '2026-10', '--mapping', mapping, '--compare', '--out', dir]);
    expect(billing.code).toBe(0);
    const elsewhere = mkdtempSync(join(tmpdir(), 'cli-lines-files-'));
    copyFileSync(join(dir, '2026-10', 'usage_summary-2026-10.json'), join(elsewhere, 'october.json'));
    const result = await runCli(['lines', join(elsewhere, 'october.json'), '--mapping', mapping, '--previous', join(dir, '2026-09', 'usage_summary-2026-09.csv')]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('simulator');
    expect(result.stdout).toContain('Biggest lines:');
    expect(result.stdout).toMatch(/Since last month: [1-9]\d* new, [1-9]\d* gone, [1-9]\d* changed beyond the threshold, [1-9]\d* within it\./);
    // the biggest changes, ranked by core: ten rows under the table's header and rule
    expect(result.stdout).toMatch(/Biggest changes since last month:\n(.*\n){2}((.*\b(new|gone|changed)\b.*)\n){10}/);
    expect(result.stdout).toContain('no product rule matches offering_item notary_notarizations');
    expect(readFileSync(join(elsewhere, 'billing-lines.csv'), 'utf8')).toBe(readFileSync(join(dir, '2026-10', 'billing-lines.csv'), 'utf8'));
  }, 120_000);

  it('refuses a bad mapping before anything is created, naming every problem (exit 2)', async () => {
    const sim = simulator();
    const bad = join(mkdtempSync(join(tmpdir(), 'cli-lines-bad-')), 'mapping.json');
    writeFileSync(bad, JSON.stringify({ products: [{ offering_item: 'storage', product_code: 'S', unit_price: '0,05' }], customer: {} }));
    const creates = sim.control.requests().filter((r) => r.operationId === 'createReport').length;
    const result = await runCli(['billing', '--mapping', bad], { env: simulatorEnv(sim) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('customer is not a known key');
    expect(result.stderr).toContain('products[0].unit_price should be a number of 0 or more, got "0,05"');
    expect(sim.control.requests().filter((r) => r.operationId === 'createReport').length).toBe(creates);
    const htmlOnly = await runCli(['billing', '--compare', '--formats', 'html'], { env: simulatorEnv(sim) });
    expect(htmlOnly.code).toBe(2);
    expect(htmlOnly.stderr).toContain('add one of them to --formats');
    expect(sim.control.requests().filter((r) => r.operationId === 'createReport').length).toBe(creates);
  });

  it('lines refuses files it cannot read as usage rows (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-lines-format-'));
    writeFileSync(join(dir, 'usage.table.csv'), 'a,b\r\n');
    const table = await runCli(['lines', join(dir, 'usage.table.csv')]);
    expect(table.code).toBe(2);
    expect(table.stderr).toContain('billing lines are read from csv_v2_0 or json_v2_0 files');
    const missing = await runCli(['lines', join(dir, 'nothing.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`There is no file ${join(dir, 'nothing.csv')}.`);
    const figure = await runCli(['lines', join(dir, 'usage.table.csv'), '--format', 'csv_v2_0', '--figure', 'absolute.all']);
    expect(figure.code).toBe(2);
    expect(figure.stderr).toContain('--figure must be one of absolute.production');
  });
});
