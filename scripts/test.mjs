// `npm test`: install from the lockfile, build, run every package's tests through turbo, then print one line
// `N passed, N failed` summed over the packages' vitest JSON reports.
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { install, root, turbo } from './lib/toolchain.mjs';

const workspaceDirs = ['packages', 'apps', 'tools']
  .map((group) => join(root, group))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).map((name) => join(dir, name)))
  .filter((dir) => existsSync(join(dir, 'package.json')));

// Each package writes test-results.json; a package that runs its tests twice (core on two Node versions) adds
// test-results.<name>.json.
const reportsOf = (dir) => readdirSync(dir).filter((name) => /^test-results(\.[\w-]+)?\.json$/.test(name)).map((name) => join(dir, name));
for (const dir of workspaceDirs) for (const report of reportsOf(dir)) rmSync(report, { force: true });

install();
// Three packages at a time: on a two-core machine more only makes every test slower (they all talk HTTP to
// simulators and start processes), and time-outs then measure the machine, not the code.
const status = turbo(['run', 'test', '--continue', '--concurrency=3', '--output-logs=new-only', ...process.argv.slice(2)]);

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
function addReport(report) {
  passed += report.numPassedTests ?? 0;
  // A file that fails to load has no failed test of its own; count it once so it cannot pass unseen.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  failed += (report.numFailedTests ?? 0) + brokenFiles;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
for (const dir of workspaceDirs) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (!manifest.scripts?.test) continue;
  const reports = reportsOf(dir);
  if (reports.length === 0) missing.push(manifest.name);
  for (const file of reports) addReport(JSON.parse(readFileSync(file, 'utf8')));
}
if (missing.length > 0) {
  console.error(`No test report from: ${missing.join(', ')} (its build or test run did not finish).`);
  failed += missing.length;
}
const exitCode = status !== 0 || failed > 0 ? 1 : 0;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(exitCode);
