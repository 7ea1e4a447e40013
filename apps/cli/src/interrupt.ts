import type { Output } from './output.js';

/** What a command leaves behind if it is stopped now, and how to tidy it up. */
export interface Interruption {
  /** Aborted on Ctrl-C (SIGINT) or SIGTERM: hand it to waits and requests. */
  readonly signal: AbortSignal;
  /** Says, if the command is stopped from now on, what it leaves (for example a created report) and how to remove it. */
  leaveBehind(note: string): void;
  /** Forgets a note: the thing was removed or the command finished with it. */
  forget(note: string): void;
  /**
   * Tidies up if the command is stopped from now on (for example deletes the one-time report it created); resolves
   * with what it did, said after "Interrupted.". Replaces an earlier one. It gets a few seconds, then the note of
   * `leaveBehind` is all that is said.
   */
  onStop(tidy: (() => Promise<string>) | null): void;
}

/** How long a tidy-up after Ctrl-C may take before the command ends anyway. */
export const tidyTimeoutMs = 10_000;

/** Exit code after Ctrl-C, as shells report a process ended by SIGINT (128 + 2). */
export const interruptedExitCode = 130;

/**
 * Runs `work` so that Ctrl-C (or SIGTERM) ends it at once with exit code 130 and says what was left behind,
 * instead of dying silently with a report on the data center. A second signal ends the process immediately.
 */
export async function interruptible<T>(out: Output, work: (interruption: Interruption) => Promise<T>): Promise<{ interrupted: false; value: T } | { interrupted: true }> {
  const controller = new AbortController();
  const notes = new Set<string>();
  let tidy: (() => Promise<string>) | null = null;
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(interruptedExitCode);
    controller.abort(new Error('Interrupted.'));
    stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const outcome = await Promise.race([
      work({ signal: controller.signal, leaveBehind: (note) => notes.add(note), forget: (note) => notes.delete(note), onStop: (next) => (tidy = next) }).then((value) => ({
        interrupted: false as const,
        value,
      })),
      stopped.then(() => ({ interrupted: true as const })),
    ]);
    if (outcome.interrupted) {
      out.note('Interrupted.');
      const tidied = tidy ? await tidyWithin(tidy, tidyTimeoutMs) : null;
      if (tidied) out.note(tidied);
      else for (const note of notes) out.note(note);
    }
    return outcome;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** The tidy-up's own words, or null when it failed or took too long (the left-behind notes are said instead). */
async function tidyWithin(tidy: () => Promise<string>, ms: number): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([tidy().catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}
