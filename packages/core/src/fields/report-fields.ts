// A create request or an update's changes from flat fields (CLI flags, n8n parameters, Zapier inputs): one set of
// rules for every host. The values follow ./values.ts; the body is then checked as the API would check it, and
// every problem is named after the field the person filled in.
import { reportFormats, reportKinds, reportLevels, resultActions, scheduleTypes } from '../generated/enums.js';
import { ValidationError } from '../errors.js';
import { isPlainObject, own } from '../options.js';
import { monthPeriod } from '../billing.js';
import type { ReportCreateRequest, ReportUpdateRequest } from '../types.js';
import { validateCreateRequest, validateUpdateRequest } from '../validation.js';
import { checkedAsFields, createFieldKeys, labelOf, updateFieldKeys, type FieldLabels, type ReportFieldKey } from './field-names.js';
import { booleanValue, dateValue, enumListValue, enumValue, isEmpty, listValue, monthValue, textValue, type Issues } from './values.js';

export type ReportFields = Partial<Record<ReportFieldKey, unknown>>;
export type ReportUpdateFields = Partial<Record<(typeof updateFieldKeys)[number], unknown>>;

export interface ReportFieldOptions {
  /** The host's names for the fields in messages; see FieldLabels. */
  labels?: FieldLabels;
  /** An API body that the fields override (the CLI's --file). */
  base?: Record<string, unknown>;
}

/** What a create gets for a field left empty, here and in the body: the one-time usage summary that is saved. */
export const createDefaults = { kind: 'usage_summary', level: 'direct_partners', resultAction: 'save', scheduleType: 'once' } as const;

type Json = Record<string, unknown>;

const fail = (issues: Issues): never => {
  throw new ValidationError({ issues });
};

/** The keys given a value: what the person filled in. */
function givenKeys(fields: object, allowed: readonly ReportFieldKey[], labels: FieldLabels | undefined, issues: Issues): Set<ReportFieldKey> {
  const given = new Set<ReportFieldKey>();
  for (const key of Object.keys(fields)) {
    if (!(allowed as readonly string[]).includes(key)) issues.push({ field: key, message: `is not a field here; known: ${allowed.join(', ')}` });
    else if (!isEmpty(own(fields, key))) given.add(key as ReportFieldKey);
  }
  if (given.has('month') && (given.has('periodStart') || given.has('periodEnd'))) {
    const period = `${labelOf(labels, 'periodStart')}/${labelOf(labels, 'periodEnd')}`;
    issues.push({ field: labelOf(labels, 'month'), message: `and ${period} both set the period: give one or the other` });
  }
  return given;
}

/** Fields shared by creates and updates. */
function parametersFrom(fields: ReportFields, name: (key: ReportFieldKey) => string, issues: Issues): Json {
  const parameters: Json = {
    kind: enumValue(fields.kind, reportKinds, name('kind'), issues),
    level: enumValue(fields.level, reportLevels, name('level'), issues),
    hide_zero_usage: booleanValue(fields.hideZeroUsage, name('hideZeroUsage'), issues),
    show_skus: booleanValue(fields.showSkus, name('showSkus'), issues),
  };
  return withoutUndefined(parameters);
}

/** The period from its two dates: both or neither, the start not after the end. */
function datesPeriod(fields: ReportFields, name: (key: ReportFieldKey) => string, issues: Issues): { start: string; end: string } | undefined {
  const start = dateValue(fields.periodStart, name('periodStart'), issues);
  const end = dateValue(fields.periodEnd, name('periodEnd'), issues);
  const startGiven = !isEmpty(fields.periodStart);
  const endGiven = !isEmpty(fields.periodEnd);
  if (startGiven !== endGiven) {
    const [missing, other] = startGiven ? (['periodEnd', 'periodStart'] as const) : (['periodStart', 'periodEnd'] as const);
    issues.push({ field: name(missing), message: `is required with ${name(other)}` });
  }
  if (start === undefined || end === undefined) return undefined;
  if (start > end) issues.push({ field: name('periodEnd'), message: `is before ${name('periodStart')} (${end} < ${start})` });
  return { start, end };
}

function periodFrom(fields: ReportFields, name: (key: ReportFieldKey) => string, issues: Issues): { start: string; end: string } | undefined {
  const month = monthValue(fields.month, name('month'), issues);
  return month === undefined ? datesPeriod(fields, name, issues) : monthPeriod(month);
}

/**
 * The period fields alone, by the same rules, for the billing flow (which keeps a month as a month):
 * `{ month }`, `{ period }`, or `{}` when neither is given.
 */
