// Build: typecheck with tsc, bundle each node and credential with core inside (CommonJS, as n8n loads it; only
// n8n-workflow and crypto, both allowed on n8n Cloud, stay external), then copy icons and codex files next to them.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cloudSafeOpenapiFetch } from './cloud-safe-openapi-fetch.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

rmSync(join(root, 'dist'), { recursive: true, force: true });

// openapi-fetch's source is rewritten for n8n's Cloud rules in one place: see cloud-safe-openapi-fetch.mjs.
const cloudSafe = cloudSafeOpenapiFetch(readFileSync);

const entries = [...pkg.n8n.credentials, ...pkg.n8n.nodes].map((out) => out.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
await build({
  absWorkingDir: root,
  entryPoints: entries.map((entry) => ({ in: entry, out: entry.replace(/\.ts$/, '') })),
  outdir: 'dist',
  bundle: true,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  conditions: ['import', 'default'],
  format: 'cjs',
  target: 'node20',
  // crypto is on n8n's allow-list for Cloud: it gives Node's Readable (nodes/shared/node-readable.ts)
  external: ['n8n-workflow', 'crypto'],
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [cloudSafe],
});

for (const entry of entries) {
  const folder = dirname(entry);
  mkdirSync(join(root, 'dist', folder), { recursive: true });
  cpSync(join(root, folder), join(root, 'dist', folder), {
    recursive: true,
    filter: (source) => !source.endsWith('.ts') || relative(join(root, folder), source) === '',
  });
}
// cpSync above copies sub-folders too; keep only .svg and .json assets beside the bundles.
execFileSync('find', [join(root, 'dist'), '-type', 'f', '!', '-name', '*.js', '!', '-name', '*.svg', '!', '-name', '*.json', '-delete']);
execFileSync('find', [join(root, 'dist'), '-type', 'd', '-empty', '-delete']);
console.log(`built ${entries.length} bundles into dist/`);
