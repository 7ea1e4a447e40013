import type { ReportsClient } from '@acronis-reports/core';
import { exitCodeFor, exitCodes } from './exit-codes.js';
import { interruptible, interruptedExitCode, type Interruption } from './interrupt.js';
import { Output, type OutputStreams } from './output.js';
import { openSession, type GlobalFlags } from './session.js';

export interface CommandContext {
  client: ReportsClient;
  out: Output;
  /** Ctrl-C: the signal to hand on, and where to say what a stopped command leaves behind. */
  interruption: Interruption;
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
      const client = session.client;
      const outcome = await interruptible(out, (interruption) => action({ client, out, interruption }));
      setExitCode(outcome.interrupted ? interruptedExitCode : exitCodes.ok);
    } catch (error) {
      out.error(error);
      setExitCode(exitCodeFor(error));
    } finally {
      await session?.close();
    }
  };
}
