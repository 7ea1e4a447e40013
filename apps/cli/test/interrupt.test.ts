import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReportsClient } from '@acronis-reports/core';
import { describe, expect, it } from 'vitest';
import { bin, simulatorEnv, useSimulator, type CliResult } from './support.js';

const simulator = useSimulator({ config: { generationDelayMs: 600_000, listDelayMs: 100 } });

/** Runs the CLI, sends it SIGINT once its stderr shows `when`, and resolves with how it ended. */
function interruptWhen(args: string[], env: Record<string, string>, when: RegExp): Promise<CliResult & { interruptedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    let sentAt = 0;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sentAt && when.test(stderr)) {
        sentAt = Date.now();
        child.kill('SIGINT');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, interruptedAfterMs: sentAt ? Date.now() - sentAt : -1 }));
  });
}

describe('Ctrl-C', () => {
  it('during create --wait: exits 130 at once and says which report it leaves and how to remove it', async () => {
    const sim = simulator();
    const result = await interruptWhen(['create', '--kind', 'usage_current', '--level', 'itself', '--wait'], simulatorEnv(sim), /Created report [0-9a-f-]{36}/);
    const id = /Created report ([0-9a-f-]{36})/.exec(result.stderr)![1]!;
    expect(result.code).toBe(130);
    expect(result.interruptedAfterMs).toBeLessThan(5000);
    expect(result.stderr).toContain('Interrupted.');
    expect(result.stderr).toContain(`Report ${id} was created and stays on the data center`);
    expect(result.stderr).toContain(`acronis-reports delete ${id}`);
    expect(result.stdout).toBe('');
    const client = createReportsClient({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret });
    await expect(client.getReport(id)).resolves.toMatchObject({ id }); // left as said, and only once
    expect(sim.control.requests().filter((entry) => entry.method === 'POST' && entry.path === '/api/2/reports')).toHaveLength(1);
  });

  it('during billing: deletes the one-time report it created, says so, and exits 130', async () => {
    const sim = simulator();
    const out = mkdtempSync(join(tmpdir(), 'cli-billing-stop-'));
    const result = await interruptWhen(['billing', '--month', '2026-10', '--out', out], simulatorEnv(sim), /Created report [0-9a-f-]{36}/);
    const id = /Created report ([0-9a-f-]{36})/.exec(result.stderr)![1]!;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain(`Deleted the one-time report ${id} that this command had created.`);
    expect(sim.control.requests().some((entry) => entry.method === 'DELETE' && entry.path.startsWith(`/api/2/reports/${id}`) && entry.status < 300)).toBe(true);
  });

  it('during billing --keep-report: leaves the report and says how to remove it', async () => {
    const sim = simulator();
    const out = mkdtempSync(join(tmpdir(), 'cli-billing-keep-'));
    const result = await interruptWhen(['billing', '--month', '2026-09', '--out', out, '--keep-report'], simulatorEnv(sim), /Created report [0-9a-f-]{36}/);
    const id = /Created report ([0-9a-f-]{36})/.exec(result.stderr)![1]!;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain(`Report ${id} stays on the data center`);
    expect(result.stderr).toContain(`acronis-reports delete ${id}`);
    expect(sim.control.requests().some((entry) => entry.method === 'DELETE' && entry.path.includes(id))).toBe(false);
  });
});

