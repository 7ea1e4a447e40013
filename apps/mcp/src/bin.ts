#!/usr/bin/env node
// stdout is the protocol: everything for people goes to stderr.
import { readFileSync } from 'node:fs';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { lazyConnection } from './connection.js';
import { createServer } from './server.js';
import { parseInvocation, usage } from './settings.js';

const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
const invocation = parseInvocation(process.argv.slice(2), process.env);
const log = (line: string) => process.stderr.write(`${line}\n`);

if (invocation.kind === 'help') process.stdout.write(`${usage}\n`);
else if (invocation.kind === 'version') process.stdout.write(`${version}\n`);
else if (invocation.kind === 'usage-error') {
  log(`${invocation.message}\n\n${usage}`);
  process.exitCode = 2;
} else {
  const connection = lazyConnection(invocation.settings, process.env, log);
  const server = createServer({ name: 'acronis-reports', version }, invocation.settings, connection);
  const transport = new StdioServerTransport();
  // The client closing stdin ends the session; the embedded simulator goes with it.
  const stop = () => void server.close().finally(() => connection.close());
  process.stdin.on('end', stop);
  transport.onclose = () => void connection.close();
  await server.connect(transport);
  log(`${name} ${version} on stdio; writes ${invocation.settings.allowWrites ? 'allowed' : 'off'}${invocation.settings.simulator ? '; embedded simulator' : ''}.`);
}
