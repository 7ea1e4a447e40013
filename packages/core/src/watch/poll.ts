import { NotFoundError } from '../errors.js';
import type { ClientContext } from '../operations/context.js';
import { getReport } from '../operations/get-report.js';
import { createdAtMs, listStoredReports } from '../operations/stored.js';
import { getOwnTenantId, listTenantReportIds } from '../operations/tenants.js';
import type { Report } from '../types.js';
import { runWithin } from './budget.js';
import { judgeReport, judgeStored, type Judging } from './classify.js';
import { checkWatchOptions, type CheckedWatch, type WatchOptions } from './options.js';
import type { WatchedFile, WatchResult } from './result.js';
import { emptyState, keyOf, pack, readState, scopeOf, unpack, type OpenEntry, type WatchState } from './state.js';

/** Requests in flight at once within a poll. */
export const watchConcurrency = 4;
/** Baseline reports at the end of the list (the newest) that get their stored list read whatever their age. */
const recentAtBaseline = 10;

type Kind = 'due' | 'new' | 'baseline';
interface Task {
  key: string;
  kind: Kind;
  cost: number;
  recent?: boolean;
}

/**
 * The tenant or report the watch is about, and the requests that cost: the own tenant is looked up once per client
 * (hosts that keep it pass it to the client as `ownTenantId`).
 */
async function tenantOf(ctx: ClientContext, watch: CheckedWatch): Promise<{ tenantId?: string; requests: number }> {
  if (watch.reportId) return { requests: 0 };
  if (watch.tenantId) return { tenantId: watch.tenantId, requests: 0 };
  const lookedUp = ctx.ownTenantId ? 0 : 1;
  return { tenantId: await getOwnTenantId(ctx, watch.signal ? { signal: watch.signal } : {}), requests: lookedUp };
}

/** One poll of a trigger: see the README's "Watching for new files" for the rules. */
export async function pollWatch(ctx: ClientContext, options: WatchOptions): Promise<WatchResult> {
  const watch = checkWatchOptions(options);
  const call = watch.signal ? { signal: watch.signal } : {};
  const target = await tenantOf(ctx, watch);
  let requests = target.requests;
  const now = ctx.runtime.now();
  const scope = scopeOf(watch, target.tenantId);
  const previous = readState(options.state, scope);
  const state: WatchState = previous ?? emptyState(scope, now);
  const ids = watch.reportId ? [watch.reportId] : (requests++, await listTenantReportIds(ctx, target.tenantId, call));
  const idOf = new Map(ids.map((id) => [keyOf(id), id] as const));

  // what left the list leaves the state; what is not in it yet is new (or, at the baseline, to be classified)
  const done = new Set(unpack(state.done).filter((key) => idOf.has(key)));
  let todo = unpack(state.todo).filter((key) => idOf.has(key));
  for (const key of Object.keys(state.open)) if (!idOf.has(key)) delete state.open[key];
  const known = new Set([...done, ...todo, ...Object.keys(state.open)]);
  const unknown = [...idOf.keys()].filter((key) => !known.has(key));
  if (!previous && watch.event === 'newReport') unknown.forEach((key) => done.add(key));
  else if (!previous) todo = unknown;
  else for (const key of unknown) state.open[key] = { n: 1, c: 0 };

  const files: WatchedFile[] = [];
  const reports: Report[] = [];
  const errors: unknown[] = [];
  let succeeded = 0;
  const judging: Judging = { now, formats: watch.formats, status: watch.event === 'failed' ? 'failed' : 'saved' };
  const recent = new Set(ids.slice(-recentAtBaseline).map(keyOf));
  const tasks = planTasks(state, todo, watch, now, recent);
  const classified = new Set<string>();

  const { spent } = await runWithin(tasks, watch.budget - requests, watchConcurrency, async (task, spend) => {
    const id = idOf.get(task.key)!;
    const entry = state.open[task.key];
    try {
      if (watch.event === 'newReport') {
        spend();
        reports.push(await getReport(ctx, id, call));
        delete state.open[task.key];
        done.add(task.key);
      } else {
        const outcome = await checkReport(ctx, id, task, entry, judging, spend, call);
        if (outcome.files.length > 0) files.push(...outcome.files);
        delete state.open[task.key];
        if (outcome.entry === 'done') done.add(task.key);
        else state.open[task.key] = outcome.entry;
      }
      classified.add(task.key);
      succeeded += 1;
    } catch (error) {
      if (error instanceof NotFoundError) {
        // deleted since the list was read: it leaves the state, as it will leave the list
        delete state.open[task.key];
        classified.add(task.key);
      } else errors.push(error);
    }
  });
  if (errors.length > 0 && succeeded === 0) throw errors[0];
  requests += spent;

  todo = todo.filter((key) => !classified.has(key));
  const order = new Map(ids.map((id, index) => [keyOf(id), index] as const));
  reports.sort((a, b) => (order.get(keyOf(a.id)) ?? 0) - (order.get(keyOf(b.id)) ?? 0));
  files.sort((a, b) => createdAtMs(a.item) - createdAtMs(b.item));
  const next: WatchState = { v: 1, scope, base: state.base, done: pack(done), todo: pack(todo), open: state.open };
  const pending = todo.length + Object.values(state.open).filter((entry) => entry.n).length;
  return { files, reports, state: next, requests, pending, baseline: !previous };
}

