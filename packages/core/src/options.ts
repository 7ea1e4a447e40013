import { ValidationError, type ValidationIssue } from './errors.js';
import { FIGURES, parseFigure } from './billing-lines/figure.js';
import { reportFormats, reportLevels } from './generated/enums.js';

/** A check of one value: the problem as a phrase ("must be ..."), or null when the value is fine. */
export type Check = (value: unknown) => string | null;

/** A value's own property only: a `__proto__` literal or an inherited field never counts as given. */
export function own(value: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value for a message: short whatever its size. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint') return `${value}n`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const must = (ok: boolean, phrase: string) => (value: unknown) => (ok ? null : `${phrase}, got ${shown(value)}`);

export const checks = {
  signal: (value: unknown) =>
    must(
      isPlainObjectLike(value) && typeof (value as AbortSignal).aborted === 'boolean' && typeof (value as AbortSignal).addEventListener === 'function',
      'must be an AbortSignal',
    )(value),
  function: (value: unknown) => must(typeof value === 'function', 'must be a function')(value),
  boolean: (value: unknown) => must(typeof value === 'boolean', 'must be true or false')(value),
  literalTrue: (value: unknown) => must(value === true, 'must be true')(value),
  string: (value: unknown) => must(typeof value === 'string', 'must be a string')(value),
  object: (value: unknown) => must(isPlainObject(value), 'must be an object')(value),
  /** Milliseconds or a factor: a finite number above 0. */
  positive: (value: unknown) => must(typeof value === 'number' && Number.isFinite(value) && value > 0, 'must be a finite number above 0')(value),
  nonNegative: (value: unknown) => must(typeof value === 'number' && Number.isFinite(value) && value >= 0, 'must be a finite number, 0 or more')(value),
  count: (value: unknown) => must(typeof value === 'number' && Number.isInteger(value) && value >= 0, 'must be a whole number, 0 or more')(value),
  positiveCount: (value: unknown) => must(typeof value === 'number' && Number.isInteger(value) && value >= 1, 'must be a whole number, 1 or more')(value),
  factor: (value: unknown) => must(typeof value === 'number' && Number.isFinite(value) && value >= 1, 'must be a finite number, 1 or more')(value),
  figure: (value: unknown) =>
    must(
      typeof value === 'function' || (typeof value === 'string' && parseFigure(value) !== null),
      `must be one of ${FIGURES.join(', ')}, or a function of the offering item and tenant kind`,
    )(value),
  level: (value: unknown) => must(typeof value === 'string' && (reportLevels as readonly string[]).includes(value), `must be one of ${reportLevels.join(', ')}`)(value),
  formats: (value: unknown) => formatsProblem(value),
  time: (value: unknown) =>
    must(
      (value instanceof Date || typeof value === 'string' || typeof value === 'number') && !Number.isNaN(new Date(value as string).getTime()),
      'must be a time (a Date, an ISO string or milliseconds)',
    )(value),
} satisfies Record<string, Check>;

function isPlainObjectLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function formatsProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return `must be a non-empty list of ${reportFormats.join(', ')}, got ${shown(value)}`;
  const unknown = value.filter((format) => typeof format !== 'string' || !(reportFormats as readonly string[]).includes(format));
  if (unknown.length > 0) return `must list only ${reportFormats.join(', ')}; unknown: ${unknown.slice(0, 3).map(shown).join(', ')}${unknown.length > 3 ? ` and ${unknown.length - 3} more` : ''}`;
  if (new Set(value).size !== value.length) return 'must not list a format twice';
  return null;
}

/**
 * Checks an options object: absent is fine (unless required), anything but a plain object is refused, every own
 * key must be known, and each known value must pass its check. Returns the issues; nothing is read from the
 * prototype chain.
 */
export function optionIssues(value: unknown, field: string, spec: Record<string, Check>, required = false): ValidationIssue[] {
  if (value === undefined) return required ? [{ field, message: 'is required' }] : [];
  if (!isPlainObject(value)) return [{ field, message: `must be an object, got ${shown(value)}` }];
  const issues: ValidationIssue[] = [];
  const known = Object.keys(spec);
  const prefix = field ? `${field}.` : '';
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) issues.push({ field: `${prefix}${key}`, message: `is not an option here; known: ${known.join(', ')}` });
  }
  for (const key of known) {
    const given = own(value, key);
    if (given === undefined) continue;
    const problem = spec[key]!(given);
    if (problem) issues.push({ field: `${prefix}${key}`, message: problem });
  }
  return issues;
}

/** Throws a ValidationError when there are issues. */
export function refuse(issues: ValidationIssue[]): void {
  if (issues.length > 0) throw new ValidationError({ issues });
}

export function checkOptions<T>(value: T, field: string, spec: Record<string, Check>, required = false): T {
  refuse(optionIssues(value, field, spec, required));
  return value;
}
