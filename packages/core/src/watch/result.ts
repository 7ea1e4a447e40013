import type { Report, StoredReport } from '../types.js';
import type { WatchState } from './state.js';

/** A stored file with the event's status, and its report (known without another request). */
export interface WatchedFile {
  report: Report;
  item: StoredReport;
}

export interface WatchResult {
  /** New files with the event's status, oldest first (saved and failed events). */
  files: WatchedFile[];
  /** Reports new since the previous poll, in the list's order (newReport event). */
  reports: Report[];
  /** Plain JSON to hand to the next poll as `state`. */
  state: WatchState;
  /** Requests this poll made (retries of a transient fault not counted). */
  requests: number;
  /** Reports not looked at yet (the baseline's, or new ones beyond this poll's budget). */
  pending: number;
  /** True when there was no usable state: this poll took a baseline and announced nothing. */
  baseline: boolean;
}

/** Real items for a trigger's test or sample, newest first; nothing is remembered. */
export interface WatchSample {
  files: WatchedFile[];
  reports: Report[];
  requests: number;
}
