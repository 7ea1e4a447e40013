// The release tarballs as their users get them: `npm run pack`, then each tarball installed with npm into an empty
// folder outside the repository (so nothing can resolve `workspace:` or reach into the checkout), then run.
// npm's own cache is used with --prefer-offline: the registry packages the tarballs depend on are fetched once.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { createSimulator, type Simulator } from '@acronis-reports/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const repo = join(import.meta.dirname, '..', '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'release-check-'));
const releaseDir = join(scratch, 'release');
const npmFlags = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', '--update-notifier=false'];
// The CLI must stay small to install: the bundle, its registry dependencies and the embedded simulator's.
const cliInstalledBudgetBytes = 12 * 1024 * 1024;

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const version = (dir: string): string => readJson(join(repo, dir, 'package.json')).version;
const tarball = (file: string) => join(releaseDir, file);
const core = () => tarball(`acronis-reports-core-${version('packages/core')}.tgz`);
const cli = () => tarball(`acronis-reports-${version('apps/cli')}.tgz`);
const n8n = () => tarball(`n8n-nodes-acronis-reports-${version('apps/n8n')}.tgz`);
const mcp = () => tarball(`acronis-reports-mcp-${version('apps/mcp')}.tgz`);

/** A fresh folder outside the repository, with a package.json as `npm init -y` would leave. */
function emptyProject(name: string, manifest: Record<string, unknown> = {}): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, ...manifest }, null, 2));
  return dir;
}

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 110_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

async function runOk(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }) {
  const result = await run(command, args, options);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result;
}

function sizeOf(path: string): number {
  const stat = statSync(path);
  return stat.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0) : stat.size;
}

/** The package.json inside a tarball. */
async function manifestOf(file: string) {
  const { stdout } = await exec('tar', ['-xzOf', file, 'package/package.json']);
  return JSON.parse(stdout);
}

async function filesOf(file: string): Promise<string[]> {
  const { stdout } = await exec('tar', ['-tzf', file]);
  return stdout.trim().split('\n');
}

