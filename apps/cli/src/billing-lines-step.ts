// The billing command's last step: billing lines beside the downloaded files, compared with the month before when
// asked. The previous month's csv_v2_0 file is reused from <out>/<YYYY-MM>/ when an earlier run left it there,
// otherwise a one-time report for that month is created, downloaded there and deleted, as `billing` does.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  monthPeriod,
  periodLabel,
  saveDownloadTo,
  storedReportFileName,
  type BillingLinesResult,
  type ReportLevel,
  type ReportsClient,
} from '@acronis-reports/core';
import { linesOptions, type LinesFlags } from './commands/lines.js';
import { UsageError } from './exit-codes.js';
import { linesOfUsageFile, writeLinesFiles, type LinesFiles } from './lines-files.js';
import type { Output } from './output.js';

export interface BillingLinesStep {
  result: BillingLinesResult;
  files: LinesFiles;
  /** The previous month's file and whether it was already there. */
  previous: { path: string; reused: boolean } | null;
}

export interface StepInput {
  client: ReportsClient;
  out: Output;
  flags: LinesFlags & { compare?: boolean; out: string };
  directory: string;
  file: { path: string; format: 'csv_v2_0' | 'json_v2_0' };
  period: { start: string; end: string } | null;
  tenantId: string;
  level: ReportLevel;
}

/** `YYYY-MM` of the month before a whole-month period, or a usage error. */
export function previousMonthOf(period: { start: string; end: string } | null): string {
  const label = period ? periodLabel(period) : '';
  if (!/^\d{4}-\d{2}$/.test(label)) throw new UsageError('--compare needs a whole calendar month (--month, or the default last full month).');
  const [year, month] = label.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
}

/** Checks the flags before anything is created: a bad mapping or --compare without a month fail first. */
export function checkLinesFlags(flags: StepInput['flags'], month: string | undefined, explicitPeriod: boolean): void {
  linesOptions(flags);
  if (flags.compare && explicitPeriod && month === undefined) previousMonthOf(null);
}

export async function billingLinesStep(input: StepInput): Promise<BillingLinesStep> {
  const { client, out, flags } = input;
  const options = linesOptions(flags);
  let previous: BillingLinesStep['previous'] = null;
  if (flags.compare) {
    const month = previousMonthOf(input.period);
    const directory = resolve(join(flags.out, month));
    const path = join(directory, storedReportFileName({ kind: 'usage_summary', period: monthPeriod(month), format: 'csv_v2_0' }));
    const reused = existsSync(path);
    if (reused) {
      out.note(`Comparing with ${month}: reusing ${path}.`);
    } else {
      out.note(`Comparing with ${month}: creating its billing report.`);
      await client.exportBillingReport({
        month,
        tenantId: input.tenantId,
        level: input.level,
        formats: ['csv_v2_0'],
        deleteAfterDownload: true,
        consume: (download) => saveDownloadTo(download, directory),
      });
    }
    const { mapping: _mapping, ...unmapped } = options;
    options.previous = (await linesOfUsageFile(path, 'csv_v2_0', unmapped)).lines;
    previous = { path, reused };
  }
  const result = await linesOfUsageFile(input.file.path, input.file.format, options);
  const files = await writeLinesFiles(input.directory, result);
  return { result, files, previous };
}
