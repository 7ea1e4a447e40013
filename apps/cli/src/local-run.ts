import { exitCodeFor, exitCodes } from './exit-codes.js';
import { Output, type OutputStreams } from './output.js';
import type { GlobalFlags } from './session.js';

export type LocalRun = (action: (context: { out: Output }) => Promise<void>) => Promise<void>;

/** Runs a command that works on local files only: no credentials, no data center, no simulator. */
export function localRunner(globalFlags: () => GlobalFlags, streams: OutputStreams, setExitCode: (code: number) => void, env: NodeJS.ProcessEnv): LocalRun {
  return async (action) => {
    const flags = globalFlags();
    const out = new Output(streams, Boolean(flags.json), Boolean(flags.verbose), env);
    try {
      await action({ out });
      setExitCode(exitCodes.ok);
    } catch (error) {
      out.error(error);
      setExitCode(exitCodeFor(error));
    }
  };
}