/**
 * The order of a poll's work: reports being watched whose time has come, least recently checked first; then
 * reports new since the last poll, in the list's order; then the baseline's, newest first.
 */
function planTasks(state: WatchState, todo: readonly string[], watch: CheckedWatch, now: number, recent: ReadonlySet<string>): Task[] {
  const open = Object.entries(state.open);
  if (watch.event === 'newReport') return open.filter(([, entry]) => entry.n).map(([key]) => ({ key, kind: 'new', cost: 1 }));
  const due = open
    .filter(([, entry]) => !entry.n && (entry.w === undefined || entry.w <= now))
    .sort(([, a], [, b]) => a.c - b.c)
    .map(([key, entry]): Task => ({ key, kind: 'due', cost: entry.r && entry.w === undefined ? 1 : 2 }));
  const fresh = open.filter(([, entry]) => entry.n).map(([key]): Task => ({ key, kind: 'new', cost: 2 }));
  const newestFirst = [...todo].reverse();
  const baseline = newestFirst.map((key): Task => ({ key, kind: 'baseline', cost: 2, recent: recent.has(key) || Boolean(watch.reportId) }));
  return [...due, ...fresh, ...baseline];
}

interface Outcome {
  entry: OpenEntry | 'done';
  files: WatchedFile[];
}

/**
 * One report looked at: its answer when it is not kept (new, baseline, or woken from sleep), then its stored list
 * when it can still change. A baseline report's files count as seen; anyone else's new files are events.
 */
async function checkReport(ctx: ClientContext, id: string, task: Task, entry: OpenEntry | undefined, judging: Judging, spend: () => void, call: { signal?: AbortSignal }): Promise<Outcome> {
  let report = entry?.r;
  let watched: { due: number; from?: number; seen?: string[] };
  if (report && entry && entry.w === undefined && entry.d !== undefined) {
    watched = { due: entry.d, ...(entry.f !== undefined ? { from: entry.f } : {}), ...(entry.s ? { seen: entry.s } : {}) };
  } else {
    spend();
    report = await getReport(ctx, id, call);
    const verdict = judgeReport(report, judging, { ...(entry?.w !== undefined ? { woke: entry.w } : {}), baseline: task.kind === 'baseline', recent: Boolean(task.recent) });
    if (verdict.kind === 'done') return { entry: 'done', files: [] };
    if (verdict.kind === 'sleep') return { entry: verdict.entry, files: [] };
    watched = { due: verdict.due, ...(verdict.from !== undefined ? { from: verdict.from } : {}) };
  }
  spend();
  const items = await listStoredReports(ctx, id, call);
  const judged = judgeStored(report, items, judging, watched);
  const files = task.kind === 'baseline' ? [] : judged.fresh.map((item) => ({ report: report!, item }));
  return { entry: judged.verdict.kind === 'done' ? 'done' : judged.verdict.entry, files };
}
