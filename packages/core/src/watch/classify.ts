// What a report's answer and its stored list say about it: settled for good, asleep until a known time, or
// watched. Pure functions of the answers and the time; the poll does the requests.
import { createdAtMs } from '../operations/stored.js';
import type { Report, StoredReport } from '../types.js';
import { keyOf, type OpenEntry } from './state.js';
import { dateMs, giveUpAfterMs, monthStart, nextMonthStart, settledAgeMs } from './time.js';

/** Stored ids remembered per watched report: a generation has one item per format (five at most). */
const seenLimit = 50;

export interface Judging {
  now: number;
  /** The watch's formats; empty: every format. */
  formats: readonly string[];
  status: 'saved' | 'failed';
}

export type Verdict = { kind: 'done' } | { kind: 'sleep'; entry: OpenEntry } | { kind: 'stored'; due: number; from?: number };

const isMonthly = (report: Report) => report.schedule?.type === 'monthly';

/** When a monthly report next generates: its generation date when that is ahead, and never after the 1st. */
function nextRun(report: Report, now: number): number {
  const date = dateMs(report.generation_date);
  const firstOfNext = nextMonthStart(now);
  return date !== null && date > now ? Math.min(date, firstOfNext) : firstOfNext;
}

const sleepUntil = (wake: number, now: number): Verdict => ({ kind: 'sleep', entry: { c: now, w: wake } });

/** The formats whose files matter: the report's, narrowed to the watch's. Null: the report names none. */
function formatsOf(report: Report, judging: Judging): string[] | null {
  const own = report.parameters?.formats;
  if (!own || own.length === 0) return null;
  return judging.formats.length === 0 ? [...own] : own.filter((format) => judging.formats.includes(format));
}

/**
 * What the report alone says. `woke`: the time an asleep entry was due (its generation's start). `old`: a baseline
 * report that may be settled from its age alone.
 */
export function judgeReport(report: Report, judging: Judging, options: { woke?: number; baseline?: boolean; recent?: boolean } = {}): Verdict {
  const { now } = judging;
  // `send` e-mails the files and stores nothing; a report with none of the watched formats has no files to announce
  if (report.result_action === 'send' || formatsOf(report, judging)?.length === 0) return { kind: 'done' };
  const date = dateMs(report.generation_date);
  if (isMonthly(report)) {
    if (options.woke !== undefined) {
      // a paused schedule generates nothing this month; someone may enable it later
      return report.schedule?.enabled === false ? sleepUntil(nextRun(report, now), now) : { kind: 'stored', due: options.woke, from: options.woke };
    }
    const start = monthStart(now);
    if (now < start + giveUpAfterMs && !(date !== null && date > now)) return { kind: 'stored', due: start, from: start };
    return sleepUntil(nextRun(report, now), now);
  }
  if (date !== null && date > now) return sleepUntil(date, now);
  if (options.baseline && !options.recent && date !== null && date < now - settledAgeMs) return { kind: 'done' };
  return { kind: 'stored', due: options.woke ?? now };
}

export interface StoredJudgement {
  verdict: { kind: 'done' } | { kind: 'sleep' | 'watch'; entry: OpenEntry };
  /** Items with the event's status not seen before, oldest first. */
  fresh: StoredReport[];
}

/**
 * What the stored list adds: the items of the generation watched (created at or after `from`), which of them are
 * new events, and whether every format the report makes has a final item (saved or failed) with none in progress.
 */
export function judgeStored(report: Report, items: readonly StoredReport[], judging: Judging, watched: { due: number; from?: number; seen?: string[] }): StoredJudgement {
  const { now } = judging;
  const generation = watched.from === undefined ? items : items.filter((item) => createdAtMs(item) >= watched.from!);
  const seen = new Set(watched.seen ?? []);
  const fresh = generation
    .filter((item) => item.status === judging.status && (judging.formats.length === 0 || judging.formats.includes(item.report_format)) && !seen.has(keyOf(item.id)))
    .sort((a, b) => createdAtMs(a) - createdAtMs(b));
  const formats = formatsOf(report, judging) ?? [...new Set(generation.map((item) => item.report_format))];
  const settled =
    formats.length > 0 &&
    formats.every((format) => {
      const ofFormat = generation.filter((item) => item.report_format === format);
      return ofFormat.length > 0 && ofFormat.every((item) => item.status !== 'in_progress');
    });
  const givenUp = now >= watched.due + giveUpAfterMs;
  if (settled || givenUp) {
    return { verdict: isMonthly(report) ? { kind: 'sleep', entry: { c: now, w: nextRun(report, Math.max(now, watched.due)) } } : { kind: 'done' }, fresh };
  }
  const keys = [...seen, ...fresh.map((item) => keyOf(item.id))].slice(-seenLimit);
  const entry: OpenEntry = { c: now, d: watched.due, r: report, ...(watched.from !== undefined ? { f: watched.from } : {}), ...(keys.length > 0 ? { s: keys } : {}) };
  return { verdict: { kind: 'watch', entry }, fresh };
}
