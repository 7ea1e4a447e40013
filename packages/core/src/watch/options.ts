import type { ValidationIssue } from '../errors.js';
import type { CallOptions } from '../operations/context.js';
import { checks, isPlainObject, optionIssues, own, refuse, shown, type Check } from '../options.js';
import type { ReportFormat } from '../types.js';
import { validateId } from '../validation.js';

/** What a trigger watches for: files that were saved, files that failed, or reports that were created. */
export type WatchEvent = 'saved' | 'failed' | 'newReport';

export const watchEvents: readonly WatchEvent[] = ['saved', 'failed', 'newReport'];

export interface WatchOptions extends CallOptions {
  event: WatchEvent;
  /** The tenant whose reports are watched; default: the API client's own tenant. */
  tenantId?: string;
  /** Watch this one report only (no list request). Not with `newReport`. */
  reportId?: string;
  /** Only files of these formats; empty or absent: every format. */
  formats?: ReportFormat[];
  /** The most requests one poll makes, the list request included (default 30, 3 to 200). */
  budget?: number;
  /** What the previous poll returned as `state`; anything else starts a new baseline. */
  state?: unknown;
}

export interface SampleOptions extends Omit<WatchOptions, 'state'> {
  /** How many items at most (default 3, 1 to 10). */
  limit?: number;
}

export const defaultBudget = 30;
export const budgetRange = { min: 3, max: 200 } as const;

/** The options checked and normalised: ids lowercase, formats sorted, defaults filled in. */
export interface CheckedWatch {
  event: WatchEvent;
  tenantId?: string;
  reportId?: string;
  formats: ReportFormat[];
  budget: number;
  signal?: AbortSignal;
  limit: number;
}

const wholeIn = (min: number, max: number): Check => (value) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? null : `must be a whole number from ${min} to ${max}, got ${shown(value)}`;

const spec: Record<string, Check> = {
  signal: checks.signal,
  event: (value) => (watchEvents.includes(value as WatchEvent) ? null : `must be one of ${watchEvents.join(', ')}, got ${shown(value)}`),
  tenantId: checks.string,
  reportId: checks.string,
  formats: (value) => (Array.isArray(value) && value.length === 0 ? null : checks.formats(value)),
  budget: wholeIn(budgetRange.min, budgetRange.max),
  state: () => null,
};

/** Checks a watch's options before anything is sent; a ValidationError names each field at fault and the fix. */
export function checkWatchOptions(options: unknown, sample = false): CheckedWatch {
  const known = sample ? { ...spec, limit: wholeIn(1, 10) } : spec;
  if (!isPlainObject(options)) refuse([{ field: 'options', message: `must be an object with at least an event, got ${shown(options)}` }]);
  const given = options as Record<string, unknown>;
  const issues: ValidationIssue[] = optionIssues(given, 'options', known);
  if (own(given, 'event') === undefined) issues.push({ field: 'options.event', message: `is required: one of ${watchEvents.join(', ')}` });
  const tenant = text(own(given, 'tenantId'));
  const report = text(own(given, 'reportId'));
  if (tenant && report) issues.push({ field: 'options.reportId', message: 'and options.tenantId are both given: watch one report or the reports of a tenant, not both' });
  if (report && own(given, 'event') === 'newReport') issues.push({ field: 'options.reportId', message: 'does not go with the newReport event, which watches a tenant: leave it out' });
  refuse(issues);
  const checked: CheckedWatch = {
    event: given['event'] as WatchEvent,
    formats: [...((own(given, 'formats') as ReportFormat[] | undefined) ?? [])].sort(),
    budget: (own(given, 'budget') as number | undefined) ?? defaultBudget,
    limit: (own(given, 'limit') as number | undefined) ?? 3,
  };
  if (tenant) checked.tenantId = validateId(tenant, 'options.tenantId');
  if (report) checked.reportId = validateId(report, 'options.reportId');
  const signal = own(given, 'signal') as AbortSignal | undefined;
  if (signal) checked.signal = signal;
  return checked;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
