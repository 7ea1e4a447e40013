// What a person sees of billing lines: the biggest lines, the biggest changes, and what needs attention.
import { biggestChanges, type BillingLine, type BillingLinesResult } from '@acronis-reports/core';
import type { LinesFiles } from './lines-files.js';
import { shown, table } from './tables.js';

const TOP = 10;

const amountOrQuantity = (line: BillingLine): number => line.amount ?? line.quantity;
const who = (line: BillingLine): string => line.customer_ref ?? line.tenant_name ?? line.tenant_id;
const what = (line: BillingLine): string =>
  [line.product_code ?? line.offering_item, line.edition, line.backend_type, line.sku].filter(Boolean).join(' / ');
const number = (value: number | null): string => (value === null ? '-' : value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/** The biggest lines: by amount when priced, else by quantity. */
export function biggestLines(lines: readonly BillingLine[]): BillingLine[] {
  const priced = lines.some((line) => line.amount !== null);
  return [...lines]
    .filter((line) => line.flag !== 'gone')
    .sort((a, b) => (priced ? (b.amount ?? -1) - (a.amount ?? -1) : amountOrQuantity(b) - amountOrQuantity(a)))
    .slice(0, TOP);
}

export function linesReport(result: BillingLinesResult, files: LinesFiles): string {
  const parts: string[] = [];
  const top = biggestLines(result.lines);
  if (top.length > 0) {
    parts.push(
      `Biggest lines:\n${table(
        ['customer', 'item', 'unit', 'quantity', 'amount'],
        top.map((line) => [who(line), what(line), line.unit, number(line.quantity), number(line.amount)]),
      )}`,
    );
  }
  const compared = result.lines.some((line) => line.flag !== null);
  if (compared) {
    const changes = biggestChanges(result.lines, TOP);
    const count = (flag: string) => result.lines.filter((line) => line.flag === flag).length;
    parts.push(`Since last month: ${count('new')} new, ${count('gone')} gone, ${count('changed')} changed beyond the threshold, ${count('')} within it.`);
    parts.push(
      changes.length === 0
        ? 'No line changed beyond the threshold since last month.'
        : `Biggest changes since last month:\n${table(
            ['customer', 'item', 'flag', 'previous', 'now', 'change %'],
            changes.map((line) => [who(line), what(line), line.flag ?? '', number(line.previous_quantity), number(line.quantity), line.change_percent === null ? '-' : `${line.change_percent}`]),
          )}`,
    );
  }
  const { counts } = result;
  parts.push(
    `${result.lines.length} billing lines for ${counts.tenants} tenants from ${counts.rows} usage rows` +
      `${counts.zeroLeftOut ? `; ${counts.zeroLeftOut} zero lines left out` : ''}${counts.ignored ? `; ${counts.ignored} ignored by the mapping` : ''}.`,
  );
  if (result.exceptions.length > 0) {
    parts.push(`${result.exceptions.length} exceptions (kept in the file with empty cells):\n${result.exceptions.slice(0, TOP).map((e) => `  ${e.message}`).join('\n')}${result.exceptions.length > TOP ? `\n  ... and ${result.exceptions.length - TOP} more (--json lists them all)` : ''}`);
  }
  if (result.unusedMapping.length > 0) {
    parts.push(`Mapping entries that matched nothing:\n${result.unusedMapping.map((u) => `  ${u.field} ${u.message}`).join('\n')}`);
  }
  parts.push(`Billing lines are in ${shown(files.csv)} and ${shown(files.json)}.`);
  return parts.join('\n');
}

/** The --json view: counts, exceptions, unused mapping entries and the files; the lines themselves are in the files. */
export function linesData(result: BillingLinesResult, files: LinesFiles) {
  return {
    files,
    lines: result.lines.length,
    counts: result.counts,
    flags: result.lines.some((line) => line.flag !== null)
      ? Object.fromEntries(['new', 'gone', 'changed'].map((flag) => [flag, result.lines.filter((line) => line.flag === flag).length]))
      : null,
    exceptions: result.exceptions,
    unusedMapping: result.unusedMapping,
  };
}
