// `npm run pack`: the release tarballs, built from this checkout into release/ (git-ignored):
//   acronis-reports-core-<v>.tgz       @acronis-reports/core, as `pnpm pack` makes it (no runtime workspace deps)
//   acronis-reports-<v>.tgz            the CLI, with core and the simulator bundled in (apps/cli/scripts/stage.mjs)
//   n8n-nodes-acronis-reports-<v>.tgz  the n8n package, core already bundled into its dist by its build
//   acronis-reports-mcp-<v>.tgz        the MCP server, bundled as the CLI is (apps/cli/scripts/stage.mjs)
// Each installs with npm from the tarball alone. Flags: --skip-build (the builds are known to be current, as under
// turbo), --out <dir> (another folder than release/).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { install, pnpm, root, toolEnv, turbo } from './lib/toolchain.mjs';

export const releasePackages = [
  { name: '@acronis-reports/core', dir: 'packages/core', how: 'pnpm' },
  { name: 'acronis-reports', dir: 'apps/cli', how: 'stage' },
  { name: 'n8n-nodes-acronis-reports', dir: 'apps/n8n', how: 'pnpm' },
  { name: '@acronis-reports/mcp', dir: 'apps/mcp', how: 'stage' },
];

/** The tarball name npm and pnpm give a package: `@scope/name@1.0.0` -> `scope-name-1.0.0.tgz`. */
export function tarballName(name, version) {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

function check(status, what) {
  if (status !== 0) {
    console.error(`${what} failed; see the output above.`);
    process.exit(status || 1);
  }
}

export async function pack({ outDir = join(root, 'release'), build = true } = {}) {
  if (build) {
    install();
    const filters = releasePackages.map(({ name }) => `--filter=${name}...`);
    check(turbo(['run', 'build', ...filters, '--output-logs=errors-only']), 'The build');
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const built = [];
  for (const { name, dir, how } of releasePackages) {
    const packageDir = join(root, dir);
    const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
    if (how === 'pnpm') {
      // pnpm pack replaces workspace: and catalog: ranges with versions; these packages have none at runtime.
      check(pnpm(['pack', '--pack-destination', outDir], { cwd: packageDir, stdio: ['ignore', 'ignore', 'inherit'] }), `pnpm pack in ${dir}`);
    } else {
      const stageDir = mkdtempSync(join(tmpdir(), 'acronis-reports-stage-'));
      try {
        const { stageCli } = await import(pathToFileURL(join(root, 'apps', 'cli', 'scripts', 'stage.mjs')).href);
        await stageCli(join(stageDir, 'package'), { appDir: packageDir });
        const result = spawnSync('npm', ['pack', join(stageDir, 'package'), '--pack-destination', outDir, '--loglevel=error'], {
          cwd: outDir,
          env: toolEnv,
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        check(result.status ?? 1, `npm pack of the staged ${name}`);
      } finally {
        rmSync(stageDir, { recursive: true, force: true });
      }
    }
    const file = join(outDir, tarballName(name, version));
    built.push({ name, version, file, bytes: statSync(file).size });
  }
  const extra = readdirSync(outDir).filter((file) => !built.some((b) => b.file === join(outDir, file)));
  if (extra.length > 0) throw new Error(`Unexpected files in ${outDir}: ${extra.join(', ')}`);
  return built;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(root, 'scripts', 'pack.mjs')) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const built = await pack({
    build: !args.includes('--skip-build'),
    ...(outIndex >= 0 ? { outDir: resolve(args[outIndex + 1]) } : {}),
  });
  for (const { file, bytes } of built) console.log(`${file.replace(`${root}/`, '')}  ${(bytes / 1024).toFixed(1)} kB`);
}
