import { InvalidArgumentError } from 'commander';

/** Commander's parser for numeric flags: a positive number, or a usage error (exit 2) naming the flag. */
export function positiveNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) throw new InvalidArgumentError('It must be a positive number.');
  return value;
}

/** A count: a whole number, 0 or more. */
export function wholeNumber(text: string): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value)) throw new InvalidArgumentError('It must be a whole number, 0 or more.');
  return value;
}

/** A size: a whole number, 1 or more. */
export function positiveInteger(text: string): number {
  const value = wholeNumber(text);
  if (value < 1) throw new InvalidArgumentError('It must be a whole number, 1 or more.');
  return value;
}
