// Publishes the tarballs `npm run pack` wrote into release/, each with npm (`npm publish <tarball>`): what was
// tested is what is published, never a re-pack. A version already on the registry is skipped, so the release job
// can run on every push to main. `--dry-run` checks everything without publishing (npm publish --dry-run), and
// works without a public repository; a real publish needs `repository` in every manifest, because npm provenance
// ties each version to the repository and the workflow run that built it.
// Provenance: set NPM_CONFIG_PROVENANCE=true (the release workflow does; it only works inside a CI provider).
// Usage: node scripts/publish.mjs [--dry-run] [--dir <folder of tarballs>]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { root, toolEnv } from './lib/toolchain.mjs';
import { releasePackages, tarballName } from './pack.mjs';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const releaseDir = args.includes('--dir') ? resolve(args[args.indexOf('--dir') + 1]) : join(root, 'release');

function npm(args, options = {}) {
  return spawnSync('npm', args, { cwd: releaseDir, env: toolEnv, encoding: 'utf8', ...options });
}

let failed = 0;
for (const { name, dir } of releasePackages) {
  const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  const tarball = join(releaseDir, tarballName(name, manifest.version));
  const packed = JSON.parse(spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }).stdout || '{}');
  if (packed.name !== name || packed.version !== manifest.version) {
    console.error(`${tarball} is missing or stale (run npm run pack first).`);
    failed++;
    continue;
  }
  if (!dryRun && !packed.repository) {
    console.error(`${name}: no "repository" in package.json; npm provenance needs it. Set it once the project has a public home.`);
    failed++;
    continue;
  }
  const seen = npm(['view', `${name}@${manifest.version}`, 'version', '--json']);
  if (seen.status === 0 && seen.stdout.trim() !== '') {
    console.log(`${name}@${manifest.version} is already on the registry; skipped.`);
    continue;
  }
  const result = npm(['publish', tarball, '--access', 'public', ...(dryRun ? ['--dry-run'] : [])], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
  // changesets/action reads `New tag:` lines to tag the release and write its GitHub release notes
  else console.log(dryRun ? `would publish ${name}@${manifest.version}` : `New tag: ${name}@${manifest.version}`);
}
process.exit(failed > 0 ? 1 : 0);
