// The rules for one flat value, as hosts hand them over: CLI flags, n8n parameters (also from expressions) and
// Zapier inputs (also mapped from earlier steps), so text as often as typed values. Empty means "not given".
import type { ValidationIssue } from '../errors.js';
import { shown } from '../options.js';

export type Issues = ValidationIssue[];

/** Nothing given: absent, null, or text that is blank. */
export const isEmpty = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const listSeparators = /[\s,;]+/;

/** An array, or text split on commas, semicolons and white space; items trimmed, empty ones dropped. */
export function listValue(value: unknown, field: string, issues: Issues): string[] | undefined {
  if (isEmpty(value)) return undefined;
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(listSeparators) : null;
  if (items === null || items.some((item) => typeof item !== 'string')) {
    issues.push({ field, message: `must be a list (an array, or text separated by commas, semicolons or spaces), got ${shown(value)}` });
    return undefined;
  }
  const kept = (items as string[]).map((item) => item.trim()).filter(Boolean);
  return kept.length > 0 ? kept : undefined;
}

const truthy = ['true', 'yes', '1'];
const falsy = ['false', 'no', '0'];

/** true or false, also as text (true/false, yes/no, 1/0) or the numbers 1 and 0. Anything else is refused. */
export function booleanValue(value: unknown, field: string, issues: Issues): boolean | undefined {
  if (isEmpty(value)) return undefined;
  if (typeof value === 'boolean') return value;
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : '';
  if (truthy.includes(text)) return true;
  if (falsy.includes(text)) return false;
  issues.push({ field, message: `must be true or false (also yes/no or 1/0), got ${shown(value)}` });
  return undefined;
}

/** One of the API's values (core's generated lists), surrounding blanks ignored. */
export function enumValue<T extends string>(value: unknown, allowed: readonly T[], field: string, issues: Issues): T | undefined {
  if (isEmpty(value)) return undefined;
  const text = typeof value === 'string' ? value.trim() : value;
  if ((allowed as readonly unknown[]).includes(text)) return text as T;
  issues.push({ field, message: `must be one of ${allowed.join(', ')}, got ${shown(value)}` });
  return undefined;
}

/** A list whose every item is one of the API's values. */
export function enumListValue<T extends string>(value: unknown, allowed: readonly T[], field: string, issues: Issues): T[] | undefined {
  const items = listValue(value, field, issues);
  if (!items) return undefined;
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (unknown.length === 0) return items as T[];
  issues.push({ field, message: `must list only ${allowed.join(', ')}; unknown: ${unknown.map(shown).join(', ')}` });
  return undefined;
}

/** Text, trimmed. */
export function textValue(value: unknown, field: string, issues: Issues): string | undefined {
  if (isEmpty(value)) return undefined;
  if (typeof value === 'string') return value.trim();
  issues.push({ field, message: `must be text, got ${shown(value)}` });
  return undefined;
}

// A calendar date, alone or at the start of an ISO date-time (Zapier maps dates as date-times, n8n's date
// pickers give them too): the date is taken as written, whatever the time and offset.
const dateOrDateTime = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const monthOnly = /^(\d{4})-(\d{2})$/;

function realDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function calendarDate(text: string): string | undefined {
  const match = dateOrDateTime.exec(text);
  if (!match || !realDate(Number(match[1]), Number(match[2]), Number(match[3]))) return undefined;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

const dateForms = 'YYYY-MM-DD or an ISO date-time such as 2026-01-01T00:00:00Z';

/** A day as `YYYY-MM-DD`, from `YYYY-MM-DD`, an ISO date-time or a Date (its UTC day). */
export function dateValue(value: unknown, field: string, issues: Issues): string | undefined {
  if (isEmpty(value)) return undefined;
  const day = value instanceof Date ? calendarDate(Number.isNaN(value.getTime()) ? '' : value.toISOString()) : typeof value === 'string' ? calendarDate(value.trim()) : undefined;
  if (day === undefined) issues.push({ field, message: `must be a date as ${dateForms}, got ${shown(value)}` });
  return day;
}

/** A month as `YYYY-MM`, from `YYYY-MM` or from a day given as `dateValue` takes it. */
export function monthValue(value: unknown, field: string, issues: Issues): string | undefined {
  if (isEmpty(value)) return undefined;
  const text = typeof value === 'string' ? value.trim() : '';
  const match = monthOnly.exec(text);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return text;
  const day = match ? undefined : dateValue(value, field, []);
  if (day !== undefined) return day.slice(0, 7);
  issues.push({ field, message: `must be a month as YYYY-MM (or a date in it, ${dateForms}), got ${shown(value)}` });
  return undefined;
}
