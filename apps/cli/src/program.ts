import { createRequire } from 'node:module';
import { Command, CommanderError, Option } from 'commander';
import { registerBillingCommand } from './commands/billing.js';
import { registerLinesCommand } from './commands/lines.js';
import { registerListCommand } from './commands/list.js';
import { registerReportCommands } from './commands/reports.js';
import { registerStoredCommands } from './commands/stored.js';
import { exitCodeHelp, exitCodes } from './exit-codes.js';
import { positiveNumber } from './flags.js';
import type { OutputStreams } from './output.js';
import { localRunner } from './local-run.js';
import { runner } from './run.js';
import type { GlobalFlags } from './session.js';

const environmentHelp = `Credentials (flags win over the environment):
  ACRONIS_BASE_URL             the data center URL, e.g. https://eu2-cloud.acronis.com
  ACRONIS_CLIENT_ID            the API client id
  ACRONIS_CLIENT_SECRET        the API client secret
  ACRONIS_CLIENT_SECRET_FILE   a file holding the secret (- for stdin), to keep it out of shell history
  HTTPS_PROXY, NO_PROXY        a proxy for the data center, and hosts that bypass it

Examples:
  acronis-reports billing --simulator                    try the monthly export on the embedded simulator
  acronis-reports billing --month 2026-10 --out reports  bill October into reports/2026-10/
  acronis-reports billing --mapping mapping.json --compare   billing lines, mapped, compared with the month before
  acronis-reports lines reports/2026-10/usage_summary-2026-10.csv --previous reports/2026-09/usage_summary-2026-09.csv
  acronis-reports create --kind usage_daily --month 2026-10 --formats csv_v2_0 --wait --download out
  acronis-reports list --json | jq '.[].id'
  acronis-reports --version                              print the version`;

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** The `acronis-reports` command. Returns the exit code instead of exiting, so tests can run it in-process too. */
export async function main(argv: string[], streams: OutputStreams, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Not commander's own version flag: that would take `delete <id> --version <n>` (the report's version) too.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    streams.stdout.write(`${version}\n`);
    return exitCodes.ok;
  }
  let exitCode: number = exitCodes.ok;
  const program = new Command('acronis-reports')
    .description('Acronis Cyber Platform usage and billing reports: the monthly billing export and every report operation.')
    .option('--base-url <url>', 'data center URL (or ACRONIS_BASE_URL)')
    .option('--client-id <id>', 'API client id (or ACRONIS_CLIENT_ID)')
    .addOption(new Option('--client-secret <secret>', 'API client secret (prefer --client-secret-file or ACRONIS_CLIENT_SECRET)').hideHelp())
    .option('--client-secret-file <path>', 'read the client secret from a file, - for stdin')
    .option('--simulator', 'use the embedded simulator instead of a data center (made-up data)')
    .option('--json', 'machine-readable output on stdout')
    .option('-v, --verbose', 'show every HTTP request on stderr (secrets redacted)')
    .option('--timeout <seconds>', 'time each request may take to answer (default 30)', positiveNumber)
    // each command's --help lists these flags too: they go before or after the command's name alike
    .configureHelp({ showGlobalOptions: true })
    .addHelpText('after', `\n${environmentHelp}\n\n${exitCodeHelp}`)
    .showHelpAfterError('(run acronis-reports --help for usage)')
    .configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
    })
    .exitOverride();

  const run = runner(() => program.opts<GlobalFlags>(), streams, (code) => (exitCode = code), env);
  registerBillingCommand(program, run);
  registerLinesCommand(program, localRunner(() => program.opts<GlobalFlags>(), streams, (code) => (exitCode = code), env));
  registerReportCommands(program, run);
  registerListCommand(program, run);
  registerStoredCommands(program, run);
  for (const command of program.commands) command.exitOverride().showHelpAfterError('(add --help for usage)');

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.badInput;
    }
    throw error;
  }
  return exitCode;
}
