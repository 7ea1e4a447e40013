import { InvalidArgumentError } from 'commander';

/** Commander's parser for numeric flags: a positive number, or a usage error (exit 2) naming the flag. */
export function positiveNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) throw new InvalidArgumentError('It must be a positive number.');
  return value;
}
