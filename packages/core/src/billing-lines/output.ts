// billing-lines.csv and billing-lines.json: the same fields, in the same order. CSV: RFC 4180 quoting, CRLF,
// dots as decimal separators, quantities and money with 2 decimals, empty cells where a value does not apply.

import { decimalText, fixedText } from './numbers.js';
import { BILLING_LINE_COLUMNS, type BillingLine } from './types.js';

const TWO_DECIMALS = new Set<keyof BillingLine>(['quantity', 'amount', 'previous_quantity', 'change', 'change_percent']);

function cellText(line: BillingLine, column: keyof BillingLine): string {
  const value = line[column];
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return TWO_DECIMALS.has(column) ? fixedText(value) : decimalText(value);
  return inertText(value);
}

/**
 * Text a spreadsheet will not run: a name that starts with =, +, -, @ (or a tab or carriage return) would be taken as
 * a formula when billing-lines.csv is opened in Excel or LibreOffice, so it gets a leading apostrophe, as OWASP
 * advises for CSV exports. Numbers are written as numbers and never touched. The JSON file keeps the names as they are.
 */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A CSV field, quoted when it holds a comma, a quote, a line break, or space at either end. */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record (with its CRLF) of a line. */
export function billingLineCsvRecord(line: BillingLine): string {
  return `${BILLING_LINE_COLUMNS.map((column) => csvField(cellText(line, column))).join(',')}\r\n`;
}

export const BILLING_LINES_CSV_HEADER = `${BILLING_LINE_COLUMNS.join(',')}\r\n`;

/** The whole billing-lines.csv. */
export function billingLinesCsv(lines: readonly BillingLine[]): string {
  let text = BILLING_LINES_CSV_HEADER;
  for (const line of lines) text += billingLineCsvRecord(line);
  return text;
}

/** The whole billing-lines.json: an array of objects with the CSV's fields in its order (null for an empty cell). */
export function billingLinesJson(lines: readonly BillingLine[]): string {
  const ordered = lines.map((line) => Object.fromEntries(BILLING_LINE_COLUMNS.map((column) => [column, line[column]])));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
