import type { UsageAmounts } from './usage-row.js';

export type Cell = string | number | null | undefined;

/** A number from a CSV cell or a JSON value; `where` names it in the error when it is not one. */
export function toNumber(value: Cell, where: string): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(number)) throw new Error(`${where} should be a number, got ${JSON.stringify(value ?? null)}.`);
  return number;
}

const isBlank = (value: Cell): boolean => value === undefined || value === null || value === '';

/**
 * The three amounts of one group (absolute, delta, effective), or null when all three are blank. A group with
 * only some blanks is an error: a half-filled group means a broken file, not a missing figure.
 */
export function toAmounts(production: Cell, total: Cell, trial: Cell, where: string): UsageAmounts | null {
  if (isBlank(production) && isBlank(total) && isBlank(trial)) return null;
  return {
    production: toNumber(production, `${where}.production`),
    total: toNumber(total, `${where}.total`),
    trial: toNumber(trial, `${where}.trial`),
  };
}
