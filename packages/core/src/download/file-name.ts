import type { ReportFormat } from '../generated/enums.js';
import { formatInfo } from './formats.js';

export interface StoredReportNameInput {
  /** The report kind, e.g. `usage_summary`. */
  kind: string;
  /** The report period, `YYYY-MM-DD` dates, both ends inclusive. */
  period?: { start: string; end: string };
  format: ReportFormat;
  /** The stored item's `created_at`; its date names the file when there is no period. */
  createdAt?: string | Date;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * `usage_summary-2026-10.csv` for a whole calendar month, `usage_summary-2026-10-01_2026-10-15.json` for any
 * other period, `usage_summary-2026-11-01.csv` (the creation date as written, offset ignored) without a period.
 * Only `A-Z a-z 0-9 . _ -` appear in the result.
 */
export function storedReportFileName(input: StoredReportNameInput): string {
  const when = input.period ? periodLabel(input.period) : createdLabel(input.createdAt);
  const stem = when ? `${input.kind}-${when}` : input.kind;
  return safe(stem) + formatInfo(input.format).suffix;
}

/** `2026-10` for a whole calendar month, `2026-10-01_2026-10-15` for any other period. */
export function periodLabel({ start, end }: { start: string; end: string }): string {
  const month = wholeMonth(start, end);
  return month ?? `${start}_${end}`;
}

/** `YYYY-MM` when start is the first and end the last day of one month, else null. */
function wholeMonth(start: string, end: string): string | null {
  const a = DATE.exec(start);
  const b = DATE.exec(end);
  if (!a || !b || start.length !== 10 || end.length !== 10) return null;
  const [, year, month, firstDay] = a;
  if (b[1] !== year || b[2] !== month || firstDay !== '01') return null;
  const lastDay = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return Number(b[3]) === lastDay ? `${year}-${month}` : null;
}

function createdLabel(createdAt: string | Date | undefined): string | null {
  if (createdAt === undefined) return null;
  if (createdAt instanceof Date) return Number.isNaN(createdAt.getTime()) ? null : createdAt.toISOString().slice(0, 10);
  return DATE.exec(createdAt)?.[0] ?? null;
}

function safe(name: string): string {
  // No leading dots either: a name like `..` or `.hidden` is not what anyone expects from a download.
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '') || 'report';
}
