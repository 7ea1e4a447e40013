// What the server is started with: flags first, then ACRONIS_MCP_* variables. Credentials are read in connection.ts.

export interface ServerSettings {
  /** Serve the embedded simulator's made-up data instead of a data center. */
  simulator: boolean;
  /** Tools that change reports at the data center run only when this is on. */
  allowWrites: boolean;
  /** A billing mapping file (JSON) used when a call names none. */
  mappingFile?: string;
}

export type Invocation = { kind: 'serve'; settings: ServerSettings } | { kind: 'help' } | { kind: 'version' } | { kind: 'usage-error'; message: string };

export const usage = `Usage: acronis-reports-mcp [--simulator] [--allow-writes] [--mapping <file>]

An MCP server over stdio for Acronis Cyber Platform reports and billing lines. Add it to an assistant's
configuration as a command; it speaks MCP on stdin/stdout and logs on stderr.

  --simulator       serve the embedded simulator (made-up data, no credentials, nothing leaves this machine)
  --allow-writes    let the tools create, update and delete reports (also ACRONIS_MCP_ALLOW_WRITES=1)
  --mapping <file>  the billing mapping used when a call names none (also ACRONIS_MCP_MAPPING_FILE)
  --version, --help

Credentials: ACRONIS_BASE_URL, ACRONIS_CLIENT_ID and ACRONIS_CLIENT_SECRET (or ACRONIS_CLIENT_SECRET_FILE).
Proxy: HTTPS_PROXY / HTTP_PROXY, and NO_PROXY for hosts that bypass it.`;

const truthy = (value: string | undefined): boolean => /^(1|true|yes|on)$/i.test(value?.trim() ?? '');

export function parseInvocation(args: readonly string[], env: NodeJS.ProcessEnv): Invocation {
  const settings: ServerSettings = { simulator: false, allowWrites: truthy(env['ACRONIS_MCP_ALLOW_WRITES']) };
  const mappingFromEnv = env['ACRONIS_MCP_MAPPING_FILE']?.trim();
  if (mappingFromEnv) settings.mappingFile = mappingFromEnv;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--version' || arg === '-V') return { kind: 'version' };
    if (arg === '--simulator') settings.simulator = true;
    else if (arg === '--allow-writes') settings.allowWrites = true;
    else if (arg === '--mapping') {
      const file = args[++index];
      if (!file || file.startsWith('--')) return { kind: 'usage-error', message: '--mapping needs a file.' };
      settings.mappingFile = file;
    } else return { kind: 'usage-error', message: `Unknown argument ${arg}.` };
  }
  return { kind: 'serve', settings };
}
