// Stages the publishable `acronis-reports` package (or another app built the same way: the MCP server) into a
// folder, ready for `npm pack`.
//
// The workspace packages the command needs (core, the simulator behind --simulator, and the OpenAPI description the
// simulator validates with) are not on the registry, and `pnpm pack` would turn their `workspace:` ranges into
// versions nobody can install. So they are bundled into dist/ with esbuild (the simulator stays a chunk of its own,
// loaded only with --simulator), and the third-party packages they import become ordinary, exactly pinned
// dependencies of the CLI, installed by npm as usual. The tarball then installs from itself alone.
//
// Usage: node scripts/stage.mjs <empty or missing folder>   (after `build`: it bundles dist/, not src/)
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const defaultAppDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** The folder of package `name` as Node would find it from `fromDir` (its package.json need not be exported). */
function packageDir(fromDir, name) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`${name} is not installed where ${fromDir} can see it; run the install first.`);
  }
}

/** Workspace packages bundled into the app: its own `workspace:` dependencies, and theirs. */
function workspaceGraph(appDir) {
  const found = new Map();
  const visit = (dir) => {
    const manifest = readJson(join(dir, 'package.json'));
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      if (!String(range).startsWith('workspace:') || found.has(name)) continue;
      const depDir = packageDir(dir, name);
      found.set(name, depDir);
      visit(depDir);
    }
  };
  visit(appDir);
  return found;
}

/** Third-party runtime dependencies of the app and of every bundled package, pinned to the version installed. */
function thirdPartyDependencies(appDir, bundled) {
  const dependencies = {};
  for (const dir of [appDir, ...bundled.values()]) {
    const manifest = readJson(join(dir, 'package.json'));
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      if (String(range).startsWith('workspace:')) continue;
      // the installed version is what the lockfile chose and what the tests ran with
      const { version } = readJson(join(packageDir(dir, name), 'package.json'));
      if (dependencies[name] && dependencies[name] !== version) {
        throw new Error(`${name} is installed at ${dependencies[name]} and ${version}; bundled packages must agree on one version.`);
      }
      dependencies[name] = version;
    }
  }
  return Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)));
}

/** `appDir`: the app to stage, the CLI by default. */
export async function stageCli(outDir, { appDir = defaultAppDir } = {}) {
  const stage = resolve(outDir);
  if (existsSync(stage) && readdirSync(stage).length > 0) throw new Error(`${stage} is not empty`);
  mkdirSync(stage, { recursive: true });

  const manifest = readJson(join(appDir, 'package.json'));
  const bundled = workspaceGraph(appDir);
  const dependencies = thirdPartyDependencies(appDir, bundled);

  const result = await build({
    absWorkingDir: appDir,
    entryPoints: { bin: 'dist/bin.js' },
    outdir: join(stage, 'dist'),
    bundle: true,
    splitting: true, // the simulator stays a chunk of its own, loaded only with --simulator
    chunkNames: 'chunk-[hash]', // beside bin.js: the openapi.yaml check below relies on dist/ being one level deep
    format: 'esm',
    platform: 'node',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'workspace-inside-registry-outside',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            if (isBuiltin(args.path)) return { path: args.path, external: true };
            const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
            if (bundled.has(name)) return undefined; // esbuild resolves and bundles it
            if (!(name in dependencies)) {
              return { errors: [{ text: `${args.path} (imported by ${args.importer}) is no dependency of the app or of a bundled package` }] };
            }
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });

  // The OpenAPI package reads its description from `new URL('../openapi.yaml', import.meta.url)`: bundled into
  // dist/, that is the package root. Check the bundle still says so, rather than ship a simulator that cannot start.
  const openapiDir = bundled.get('@acronis-reports/openapi');
  if (openapiDir) {
    const chunks = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
    const reads = chunks.some((file) => readFileSync(join(appDir, file), 'utf8').includes('new URL("../openapi.yaml", import.meta.url)'));
    if (!reads) throw new Error('The bundled simulator no longer reads ../openapi.yaml next to dist/; update scripts/stage.mjs.');
    cpSync(join(openapiDir, 'openapi.yaml'), join(stage, 'openapi.yaml'));
  }

  const published = {
    name: manifest.name,
    version: manifest.version,
    description: manifest.description,
    license: manifest.license,
    keywords: manifest.keywords,
    type: manifest.type,
    bin: manifest.bin,
    files: ['dist', 'openapi.yaml'],
    engines: manifest.engines,
    dependencies,
  };
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(published, null, 2)}\n`);
  for (const file of ['README.md', 'LICENSE']) cpSync(join(appDir, file), join(stage, file));
  return { stage, dependencies, bundled: [...bundled.keys()] };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node scripts/stage.mjs <folder>');
    process.exit(2);
  }
  rmSync(outDir, { recursive: true, force: true });
  const { stage, dependencies, bundled } = await stageCli(outDir);
  console.log(`staged ${stage}: bundled ${bundled.join(', ')}; dependencies ${Object.keys(dependencies).join(', ')}`);
}
