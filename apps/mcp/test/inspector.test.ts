// An independent client: the MCP Inspector's CLI mode (from the registry, pinned, offline) starts the built server
// over stdio, lists its tools and calls billing_lines on a month whose billing report exists.
import { spawn } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { node24Path } from '@acronis-reports/node24';
import { createReportsClient } from '@acronis-reports/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, cleanEnvironment, credentialsOf, useSimulator } from './support.js';

// The Inspector needs Node 22.19 or newer; the repository's Node 24 runs it, the server stays on this Node.
const inspectorDir = realpathSync(join(import.meta.dirname, '..', 'node_modules', '@modelcontextprotocol', 'inspector'));
const inspectorBin = join(inspectorDir, (JSON.parse(readFileSync(join(inspectorDir, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['mcp-inspector']!);

function inspect(env: Record<string, string>, method: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const serverEnv = Object.entries(env).flatMap(([name, value]) => ['-e', `${name}=${value}`]);
  return new Promise((resolve, reject) => {
    const child = spawn(node24Path, [inspectorBin, '--cli', process.execPath, bin, ...serverEnv, ...method], {
      env: cleanEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 50_000,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const sim = useSimulator();
let reportId: string;

beforeAll(async () => {
  const client = createReportsClient({ baseUrl: sim().baseUrl, clientId: sim().clientId, clientSecret: sim().clientSecret });
  const report = await client.createBillingReport({ month: '2026-10' });
  await client.waitForStoredReports(report.id, { initialDelayMs: 200 });
  reportId = report.id;
});

describe('the MCP Inspector (CLI mode) as the client', () => {
  it('lists the tools with their annotations', async () => {
    const result = await inspect(credentialsOf(sim()), ['--method', 'tools/list']);
    expect(result.code, result.stderr).toBe(0);
    const { tools } = JSON.parse(result.stdout) as { tools: { name: string; annotations: Record<string, boolean> }[] };
    expect(tools).toHaveLength(9);
    expect(tools.find((tool) => tool.name === 'billing_lines')!.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
  });

  it('calls billing_lines and gets the structured lines of the month', async () => {
    const result = await inspect(credentialsOf(sim()), ['--method', 'tools/call', '--tool-name', 'billing_lines', '--tool-arg', 'month=2026-10', '--tool-arg', 'limit=1']);
    expect(result.code, result.stderr).toBe(0);
    const answer = JSON.parse(result.stdout) as { isError?: boolean; structuredContent: { source: { reportId: string }; tenants: { returned: number }; lines: unknown[] } };
    expect(answer.isError).toBeFalsy();
    expect(answer.structuredContent.source.reportId).toBe(reportId);
    expect(answer.structuredContent.tenants.returned).toBe(1);
    expect(answer.structuredContent.lines.length).toBeGreaterThan(0);
  });
});
