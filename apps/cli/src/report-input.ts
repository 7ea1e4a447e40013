import { readFileSync } from 'node:fs';
import { monthPeriod, type ReportCreateRequest, type ReportUpdateRequest } from '@acronis-reports/core';
import { UsageError } from './exit-codes.js';
import { list } from './flags.js';

export interface ReportFlags {
  file?: string;
  tenantId?: string;
  kind?: string;
  level?: string;
  formats?: string;
  month?: string;
  periodStart?: string;
  periodEnd?: string;
  schedule?: string;
  resultAction?: string;
  recipients?: string;
  hideZeroUsage?: boolean;
  showSkus?: boolean;
  generationDate?: string;
  enabled?: string;
}

function readJsonFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`${path} is not a JSON object: ${(error as Error).message}`);
  }
}

/** --month and --period-start/--period-end name the same thing: one of them, not both. */
export function refuseMonthWithPeriod(flags: Pick<ReportFlags, 'month' | 'periodStart' | 'periodEnd'>): void {
  if (flags.month && (flags.periodStart || flags.periodEnd)) throw new UsageError('Give either --month or --period-start/--period-end, not both.');
}

export function periodFrom(flags: Pick<ReportFlags, 'month' | 'periodStart' | 'periodEnd'>): { start: string; end: string } | undefined {
  refuseMonthWithPeriod(flags);
  if (flags.month) return monthPeriod(flags.month);
  if (!flags.periodStart && !flags.periodEnd) return undefined;
  if (!flags.periodStart || !flags.periodEnd) throw new UsageError('Give both --period-start and --period-end (YYYY-MM-DD).');
  return { start: flags.periodStart, end: flags.periodEnd };
}

/** The create body: a JSON file (flags given too override it) or the flags alone. Core validates it before sending. */
export async function createBodyFrom(flags: ReportFlags, defaultTenantId: () => Promise<string>): Promise<ReportCreateRequest> {
  const base = flags.file ? readJsonFile(flags.file) : {};
  const parameters = { ...((base['parameters'] as Record<string, unknown> | undefined) ?? {}) };
  const set = (target: Record<string, unknown>, key: string, value: unknown) => {
    if (value !== undefined) target[key] = value;
  };
  set(parameters, 'tenant_id', flags.tenantId);
  set(parameters, 'kind', flags.kind);
  set(parameters, 'level', flags.level);
  set(parameters, 'formats', list(flags.formats));
  set(parameters, 'period', periodFrom(flags));
  set(parameters, 'hide_zero_usage', flags.hideZeroUsage);
  set(parameters, 'show_skus', flags.showSkus);
  if (!flags.file) {
    parameters['kind'] ??= 'usage_summary';
    parameters['level'] ??= 'direct_partners';
  }
  parameters['tenant_id'] ??= await defaultTenantId();
  const body: Record<string, unknown> = { ...base, parameters };
  const schedule = { ...((base['schedule'] as Record<string, unknown> | undefined) ?? {}) };
  set(schedule, 'type', flags.schedule ?? (flags.file ? undefined : 'once'));
  body['schedule'] = schedule;
  set(body, 'result_action', flags.resultAction ?? (flags.file ? undefined : 'save'));
  set(body, 'recipients', list(flags.recipients));
  set(body, 'generation_date', flags.generationDate);
  return body as unknown as ReportCreateRequest;
}

export function updateBodyFrom(flags: ReportFlags): ReportUpdateRequest {
  const body: Record<string, unknown> = flags.file ? readJsonFile(flags.file) : {};
  const parameters = { ...((body['parameters'] as Record<string, unknown> | undefined) ?? {}) };
  if (flags.kind) parameters['kind'] = flags.kind;
  if (flags.level) parameters['level'] = flags.level;
  if (flags.hideZeroUsage !== undefined) parameters['hide_zero_usage'] = flags.hideZeroUsage;
  if (flags.showSkus !== undefined) parameters['show_skus'] = flags.showSkus;
  if (Object.keys(parameters).length > 0) body['parameters'] = parameters;
  if (flags.recipients !== undefined) body['recipients'] = list(flags.recipients) ?? [];
  if (flags.enabled !== undefined) {
    if (!['true', 'false'].includes(flags.enabled)) throw new UsageError(`--enabled must be true or false, got ${JSON.stringify(flags.enabled)}.`);
    body['schedule'] = { enabled: flags.enabled === 'true' };
  }
  return body as ReportUpdateRequest;
}
