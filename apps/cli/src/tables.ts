import { createRequire } from 'node:module';
import { isAbsolute, relative } from 'node:path';
import type CliTable from 'cli-table3';
import type { Report, StoredReport } from '@acronis-reports/core';

// Loaded when the first table is printed, not when the command line starts (`--help` needs no table).
const require = createRequire(import.meta.url);
let Table: typeof CliTable | undefined;

export function table(head: string[], rows: (string | number)[][]): string {
  Table ??= require('cli-table3') as typeof CliTable;
  // no rule between rows: long tables stay readable
  const output = new Table({ head, style: { head: [], border: [] }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } });
  output.push(...rows.map((row) => row.map(String)));
  return output.toString();
}

const period = (report: Report) => (report.parameters.period ? `${report.parameters.period.start}..${report.parameters.period.end}` : '-');

export function reportsTable(reports: Report[]): string {
  if (reports.length === 0) return 'No reports.';
  return table(
    ['id', 'kind', 'level', 'formats', 'period', 'schedule', 'action', 'version'],
    reports.map((r) => [
      r.id,
      r.parameters.kind,
      r.parameters.level,
      (r.parameters.formats ?? []).join(' '),
      period(r),
      `${r.schedule?.type ?? '-'}${r.schedule?.enabled === false ? ' (paused)' : ''}`,
      r.result_action,
      r.version,
    ]),
  );
}

export function reportDetails(report: Report): string {
  return table(
    ['field', 'value'],
    [
      ['id', report.id],
      ['version', report.version],
      ['tenant', report.parameters.tenant_id],
      ['kind', report.parameters.kind],
      ['level', report.parameters.level],
      ['formats', (report.parameters.formats ?? []).join(', ')],
      ['period', period(report)],
      ['zero usage hidden', String(report.parameters.hide_zero_usage ?? false)],
      ['SKUs shown', String(report.parameters.show_skus ?? false)],
      ['schedule', `${report.schedule?.type ?? '-'}${report.schedule?.enabled === false ? ' (paused)' : ''}`],
      ['result action', report.result_action],
      ['recipients', (report.recipients ?? []).join(', ') || '-'],
      ['generation date', report.generation_date ?? '-'],
    ],
  );
}

export function storedTable(items: StoredReport[]): string {
  if (items.length === 0) return 'No stored reports yet.';
  return table(
    ['id', 'format', 'status', 'size (compressed)', 'created'],
    items.map((item) => [item.id, item.report_format, item.status, item.size, item.created_at]),
  );
}

/** Paths under the working directory are shown relative to it: shorter, and what a person would type. */
export const shown = (path: string) => {
  const relativePath = relative(process.cwd(), path);
  return relativePath && !relativePath.startsWith('..') && !isAbsolute(relativePath) ? relativePath : path;
};

/** A file written to disk, as the commands report it. */
export interface FileRow {
  format: string;
  path: string;
  bytes: number;
}

export const fileRow = (file: FileRow): FileRow => ({ format: file.format, path: file.path, bytes: file.bytes });

export function filesTable(files: FileRow[]): string {
  return table(['format', 'file', 'bytes'], files.map((file) => [file.format, shown(file.path), file.bytes]));
}
