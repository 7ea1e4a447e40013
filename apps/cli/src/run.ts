import type { ReportsClient } from '@acronis-reports/core';
import { exitCodeFor, exitCodes } from './exit-codes.js';
import { Output, type OutputStreams } from './output.js';
import { openSession, type GlobalFlags } from './session.js';

export interface CommandContext {
  client: ReportsClient;
  out: Output;
}

export type Run = (action: (context: CommandContext) => Promise<void>) => Promise<void>;

/** Runs a command's action in a session: errors become one line, a hint and a meaningful exit code. */
export function runner(globalFlags: () => GlobalFlags, streams: OutputStreams, setExitCode: (code: number) => void, env: NodeJS.ProcessEnv): Run {
  return async (action) => {
    const flags = globalFlags();
    const out = new Output(streams, Boolean(flags.json), Boolean(flags.verbose), env);
    let session;
    try {
      session = await openSession(flags, out, env);
      await action({ client: session.client, out });
      setExitCode(exitCodes.ok);
    } catch (error) {
      out.error(error);
      setExitCode(exitCodeFor(error));
    } finally {
      await session?.close();
    }
  };
}
