import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadOpenApiDocument, openapiPath } from '../src/index.js';

const run = promisify(execFile);
const packageDir = join(import.meta.dirname, '..');
const redocly = join(packageDir, 'node_modules', '.bin', 'redocly');

async function lint(file: string, configDir = packageDir) {
  try {
    const { stdout, stderr } = await run(redocly, ['lint', file, '--format=stylish', `--config=${join(configDir, 'redocly.yaml')}`], {
      cwd: configDir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
}

describe('redocly lint', () => {
  it('passes the recommended rules plus the project rules with no warnings', async () => {
    const result = await lint(openapiPath);
    expect(result.output).toContain('Your API description is valid');
    expect(result.output).not.toMatch(/^\s*\d+:\d+\s+warning/m);
    expect(result.code).toBe(0);
  }, 60_000);

  it('fails on an example that contradicts its schema (the rule is live)', async () => {
    const document = loadOpenApiDocument();
    const create = document.paths['/reports']!['post'] as any;
    create.requestBody.content['application/json'].examples.billing.value.parameters.kind = 'usage_weekly';
    const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
    writeFileSync(join(dir, 'openapi.yaml'), stringify(document));
    copyFileSync(join(packageDir, 'redocly.yaml'), join(dir, 'redocly.yaml'));
    const result = await lint(join(dir, 'openapi.yaml'), dir);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('no-invalid-media-type-examples');
  }, 60_000);
});
