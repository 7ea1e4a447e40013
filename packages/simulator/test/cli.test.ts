import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '..', 'dist', 'cli.js');

describe('the simulator command', () => {
  it('starts with the flags given and prints its JSON description first, then stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [cli, '--port', '0', '--seed', '7', '--client-secret', 's3cret-for-test', '--token-lifetime-s', '60'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
    const described = JSON.parse(line);
    expect(described.clientSecret).toBe('s3cret-for-test');
    const token = await fetch(`${described.apiBaseUrl}/idp/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${described.clientId}:s3cret-for-test`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(((await token.json()) as any).expires_in).toBe(60);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
  });

  it('refuses unknown flags and bad numbers with exit code 2 and the usage', () => {
    const unknown = spawnSync(process.execPath, [cli, '--colour', 'blue'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--colour'");
    expect(unknown.stderr).toContain('Usage: pnpm simulator');
    const bad = spawnSync(process.execPath, [cli, '--generation-delay-ms', 'soon'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--generation-delay-ms must be a non-negative integer');
    expect(bad.stdout).toBe('');
  });

  it('prints its help', () => {
    const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--generation-delay-ms');
  });
});
