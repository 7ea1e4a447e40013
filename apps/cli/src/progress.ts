import type { ListProgress, WaitProgress } from '@acronis-reports/core';
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

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Shows a long listing on a terminal as one live line, "Fetched 1,200 of 5,000 reports"; nothing elsewhere (a pipe,
 * CI, --json), where a script wants only the data. `onProgress` is undefined when nothing is shown.
 */
export async function listDisplay(out: Output) {
  if (!out.interactive || out.json) return { onProgress: undefined, done() {}, fail() {} };
  const spinner = (await import('ora')).default({ text: 'Listing reports', stream: out.streams.stderr as NodeJS.WriteStream }).start();
  let total = 0;
  return {
    onProgress(progress: ListProgress) {
      total = progress.total;
      spinner.text = `Fetched ${count(progress.done)} of ${count(progress.total)} reports`;
    },
    done() {
      spinner.succeed(`Fetched ${count(total)} reports.`);
    },
    fail() {
      spinner.stop();
    },
  };
}
