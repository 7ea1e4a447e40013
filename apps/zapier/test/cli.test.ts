// The Zapier CLI on Node 24 (it refuses older Node): validate, build, and the built zip loading outside the repo.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { node24Path } from '@acronis-reports/node24';
import type { Simulator } from '@acronis-reports/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, startSimulator } from './support.js';

const run = promisify(execFile);
const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(appDir, 'node_modules', 'zapier-platform-cli', 'src', 'bin', 'run');
const env = { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1', NO_COLOR: '1' };
const zapier = (...args: string[]) => run(node24Path, [cli, ...args], { cwd: appDir, env, maxBuffer: 10 * 1024 * 1024 });

beforeAll(async () => {
  await run(process.execPath, [join(appDir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: appDir });
}, 120_000);

describe('zapier-platform CLI', () => {
  it('validate --without-style finds the app structurally sound', async () => {
    const { stdout } = await zapier('validate', '--without-style');
    expect(stdout).toMatch(/structurally sound/);
  }, 120_000);

  describe('build', () => {
    let sim: Simulator;
    const unpacked = mkdtempSync(join(tmpdir(), 'acronis-zapier-build-'));
    afterAll(async () => {
      rmSync(unpacked, { recursive: true, force: true });
      await sim?.close();
    });

    it('builds a zip that, unpacked outside the repo, runs the session exchange and answers a trigger through Zapier\'s handler', async () => {
      await zapier('build', '--skip-dep-install', '--skip-validation');
      await run('unzip', ['-q', join(appDir, 'build', 'build.zip'), '-d', unpacked]);
      sim = await startSimulator();
      const authData = await connect(sim);
      const created = await fetch(`${sim.apiBaseUrl}/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${authData['access_token']}`, 'content-type': 'application/json' },
        body: JSON.stringify({ parameters: { tenant_id: sim.tenantId, kind: 'usage_summary', level: 'itself' }, schedule: { type: 'once' }, result_action: 'save' }),
      });
      const report = (await created.json()) as { id: string };
      // Zapier's Lambda calls the handler of zapierwrapper.js with an event like these
      writeFileSync(
        join(unpacked, 'probe.mjs'),
        `const { handler } = await import('./apps/zapier/zapierwrapper.js');
        const authData = JSON.parse(process.argv[2]);
        const call = (method, bundle) => new Promise((resolve, reject) =>
          handler({ command: 'execute', method, bundle }, {}, (error, output) => (error ? reject(error) : resolve(output))));
        const session = await call('authentication.sessionConfig.perform', { authData, inputData: {} });
        // as "Test trigger" runs it: a Zap's polls keep their state through Zapier's cache RPC, which needs Zapier
        const found = await call('triggers.newReport.operation.perform', { authData: { ...authData, ...session.results }, inputData: {}, meta: { isLoadingSample: true } });
        console.log('RESULT ' + JSON.stringify({ session: Object.keys(session.results), found: found.results }));`,
      );
      const credentials = { dataCenterUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret };
      const { stdout } = await run(node24Path, ['probe.mjs', JSON.stringify(credentials)], { cwd: unpacked, env, maxBuffer: 10 * 1024 * 1024 });
      const result = JSON.parse(stdout.split('\n').find((line) => line.startsWith('RESULT '))!.slice('RESULT '.length));
      expect(result.session).toEqual(expect.arrayContaining(['access_token']));
      expect(result.found.map((item: { id: string }) => item.id)).toContain(report.id);
    }, 300_000);
  });
});
