import { allowedFields, reportFormats, reportKinds, reportLevels, resultActions, scheduleTypes } from './generated/enums.js';
import { ValidationError, type ValidationIssue } from './errors.js';
import type { ReportCreateRequest, ReportUpdateRequest } from './types.js';
import { own, shown } from './options.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

type Issues = ValidationIssue[];
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A UUID in any case, returned lowercase; anything else is an issue. */
function uuid(value: unknown, field: string, issues: Issues): string | undefined {
  const normalized = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (normalized !== undefined && uuidPattern.test(normalized)) return normalized;
  issues.push({ field, message: `must be a UUID like ede9f834-70b3-476c-83d9-736f9f8c7dae, got ${describe(value)}` });
  return undefined;
}

const describe = shown;

function isRealDate(text: string): boolean {
  const match = datePattern.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function date(value: unknown, field: string, issues: Issues): string | undefined {
  if (typeof value === 'string' && isRealDate(value)) return value;
  issues.push({ field, message: `must be a date as YYYY-MM-DD, got ${describe(value)}` });
  return undefined;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, issues: Issues): T | undefined {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  issues.push({ field, message: `must be one of ${allowed.join(', ')}, got ${describe(value)}` });
  return undefined;
}

function boolean(value: unknown, field: string, issues: Issues): void {
  if (typeof value !== 'boolean') issues.push({ field, message: `must be true or false, got ${describe(value)}` });
}

function onlyKnownFields(value: Json, allowed: readonly string[], prefix: string, issues: Issues): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      issues.push({ field: `${prefix}${key}`, message: `is not a field the API knows; allowed here: ${allowed.join(', ')}` });
    }
  }
}

function object(value: unknown, field: string, issues: Issues): Json | undefined {
  if (isObject(value)) return value;
  issues.push({ field, message: `must be an object, got ${describe(value)}` });
  return undefined;
}

function recipients(value: unknown, field: string, issues: Issues): string[] | undefined {
  if (!Array.isArray(value)) {
    issues.push({ field, message: `must be a list of user UUIDs, got ${describe(value)}` });
    return undefined;
  }
  const ids = value.map((item, index) => uuid(item, `${field}[${index}]`, issues));
  if (new Set(ids).size !== ids.length) issues.push({ field, message: 'must not list a user twice' });
  return ids.filter((id): id is string => id !== undefined);
}

/** Checks a period: real dates, start on or before end, neither after `today` (UTC). */
export function checkPeriod(value: unknown, field: string, today: string, issues: Issues): { start: string; end: string } | undefined {
  const period = object(value, field, issues);
  if (!period) return undefined;
  onlyKnownFields(period, allowedFields.Period, `${field}.`, issues);
  const start = date(own(period, 'start'), `${field}.start`, issues);
  const end = date(own(period, 'end'), `${field}.end`, issues);
  if (!start || !end) return undefined;
  if (start > end) issues.push({ field, message: `starts after it ends (${start} > ${end})` });
  if (end > today) issues.push({ field: `${field}.end`, message: `is in the future (${end}; today is ${today} UTC)` });
  return { start, end };
}

function fail(issues: Issues): never {
  throw new ValidationError({ issues });
}

