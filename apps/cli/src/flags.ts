import { InvalidArgumentError } from 'commander';

/** A comma-separated flag value as its items, blanks left out (`a, b,` is `a` and `b`). */
export function list<T extends string = string>(text: string | undefined): T[] | undefined {
  return text?.split(',').map((item) => item.trim()).filter(Boolean) as T[] | undefined;
}

/** Commander's parser for numeric flags: a positive number, or a usage error (exit 2) naming the flag. */
export function positiveNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) throw new InvalidArgumentError('It must be a positive number.');
  return value;
}
