import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without types
import { generate } from '../scripts/generate.mjs';

const run = promisify(execFile);
const packageDir = join(import.meta.dirname, '..');
const bin = (name: string) => join(packageDir, 'node_modules', '.bin', name);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('generated code', () => {
  it('is what the description generates today (run `pnpm generate` after changing openapi.yaml)', async () => {
    const files = (await generate(join(packageDir, '..', 'openapi', 'openapi.yaml'))) as Record<string, string>;
    for (const [name, content] of Object.entries(files)) {
      expect(readFileSync(join(packageDir, 'src', 'generated', name), 'utf8'), `src/generated/${name} is stale`).toBe(content);
    }
  });

  it('is committed as generated: the stale check compares it with git, so CI notices a forgotten regeneration', async () => {
    const { stdout } = await run('git', ['status', '--porcelain', '--', 'src/generated'], { cwd: packageDir });
    expect(stdout).toBe('');
  });

  it('changes when the description changes (the check can fail)', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const original = readFileSync(join(packageDir, '..', 'openapi', 'openapi.yaml'), 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'generate-'));
    writeFileSync(join(dir, 'openapi.yaml'), original.replace('enum: [once, monthly]', 'enum: [once, monthly, weekly]').replace('        monthly: Generate a new set of files every month.', '        monthly: Generate a new set of files every month.\n        weekly: Every week.'));
    const files = (await generate(join(dir, 'openapi.yaml'))) as Record<string, string>;
    expect(files['enums.ts']).toContain('["once","monthly","weekly"]');
  });
});

describe('the main entry runs anywhere a host puts it', () => {
  it('uses no Node built-ins, no process and no timer globals (n8n Cloud rules), unlike the Node entry', () => {
    const dist = join(packageDir, 'dist');
    const forbidden = /\b(setTimeout|setInterval|setImmediate|clearTimeout|clearInterval|clearImmediate|process|globalThis|global|__dirname|__filename|require)\b|from ['"]node:/;
    const offenders = filesUnder(dist)
      .filter((file) => file.endsWith('.js') && !relative(dist, file).startsWith('node'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && forbidden.test(line.replace(/(['"`]).*?\1/g, '""')))
          .map((line) => `${relative(dist, file)}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
    expect(readFileSync(join(dist, 'node', 'runtime.js'), 'utf8')).toMatch(/node:timers\/promises/);
  });
});

describe('package metadata', () => {
  it('passes publint', async () => {
    const { stdout } = await run(bin('publint'), ['--strict'], { cwd: packageDir });
    expect(stdout).toContain('All good!');
  }, 60_000);

  it('resolves types for every entry under node16 and bundlers (arethetypeswrong on the packed tarball, ESM-only)', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = mkdtempSync(join(tmpdir(), 'core-pack-'));
    const pnpm = join(packageDir, '..', '..', 'node_modules', '.bin', 'pnpm');
    await run(pnpm, ['pack', '--pack-destination', out], { cwd: packageDir });
    const tarball = join(out, readdirSync(out).find((name) => name.endsWith('.tgz'))!);
    // exits non-zero on any problem that the ESM-only profile does not ignore
    const { stdout } = await run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'table-flipped'], { cwd: packageDir });
    expect(stdout.match(/🟢 \(ESM\)/g)).toHaveLength(3);
  }, 120_000);
});