export function parsePeriodFields(
  fields: Pick<ReportFields, 'month' | 'periodStart' | 'periodEnd'>,
  labels?: FieldLabels,
): { month?: string; period?: { start: string; end: string } } {
  const name = (key: ReportFieldKey) => labelOf(labels, key);
  const issues: Issues = [];
  givenKeys(fields, ['month', 'periodStart', 'periodEnd'], labels, issues);
  const month = monthValue(fields.month, name('month'), issues);
  const period = month === undefined ? datesPeriod(fields, name, issues) : undefined;
  if (issues.length > 0) fail(issues);
  return month !== undefined ? { month } : period !== undefined ? { period } : {};
}

const withoutUndefined = (value: Json): Json => Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined));

/** A base's part, with the fields' values over it; a base part that is not an object is left for the API check to refuse. */
function over(base: unknown, fields: Json): unknown {
  if (base === undefined) return fields;
  return isPlainObject(base) ? { ...base, ...fields } : base;
}

/** Whether the own tenant is needed: no tenant among the fields or in the base. */
export function needsOwnTenant(fields: ReportFields, base: Json = {}): boolean {
  const baseParameters = own(base, 'parameters');
  return isEmpty(fields.tenantId) && (!isPlainObject(baseParameters) || isEmpty(own(baseParameters, 'tenant_id')));
}

/**
 * The create request from flat fields, checked whole. `ownTenantId` stands in when no tenant is given;
 * `today` (UTC, YYYY-MM-DD) is what "in the future" is measured against.
 */
export function buildCreateRequest(fields: ReportFields, context: ReportFieldOptions & { ownTenantId: string; today: string }): ReportCreateRequest {
  const { labels, base = {} } = context;
  const name = (key: ReportFieldKey) => labelOf(labels, key);
  const issues: Issues = [];
  const given = givenKeys(fields, createFieldKeys, labels, issues);
  const parameters: Json = {
    ...parametersFrom(fields, name, issues),
    tenant_id: textValue(fields.tenantId, name('tenantId'), issues),
    formats: enumListValue(fields.formats, reportFormats, name('formats'), issues),
    period: periodFrom(fields, name, issues),
  };
  const resultAction = enumValue(fields.resultAction, resultActions, name('resultAction'), issues);
  const scheduleType = enumValue(fields.scheduleType, scheduleTypes, name('scheduleType'), issues);
  const enabled = booleanValue(fields.enabled, name('enabled'), issues);
  const recipients = listValue(fields.recipients, name('recipients'), issues);
  const generationDate = dateValue(fields.generationDate, name('generationDate'), issues);
  if (issues.length > 0) fail(issues);

  const baseParameters = own(base, 'parameters');
  const baseSchedule = own(base, 'schedule');
  const fromBase = (part: unknown, key: string) => (isPlainObject(part) ? own(part, key) : undefined);
  const type = scheduleType ?? fromBase(baseSchedule, 'type') ?? createDefaults.scheduleType;
  const body = withoutUndefined({
    ...base,
    result_action: resultAction ?? own(base, 'result_action') ?? createDefaults.resultAction,
    recipients: recipients ?? own(base, 'recipients'),
    generation_date: generationDate ?? own(base, 'generation_date'),
    parameters: over(baseParameters, {
      kind: fromBase(baseParameters, 'kind') ?? createDefaults.kind,
      level: fromBase(baseParameters, 'level') ?? createDefaults.level,
      ...(needsOwnTenant(fields, base) ? { tenant_id: context.ownTenantId } : {}),
      ...withoutUndefined(parameters),
    }),
    // Enabled pauses or resumes a monthly schedule; a one-time report has none, so there it means nothing.
    schedule: over(baseSchedule, withoutUndefined({ type, enabled: type === 'monthly' ? enabled : undefined })),
  });
  return checkedAsFields(() => validateCreateRequest(body, context.today), { given, base, labels });
}

/** An update's changes from flat fields: only what was filled in is sent. */
export function buildUpdateChanges(fields: ReportUpdateFields, options: ReportFieldOptions = {}): ReportUpdateRequest {
  const { labels, base = {} } = options;
  const name = (key: ReportFieldKey) => labelOf(labels, key);
  const issues: Issues = [];
  const given = givenKeys(fields, updateFieldKeys, labels, issues);
  const parameters = parametersFrom(fields, name, issues);
  const recipients = listValue(fields.recipients, name('recipients'), issues);
  const enabled = booleanValue(fields.enabled, name('enabled'), issues);
  if (issues.length > 0) fail(issues);

  const changes = withoutUndefined({
    ...base,
    recipients: recipients ?? own(base, 'recipients'),
    parameters: Object.keys(parameters).length > 0 ? over(own(base, 'parameters'), parameters) : own(base, 'parameters'),
    schedule: enabled === undefined ? own(base, 'schedule') : over(own(base, 'schedule'), { enabled }),
  });
  if (Object.keys(changes).length === 0) fail([{ field: labelOf(labels, 'changes'), message: 'needs at least one field to change' }]);
  return checkedAsFields(() => validateUpdateRequest(changes), { given, base, labels });
}
