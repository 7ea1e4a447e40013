// The package as n8n and its community-package rules see it: the shape, the built bundles, `n8n-node lint`
// (strict mode) and the offline @n8n/scan-community-package analysis of the source and of the packed tarball.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const require = createRequire(import.meta.url);
const scratch = mkdtempSync(join(tmpdir(), 'n8n-nodes-acronis-reports-'));
let unpacked: string;
// eslint-plugin-n8n-nodes-base checks file names differently when NODE_ENV is `test` (as vitest sets it).
const cleanEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
delete cleanEnv.NODE_ENV;
delete cleanEnv.VITEST;
delete cleanEnv.FORCE_COLOR;

beforeAll(async () => {
  await run(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root });
  const pnpm = join(root, '../../node_modules/.bin/pnpm');
  await run(pnpm, ['pack', '--pack-destination', scratch], { cwd: root });
  const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'))!;
  await run('tar', ['-xzf', join(scratch, tarball), '-C', scratch]);
  unpacked = join(scratch, 'package');
}, 240_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('package shape', () => {
  it('is a community node package n8n can load: MIT, keyword, API version 1, dist paths, no runtime dependencies, n8n-workflow the only peer', () => {
    expect(pkg.name).toMatch(/^n8n-nodes-/);
    expect(pkg.license).toBe('MIT');
    expect(pkg.keywords).toContain('n8n-community-node-package');
    expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
    expect(pkg.n8n.strict).toBe(true);
    for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(file).toMatch(/^dist\/.+\.js$/);
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
    expect(pkg.devDependencies['n8n-workflow']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('ships bundles that require nothing but n8n-workflow (and crypto, on n8n Cloud\'s allow-list) and use no global n8n Cloud forbids, with icons and codex files beside them', () => {
    const packed = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
    expect(packed.dependencies ?? {}).toEqual({});
    for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
      const code = readFileSync(join(unpacked, file), 'utf8');
      const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
      // the credential's token exchange is core's, with n8n-workflow's sleep; the nodes find Node's Readable through crypto
      expect(new Set(required)).toEqual(new Set(file.includes('credentials') ? ['n8n-workflow'] : ['n8n-workflow', 'crypto']));
      expect(code).not.toMatch(/\b(globalThis|setTimeout|setInterval|setImmediate|clearTimeout|__dirname|__filename)\b/);
      expect(code).not.toMatch(/(?<![.\w])process\b/);
      const folder = file.replace(/\/[^/]+$/, '');
      const files = readdirSync(join(unpacked, folder));
      expect(files).toEqual(expect.arrayContaining(['acronis.svg', 'acronis.dark.svg']));
      if (file.endsWith('.node.js')) expect(files).toContain(file.replace(/^.*\//, '').replace(/\.js$/, '.json'));
    }
  });

  it('loads from the packed dist as CommonJS, as n8n loads it', () => {
    const nodes = pkg.n8n.nodes.map((file: string) => require(join(unpacked, file)));
    const { AcronisReports } = nodes[0];
    const { AcronisReportsTrigger } = nodes[1];
    const { AcronisReportsApi } = require(join(unpacked, pkg.n8n.credentials[0]));
    expect(new AcronisReports().description).toMatchObject({ name: 'acronisReports', usableAsTool: true });
    expect(new AcronisReportsTrigger().description).toMatchObject({ name: 'acronisReportsTrigger', polling: true });
    expect(new AcronisReportsApi().name).toBe('acronisReportsApi');
  });
});

describe('community package rules', () => {
  it('passes `n8n-node lint` in strict mode', async () => {
    const result = await run(join(root, 'node_modules/.bin/n8n-node'), ['lint'], { cwd: root, env: cleanEnv }).then(
      (ok) => ({ code: 0, out: ok.stdout + ok.stderr }),
      (failed: { code: number; stdout: string; stderr: string }) => ({ code: failed.code, out: failed.stdout + failed.stderr }),
    );
    expect(result.code).toBe(0);
    // eslint's problem lines: `  <line>:<col>  error|warning  <message>  <rule>`
    const plain = result.out.replace(/\x1b\[[0-9;]*m/g, '');
    const problems = [...plain.matchAll(/^\s*\d+:\d+\s+(error|warning)\s+.*?\s(\S+)\s*$/gm)].map(([, severity, rule]) => `${severity} ${rule}`);
    // The one warning allowed: no homepage. The project has no public home yet, and a URL that does not exist
    // would be worse than none; set `homepage` (and `repository`) once it has one.
    expect(problems).toEqual(pkg.homepage ? [] : ['warning @n8n/community-nodes/require-homepage']);
    expect(plain).not.toMatch(/[1-9]\d* errors?\b/);
  }, 240_000);

  it('passes the @n8n/scan-community-package analysis of the source and of the packed tarball', async () => {
    const scan = async (folder: string, mode: string) =>
      JSON.parse((await run(process.execPath, [join(root, 'test/helpers/scan.mjs'), folder, mode], { cwd: root, env: cleanEnv, maxBuffer: 1 << 24 })).stdout);
    const source = await scan(root, 'source');
    expect(source.details || source.message).toBe('');
    expect(source.passed).toBe(true);
    const tarball = await scan(unpacked, 'tarball');
    expect(tarball.details || tarball.message).toBe('');
    expect(tarball.passed).toBe(true);
  }, 240_000);
});
