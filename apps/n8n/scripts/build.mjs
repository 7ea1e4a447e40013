// Build: typecheck with tsc, bundle each node and credential with core inside (CommonJS, as n8n loads it; only
// n8n-workflow stays external), then copy icons and codex files next to them.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

rmSync(join(root, 'dist'), { recursive: true, force: true });

/**
 * openapi-fetch (bundled with core) reads `globalThis.Request`/`globalThis.fetch` as defaults and probes
 * `process.versions` for undici; n8n's Cloud rules forbid those globals in a community package. Core always
 * passes its own fetch and never uses requestInitExt, so the defaults become the plain web globals and the probe
 * becomes `false`. Each replacement must match, so an openapi-fetch upgrade that changes the code fails the build.
 */
const cloudSafeOpenapiFetch = {
  name: 'cloud-safe-openapi-fetch',
  setup(b) {
    b.onLoad({ filter: /[\\/]openapi-fetch[\\/]dist[\\/]index\.m?js$/ }, (args) => {
      let code = readFileSync(args.path, 'utf8');
      const replacements = [
        [/return typeof process === "object" &&[^\n]*\n/, 'return false;\n'],
        [/globalThis\.Request/g, 'Request'],
        [/globalThis\.fetch/g, 'fetch'],
      ];
      for (const [pattern, replacement] of replacements) {
        if (!pattern.test(code)) throw new Error(`openapi-fetch changed: ${pattern} not found in ${args.path}; review the cloud-safe patch.`);
        code = code.replace(pattern, replacement);
      }
      return { contents: code, loader: 'js' };
    });
  },
};

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
  external: ['n8n-workflow'],
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [cloudSafeOpenapiFetch],
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
