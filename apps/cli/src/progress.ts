import type { WaitProgress } from '@acronis-reports/core';
import type { Output } from './output.js';

const clock = (ms: number) => {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

const describe = (statuses: Record<string, string>) =>
  Object.entries(statuses)
    .map(([format, status]) => `${format} ${status.replace('_', ' ')}`)
    .join(', ');

/**
 * Shows a wait: on a terminal a live line with the elapsed time and each format's status; elsewhere (a pipe, CI)
 * plain timestamped lines, one when something changes and one a minute otherwise. The spinner's library is loaded
 * only for a terminal.
 */
export async function waitDisplay(out: Output, title: string) {
  const spinner = out.interactive ? (await import('ora')).default({ text: title, stream: out.streams.stderr as NodeJS.WriteStream }).start() : null;
  let lastLine = '';
  let lastLineAt = -Infinity;
  return {
    update(progress: WaitProgress) {
      const line = `${title} ${clock(progress.elapsedMs)}: ${describe(progress.statuses)}`;
      if (spinner) {
        spinner.text = progress.nextPollInMs ? `${line} (next check in ${Math.ceil(progress.nextPollInMs / 1000)} s)` : line;
        return;
      }
      const changed = line.replace(/ \d+:\d+:/, '') !== lastLine.replace(/ \d+:\d+:/, '');
      if (changed || progress.elapsedMs - lastLineAt >= 60_000) {
        out.note(`[${new Date().toISOString()}] ${line}`);
        lastLine = line;
        lastLineAt = progress.elapsedMs;
      }
    },
    done(message: string) {
      if (spinner) spinner.succeed(message);
      else out.note(`[${new Date().toISOString()}] ${message}`);
    },
    fail() {
      spinner?.fail();
    },
  };
}
