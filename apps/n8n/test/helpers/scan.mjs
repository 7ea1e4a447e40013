// Runs @n8n/scan-community-package's offline analysis (analyzePackage) on a folder and prints the result as JSON.
// Run as its own process: eslint-plugin-n8n-nodes-base changes its file-name rules when NODE_ENV is `test`.
// (The workspace overrides the scanner's TypeScript to 5.9.3: its typescript-eslint parser cannot load TS 7.)
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const [folder, mode] = process.argv.slice(2);
const scanner = new URL('scanner/scanner.mjs', `file://${require.resolve('@n8n/scan-community-package/package.json')}`);
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(scanner.href);
const result = await analyzePackage(folder, mode === 'source' ? SOURCE_FILE_PATTERNS : undefined);
process.stdout.write(JSON.stringify({ passed: result.passed, message: result.message ?? '', details: result.details ?? '' }));
