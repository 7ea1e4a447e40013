import { setTimeout as wait } from 'node:timers/promises';
import type { Runtime } from '../runtime.js';

export const nodeRuntime: Runtime = {
  sleep: (ms, signal) => wait(ms, undefined, signal ? { signal } : {}),
  now: () => Date.now(),
  random: () => Math.random(),
  startTimer(ms, onExpire) {
    const timer = setTimeout(onExpire, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
