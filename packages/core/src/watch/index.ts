export { pollWatch } from './poll.js';
export { sampleWatch } from './sample.js';
export { budgetRange, defaultBudget, watchEvents, type SampleOptions, type WatchEvent, type WatchOptions } from './options.js';
export type { WatchedFile, WatchResult, WatchSample } from './result.js';
export type { OpenEntry, WatchState } from './state.js';
export { giveUpAfterMs, settledAgeMs } from './time.js';
