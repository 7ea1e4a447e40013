import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudSafeOpenapiFetchSource, openapiFetchFile } from '../scripts/cloud-safe-openapi-fetch.mjs';

// openapi-fetch as core resolves it: the copy that gets bundled
const coreRequire = createRequire(createRequire(import.meta.url).resolve('@acronis-reports/core/package.json'));
const openapiFetchDir = dirname(coreRequire.resolve('openapi-fetch/package.json'));
const forbidden = /\b(globalThis|process|setTimeout|setInterval|setImmediate|clearTimeout|__dirname|__filename)\b/;

describe("the bundle's one rewrite of openapi-fetch", () => {
  // the ESM build is the one esbuild bundles (conditions import, default)
  for (const file of ['dist/index.mjs']) {
    it(`leaves no name n8n's Cloud rules forbid in ${file}, and only those names changed`, () => {
      expect(openapiFetchFile.test(join(openapiFetchDir, file))).toBe(true);
      const source = readFileSync(join(openapiFetchDir, file), 'utf8');
      expect(source).toMatch(forbidden);
      const rewritten = cloudSafeOpenapiFetchSource(source);
      expect(rewritten).not.toMatch(forbidden);
      const changed = source.split('\n').filter((line, i) => line !== rewritten.split('\n')[i]);
      expect(changed.every((line) => /globalThis\.(Request|fetch)|typeof process/.test(line))).toBe(true);
    });
  }

  it('fails loudly when openapi-fetch no longer has what it rewrites', () => {
    expect(() => cloudSafeOpenapiFetchSource('export default function createClient() {}')).toThrow(/openapi-fetch changed/);
  });
});
