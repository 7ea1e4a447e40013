// Runs a child process in the foreground of this one: whatever stops this process stops the child too.
//
// `pnpm simulator &` then `kill $!` signals only pnpm. pnpm and npm pass SIGINT and SIGTERM on to the script they
// started (the package.json scripts `exec` so that this is the script itself, not a shell in between); here they
// go on to the child. If this process's parent vanishes without a word (killed with SIGKILL, or a shell in between
// that dies of SIGTERM without passing it on), this process is re-parented; it notices and stops the child. With
// `ipc: true` the child also gets an IPC channel, which closes however this process ends, even by SIGKILL: a child
// that stops on 'disconnect' (the simulator's command does) can never outlive it.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const PARENT_CHECK_MS = 250;
// Taken when the script starts, so that a parent lost during the build before the child (spawnSync blocks) counts.
const parentAtStart = process.ppid;

/** Resolves with the child's exit code (128 + the signal number when a signal ended it). */
export function runInForeground(command, args, { ipc = false, ...options } = {}) {
  const child = spawn(command, args, { stdio: ipc ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit', ...options });
  const forward = (signal) => child.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  const orphanCheck = setInterval(() => {
    if (process.ppid === parentAtStart) return;
    clearInterval(orphanCheck);
    child.kill('SIGTERM');
  }, PARENT_CHECK_MS);
  return new Promise((resolve, reject) => {
    const done = () => {
      clearInterval(orphanCheck);
      for (const signal of FORWARDED) process.off(signal, forward);
    };
    child.once('error', (error) => {
      done();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      done();
      resolve(code ?? 128 + (constants.signals[signal] ?? 0));
    });
  });
}
