import { ValidationError, type ValidationIssue } from '../errors.js';

/** The flat fields of a report, as the hosts name them (CLI flags are these in kebab case). */
export const createFieldKeys = [
  'tenantId',
  'kind',
  'level',
  'formats',
  'month',
  'periodStart',
  'periodEnd',
  'hideZeroUsage',
  'showSkus',
  'resultAction',
  'recipients',
  'scheduleType',
  'enabled',
  'generationDate',
] as const;
/** What an update may change: the API takes nothing else. */
export const updateFieldKeys = ['kind', 'level', 'hideZeroUsage', 'showSkus', 'recipients', 'enabled'] as const;

export type ReportFieldKey = (typeof createFieldKeys)[number];
export type ReportUpdateFieldKey = (typeof updateFieldKeys)[number];

/**
 * How the host names each field in messages: a flag (`--period-start`), an n8n display name or a Zapier label.
 * `changes` names the update as a whole ("needs at least one field to change"). Unlabelled fields keep their key.
 */
export type FieldLabels = Partial<Record<ReportFieldKey | 'changes', string>>;

export const labelOf = (labels: FieldLabels | undefined, key: ReportFieldKey | 'changes'): string => labels?.[key] ?? key;

// Where each flat field lands in the API body; `period` is filled by the month or by the two dates.
const apiPaths: Record<ReportFieldKey | 'period', string[]> = {
  tenantId: ['parameters', 'tenant_id'],
  kind: ['parameters', 'kind'],
  level: ['parameters', 'level'],
  formats: ['parameters', 'formats'],
  month: ['parameters', 'period'],
  period: ['parameters', 'period'],
  periodStart: ['parameters', 'period', 'start'],
  periodEnd: ['parameters', 'period', 'end'],
  hideZeroUsage: ['parameters', 'hide_zero_usage'],
  showSkus: ['parameters', 'show_skus'],
  resultAction: ['result_action'],
  recipients: ['recipients'],
  scheduleType: ['schedule', 'type'],
  enabled: ['schedule', 'enabled'],
  generationDate: ['generation_date'],
};

/** The field an issue's API path (`parameters.formats[1]`) is about, if any. */
function fieldOfPath(path: string): ReportFieldKey | 'period' | undefined {
  const plain = path.replace(/\[\d+\]$/, '');
  const found = Object.entries(apiPaths).find(([key, parts]) => key !== 'month' && parts.join('.') === plain);
  return found?.[0] as ReportFieldKey | 'period' | undefined;
}

/** Whether a base body holds the value a field would set. */
function baseHolds(base: object, key: ReportFieldKey): boolean {
  let value: unknown = base;
  for (const part of apiPaths[key]) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, part)) return false;
    value = (value as Record<string, unknown>)[part];
  }
  return true;
}

/** What the person filled in, and the base body (the CLI's --file) under it. */
export interface FieldSources {
  given: ReadonlySet<ReportFieldKey>;
  base: object;
  labels: FieldLabels | undefined;
}

/** The field that set a value at an API path: filled in, or left empty with nothing from the base either. */
function settingField(key: ReportFieldKey | 'period', { given, base }: FieldSources): ReportFieldKey | undefined {
  const periodPart = key === 'period' || key === 'periodStart' || key === 'periodEnd';
  if (periodPart && given.has('month')) return 'month';
  if (key === 'period') return undefined;
  return given.has(key) || !baseHolds(base, key) ? key : undefined;
}

/**
 * The API body's checks name API paths (`parameters.period.end`); a person filled in flat fields. An issue about a
 * value that a field set is named after that field in the host's words; one about a value from the base body
 * keeps its API path.
 */
export function renamedIssues(issues: ValidationIssue[], sources: FieldSources): ValidationIssue[] {
  return issues.map((issue) => {
    const key = fieldOfPath(issue.field);
    const field = key === undefined ? undefined : settingField(key, sources);
    return field === undefined ? issue : { ...issue, field: labelOf(sources.labels, field) };
  });
}

/** Runs an API body check and names its issues after the fields. */
export function checkedAsFields<T>(check: () => T, sources: FieldSources): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError({ issues: renamedIssues(error.issues, sources), cause: error.cause });
  }
}
