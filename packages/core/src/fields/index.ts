// Flat fields into API requests, for every host: see report-fields.ts for the rules.
import { ValidationError } from '../errors.js';
import { reportFormats } from '../generated/enums.js';
import type { ReportFormat } from '../types.js';
import { booleanValue, dateValue, enumListValue, listValue, monthValue, type Issues } from './values.js';

export { buildCreateRequest, buildUpdateChanges, createDefaults, parsePeriodFields, type ReportFieldOptions, type ReportFields, type ReportUpdateFields } from './report-fields.js';
export { createFieldKeys, updateFieldKeys, type FieldLabels, type ReportFieldKey, type ReportUpdateFieldKey } from './field-names.js';

/** One value by a rule, or a ValidationError naming `field`; undefined when nothing was given. */
function single<T>(rule: (value: unknown, field: string, issues: Issues) => T | undefined) {
  return (value: unknown, field: string): T | undefined => {
    const issues: Issues = [];
    const parsed = rule(value, field, issues);
    if (issues.length > 0) throw new ValidationError({ issues });
    return parsed;
  };
}

/** `YYYY-MM`, or the month of a date or ISO date-time (`2026-01-01T00:00:00Z` is 2026-01). */
export const parseMonthField = single(monthValue);
/** `YYYY-MM-DD`, also the calendar date of an ISO date-time. */
export const parseDateField = single(dateValue);
/** true/false, yes/no, 1/0, as booleans or text; anything else is refused. */
export const parseBooleanField = single(booleanValue);
/** An array, or text split on commas, semicolons and white space; blanks dropped. */
export const parseListField = single(listValue);
/** A list of report formats (as `parseListField` reads lists), each one of the API's; an unknown one is refused. */
export const parseFormatsField = single((value, field, issues): ReportFormat[] | undefined => enumListValue(value, reportFormats, field, issues));