/** Validates a create body and returns it normalised (lowercase ids, `recipients: []` for save). */
export function validateCreateRequest(input: unknown, today: string): ReportCreateRequest {
  const issues: Issues = [];
  const body = object(input, 'report', issues) ?? fail(issues);
  onlyKnownFields(body, allowedFields.ReportCreateRequest, '', issues);
  const resultAction = oneOf(own(body, 'result_action'), resultActions, 'result_action', issues);

  const parametersInput = object(own(body, 'parameters'), 'parameters', issues);
  const parameters: Json = {};
  if (parametersInput) {
    onlyKnownFields(parametersInput, allowedFields.ReportParameters, 'parameters.', issues);
    Object.assign(parameters, parametersInput);
    parameters['tenant_id'] = uuid(own(parametersInput, 'tenant_id'), 'parameters.tenant_id', issues);
    oneOf(own(parametersInput, 'level'), reportLevels, 'parameters.level', issues);
    oneOf(own(parametersInput, 'kind'), reportKinds, 'parameters.kind', issues);
    if (own(parametersInput, 'formats') !== undefined) formatList(own(parametersInput, 'formats'), 'parameters.formats', issues);
    if (own(parametersInput, 'period') !== undefined) checkPeriod(own(parametersInput, 'period'), 'parameters.period', today, issues);
    usageFlags(parametersInput, issues);
  }

  const schedule = object(own(body, 'schedule'), 'schedule', issues);
  if (schedule) {
    onlyKnownFields(schedule, allowedFields.ReportSchedule, 'schedule.', issues);
    const type = oneOf(own(schedule, 'type'), scheduleTypes, 'schedule.type', issues);
    if (own(schedule, 'enabled') !== undefined) {
      boolean(own(schedule, 'enabled'), 'schedule.enabled', issues);
      if (type === 'once') issues.push({ field: 'schedule.enabled', message: 'applies to monthly reports only' });
    }
  }
  if (own(body, 'generation_date') !== undefined) date(own(body, 'generation_date'), 'generation_date', issues);

  let recipientIds: string[] = [];
  if (own(body, 'recipients') !== undefined) recipientIds = recipients(own(body, 'recipients'), 'recipients', issues) ?? [];
  if (resultAction === 'save' && recipientIds.length > 0) {
    issues.push({ field: 'recipients', message: 'must be empty when result_action is save: saved reports are not e-mailed (use send to e-mail them)' });
  }
  if (resultAction === 'send' && recipientIds.length === 0) {
    issues.push({ field: 'recipients', message: 'must list at least one user UUID when result_action is send' });
  }
  if (issues.length > 0) fail(issues);
  return { ...body, recipients: recipientIds, parameters } as ReportCreateRequest;
}

/** Validates the changes of an update; only scheduled reports take them (the API says so, not this check). */
export function validateUpdateRequest(input: unknown): ReportUpdateRequest {
  const issues: Issues = [];
  const body = object(input, 'changes', issues) ?? fail(issues);
  onlyKnownFields(body, allowedFields.ReportUpdateRequest, '', issues);
  if (Object.keys(body).length === 0) issues.push({ field: 'changes', message: 'must change at least one field' });
  const result: Json = { ...body };
  if (own(body, 'recipients') !== undefined) result['recipients'] = recipients(own(body, 'recipients'), 'recipients', issues);
  if (own(body, 'parameters') !== undefined) {
    const parameters = object(own(body, 'parameters'), 'parameters', issues);
    if (parameters) {
      onlyKnownFields(parameters, allowedFields.ReportUpdateParameters, 'parameters.', issues);
      if (own(parameters, 'level') !== undefined) oneOf(own(parameters, 'level'), reportLevels, 'parameters.level', issues);
      if (own(parameters, 'kind') !== undefined) oneOf(own(parameters, 'kind'), reportKinds, 'parameters.kind', issues);
      usageFlags(parameters, issues);
    }
  }
  if (own(body, 'schedule') !== undefined) {
    const schedule = object(own(body, 'schedule'), 'schedule', issues);
    if (schedule) {
      onlyKnownFields(schedule, allowedFields.ReportUpdateSchedule, 'schedule.', issues);
      if (own(schedule, 'enabled') !== undefined) boolean(own(schedule, 'enabled'), 'schedule.enabled', issues);
    }
  }
  if (issues.length > 0) fail(issues);
  return result as ReportUpdateRequest;
}

/** An id for a URL path: a UUID, lowercased. Nothing else goes into a path. */
export function validateId(value: unknown, field: string): string {
  if (typeof value === 'string' && uuidPattern.test(value)) return value;
  const issues: Issues = [];
  return uuid(value, field, issues) ?? fail(issues);
}

export function validateVersion(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  fail([{ field: 'version', message: `must be a whole number of at least 1, got ${describe(value)}` }]);
}

export function validateFormats(value: unknown, field = 'formats'): string[] {
  const issues: Issues = [];
  formatList(value, field, issues);
  if (issues.length > 0) fail(issues);
  return value as string[];
}

/** A non-empty list of known formats, none twice. */
function formatList(value: unknown, field: string, issues: Issues): void {
  if (!Array.isArray(value) || value.length === 0) {
    issues.push({ field, message: `must be a non-empty list of ${reportFormats.join(', ')}` });
    return;
  }
  value.forEach((format, index) => oneOf(format, reportFormats, `${field}[${index}]`, issues));
  if (new Set(value).size !== value.length) issues.push({ field, message: 'must not list a format twice' });
}

function usageFlags(parameters: Json, issues: Issues): void {
  for (const flag of ['hide_zero_usage', 'show_skus']) {
    if (own(parameters, flag) !== undefined) boolean(own(parameters, flag), `parameters.${flag}`, issues);
  }
}

export const todayUtc = (now: number): string => new Date(now).toISOString().slice(0, 10);