/** The first ```ts block after a README heading. */
function codeAfter(readme: string, heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no heading ${heading}`);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(start));
  if (!block) throw new Error(`no ts block after ${heading}`);
  return block[1]!;
}

beforeAll(async () => {
  // The builds are current: turbo runs this after building the three packages (see turbo.json here).
  await runOk(process.execPath, [join(repo, 'scripts', 'pack.mjs'), '--skip-build', '--out', releaseDir], { cwd: repo });
}, 180_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the release tarballs', () => {
  it('are the four packages, public, MIT with the license text, and free of workspace: and catalog: ranges', async () => {
    expect(readdirSync(releaseDir).sort()).toEqual([cli(), core(), n8n(), mcp()].map((file) => relative(releaseDir, file)).sort());
    const license = readFileSync(join(repo, 'LICENSE'), 'utf8');
    for (const file of [core(), cli(), n8n(), mcp()]) {
      const manifest = await manifestOf(file);
      expect(manifest.private, file).toBeUndefined();
      expect(manifest.license).toBe('MIT');
      expect(JSON.stringify(manifest)).not.toMatch(/workspace:|catalog:/);
      expect(await filesOf(file)).toEqual(expect.arrayContaining(['package/LICENSE', 'package/README.md', 'package/package.json']));
      const { stdout } = await exec('tar', ['-xzOf', file, 'package/LICENSE']);
      expect(stdout).toBe(license);
    }
  });

  it.each([['CLI', cli], ['MCP server', mcp]])('%s: depends on registry packages only, pinned exactly; core and the simulator are bundled', async (_, file) => {
    const manifest = await manifestOf(file());
    for (const [name, range] of Object.entries(manifest.dependencies as Record<string, string>)) {
      expect(name).not.toMatch(/^@acronis-reports\//);
      expect(range, name).toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.scripts).toBeUndefined();
  });

  it('n8n: no runtime dependencies, n8n-workflow as its only peer', async () => {
    const manifest = await manifestOf(n8n());
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
  });
});

describe('publishing', () => {
  it('npm publish --dry-run accepts every tarball (scripts/publish.mjs, as the release workflow runs it)', async () => {
    const result = await runOk(process.execPath, [join(repo, 'scripts', 'publish.mjs'), '--dry-run', '--dir', releaseDir], { cwd: repo });
    for (const file of [core(), cli(), n8n(), mcp()]) {
      const { name, version: v } = await manifestOf(file);
      // either npm would publish it, or that version is already on the registry
      expect(result.stdout).toMatch(new RegExp(`(would publish ${name}@${v}|${name}@${v} is already on the registry)`));
    }
  });
});

describe('the CLI from its tarball', () => {
  it('installs globally (npm install -g, into a private prefix), prints its version and runs billing on its simulator', async () => {
    const prefix = join(scratch, 'global');
    await runOk('npm', ['install', '-g', cli(), '--prefix', prefix, ...npmFlags], { cwd: scratch });
    const installed = join(prefix, 'lib', 'node_modules', 'acronis-reports');
    const bytes = sizeOf(installed);
    console.log(`acronis-reports installed: ${(bytes / 1024 / 1024).toFixed(1)} MB in ${installed}`);
    expect(bytes).toBeLessThan(cliInstalledBudgetBytes);
    // Nothing of the workspace came along: core and the simulator live in the bundle.
    expect(existsSync(join(installed, 'node_modules', '@acronis-reports'))).toBe(false);

    const bin = join(prefix, 'bin', 'acronis-reports');
    const work = emptyProject('cli-global');
    expect((await runOk(bin, ['--version'], { cwd: work })).stdout.trim()).toBe(version('apps/cli'));
    const billing = await runOk(bin, ['billing', '--simulator', '--month', '2026-10', '--json', '--out', 'reports'], { cwd: work });
    const output = JSON.parse(billing.stdout);
    expect(output).toMatchObject({ period: { start: '2026-10-01', end: '2026-10-31' }, deleted: true });
    expect(readdirSync(join(work, 'reports', '2026-10')).sort()).toEqual(['billing-lines.csv', 'billing-lines.json', 'usage_summary-2026-10.csv', 'usage_summary-2026-10.json']);
    expect(output.billingLines).toMatchObject({ lines: expect.any(Number) });
    expect(billing.stderr).toMatch(/embedded simulator/);
  });

  it('runs with npx straight from the tarball', async () => {
    const work = emptyProject('cli-npx');
    const spec = `./${relative(releaseDir, cli())}`;
    writeFileSync(join(work, spec), readFileSync(cli()));
    // npx keys its cache by the spec as typed, so an install of an older tarball under the same name would be reused.
    await forgetNpxInstalls(spec);
    try {
      const result = await runOk('npx', ['--yes', ...npmFlags, spec, 'billing', '--simulator', '--month', '2026-09', '--formats', 'csv_v2_0', '--json', '--out', 'out'], {
        cwd: work,
      });
      expect(JSON.parse(result.stdout)).toMatchObject({ period: { start: '2026-09-01', end: '2026-09-30' } });
      expect(readdirSync(join(work, 'out', '2026-09')).sort()).toEqual(['billing-lines.csv', 'billing-lines.json', 'usage_summary-2026-09.csv']);
    } finally {
      await forgetNpxInstalls(spec);
    }
  });
});

describe('the MCP server from its tarball', () => {
  it('installs globally, prints its version and answers tools/list over stdio on its simulator', async () => {
    const prefix = join(scratch, 'global-mcp');
    await runOk('npm', ['install', '-g', mcp(), '--prefix', prefix, ...npmFlags], { cwd: scratch });
    const installed = join(prefix, 'lib', 'node_modules', '@acronis-reports', 'mcp');
    expect(existsSync(join(installed, 'node_modules', '@acronis-reports'))).toBe(false);
    const bin = join(prefix, 'bin', 'acronis-reports-mcp');
    const work = emptyProject('mcp-global');
    expect((await runOk(bin, ['--version'], { cwd: work })).stdout.trim()).toBe(version('apps/mcp'));

    // The protocol by hand (no client library here): initialize, then list the tools; stdin's end stops it.
    const messages = [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'release-check', version: '0' } } },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
    ];
    const child = spawn(bin, ['--simulator'], { cwd: work, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    const listed = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const answer = stdout.split('\n').find((line) => line.includes('"id":2'));
        if (answer) resolve(answer);
      });
      child.on('error', reject);
      child.on('close', (code) => reject(new Error(`the server exited ${code} before answering: ${stdout}`)));
    });
    child.stdin.write(messages.map((message) => JSON.stringify(message)).join('\n') + '\n');
    try {
      const { result } = JSON.parse(await listed) as { result: { tools: { name: string }[] } };
      expect(result.tools.map((tool) => tool.name)).toContain('billing_lines');
    } finally {
      child.stdin.end();
      child.kill();
    }
  });
});

/** Removes the installs npx made for exactly `spec` from npm's cache (_npx/<hash>). */
async function forgetNpxInstalls(spec: string) {
  const { stdout } = await exec('npm', ['config', 'get', 'cache']);
  const npxDir = join(stdout.trim(), '_npx');
  if (!existsSync(npxDir)) return;
  for (const entry of readdirSync(npxDir)) {
    const manifest = join(npxDir, entry, 'package.json');
    if (!existsSync(manifest)) continue;
    const packages: unknown = JSON.parse(readFileSync(manifest, 'utf8'))._npx?.packages;
    if (JSON.stringify(packages) === JSON.stringify([spec])) rmSync(join(npxDir, entry), { recursive: true, force: true });
  }
}

describe('core from its tarball', () => {
  let project: string;
  let simulator: Simulator;
  const readme = readFileSync(join(repo, 'packages', 'core', 'README.md'), 'utf8');
  const billingExample = codeAfter(readme, '## Billing export in a few lines');
  const webExample = codeAfter(readme, '## Entry points');
  // Core's own .d.ts files are checked once (nodenext), not three times: on a busy two-core machine each full check of
  // them and @types/node costs 15-20 s. The README code itself is checked under all three.
  const resolutions = [
    { moduleResolution: 'node16', module: 'node16', skipLibCheck: true },
    { moduleResolution: 'nodenext', module: 'nodenext', skipLibCheck: false },
    { moduleResolution: 'bundler', module: 'esnext', skipLibCheck: true },
  ];

  beforeAll(async () => {
    project = emptyProject('core-user', { type: 'module' });
    // The TypeScript and Node typings the repository builds with (its catalog), from the registry like any user's.
    const catalog = readFileSync(join(repo, 'pnpm-workspace.yaml'), 'utf8');
    const pinned = (name: string) => new RegExp(`^\\s+'?${name}'?: (\\S+)$`, 'm').exec(catalog)![1];
    await runOk('npm', ['install', core(), `typescript@${pinned('typescript')}`, `@types/node@${pinned('@types/node')}`, ...npmFlags], { cwd: project });
    writeFileSync(join(project, 'billing.ts'), billingExample);
    writeFileSync(join(project, 'web.ts'), webExample);
  }, 180_000);

  afterAll(async () => simulator?.close());

  it.each(resolutions)('the README examples typecheck under moduleResolution $moduleResolution', async ({ moduleResolution, module, skipLibCheck }) => {
    const tsconfig = `tsconfig.${moduleResolution}.json`;
    writeFileSync(
      join(project, tsconfig),
      JSON.stringify({
        compilerOptions: { target: 'es2022', module, moduleResolution, strict: true, types: ['node'], outDir: `out-${moduleResolution}`, skipLibCheck },
        files: ['billing.ts', 'web.ts'],
      }),
    );
    const result = await run(join(project, 'node_modules', '.bin', 'tsc'), ['-p', tsconfig], { cwd: project });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('the README billing example runs (against the simulator) and the /web example lists what it made', async () => {
    simulator = await createSimulator({ config: { generationDelayMs: 300, listDelayMs: 0, nightlyUsageHistoryGap: false } });
    const started = Date.now();
    // The README names a real data center; the run points the same compiled code at the simulator.
    const compiled = join(project, 'out-nodenext', 'billing.js');
    const code = readFileSync(compiled, 'utf8');
    expect(code).toContain("'https://eu2-cloud.acronis.com'");
    writeFileSync(compiled, code.replace("'https://eu2-cloud.acronis.com'", JSON.stringify(simulator.baseUrl)));
    const result = await runOk(process.execPath, [compiled], {
      cwd: project,
      env: { ACRONIS_CLIENT_ID: simulator.clientId, ACRONIS_CLIENT_SECRET: simulator.clientSecret },
    });
    const saved = readdirSync(join(project, 'reports')).sort();
    expect(saved).toEqual(['usage_summary-2026-10.csv', 'usage_summary-2026-10.json']);
    expect(result.stdout).toContain(join('reports', 'usage_summary-2026-10.csv'));
    console.log(`README billing example: ${Date.now() - started} ms`);

    // The web entry, loaded as a browser bundle would see it, with a token obtained apart.
    const listed = await runOk(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { requestAccessToken } = await import('@acronis-reports/core');
         const { listReportIds } = await import('./out-nodenext/web.js');
         const { accessToken } = await requestAccessToken({ baseUrl: process.argv[1], clientId: process.argv[2], clientSecret: process.argv[3] });
         console.log(JSON.stringify(await listReportIds(process.argv[1], accessToken, process.argv[4])));`,
        simulator.baseUrl,
        simulator.clientId,
        simulator.clientSecret,
        simulator.tenantId,
      ],
      // the process ends with its work: core cancels each attempt's timer through the runtime's sleep, so nothing
      // waits out the 30 s request timeout
      { cwd: project, timeoutMs: 15_000 },
    );
    expect(JSON.parse(listed.stdout)).toHaveLength(1);
  });

  it('passes arethetypeswrong with the esm-only profile (node16 from ESM, and bundler)', async () => {
    const attw = join(import.meta.dirname, '..', 'node_modules', '.bin', 'attw');
    const result = await run(attw, [core(), '--profile', 'esm-only', '--format', 'table-flipped'], { cwd: scratch });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    // three entry points, each ESM under node16, none with a problem
    expect(result.stdout.match(/🟢 \(ESM\)/g)).toHaveLength(3);
  });
});
