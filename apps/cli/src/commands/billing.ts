import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  parseListField,
  parsePeriodFields,
  periodLabel,
  reportFormats,
  reportLevels,
  saveDownloadTo,
  type ReportFormat,
  type ReportLevel,
  type ReportsClient,
  type SavedFile,
} from '@acronis-reports/core';
import type { Command } from 'commander';
import { billingLinesStep, checkLinesFlags } from '../billing-lines-step.js';
import { UsageError } from '../exit-codes.js';
import { choices, listChoices } from '../enum-help.js';
import { positiveNumber } from '../flags.js';
import type { Interruption } from '../interrupt.js';
import { linesData, linesReport } from '../lines-summary.js';
import { waitDisplay } from '../progress.js';
import { flagLabels } from '../report-input.js';
import type { Run } from '../run.js';
import { summarizeBillingFile, summaryTable } from '../summary.js';
import { fileRow, filesTable, shown } from '../tables.js';
import { linesHelp, type LinesFlags } from './lines.js';

interface BillingFlags extends LinesFlags {
  compare?: boolean;
  tenantId?: string;
  month?: string;
  periodStart?: string;
  periodEnd?: string;
  formats?: string;
  level?: string;
  out: string;
  keepReport?: boolean;
  waitTimeout?: number;
}

export function registerBillingCommand(program: Command, run: Run): void {
  program
    .command('billing')
    .description('the monthly billing export: create the billing report, wait, download every format, summarise')
    .option('--month <YYYY-MM>', 'the month to bill (default: the last full month)')
    .option('--period-start <date>', 'an explicit period start, YYYY-MM-DD (with --period-end)')
    .option('--period-end <date>', 'an explicit period end, YYYY-MM-DD')
    .option('--tenant-id <uuid>', "the tenant to bill (default: the API client's own)")
    .option('--level <level>', choices(reportLevels, { direct_partners: '(default)' }))
    .option('--formats <list>', `comma-separated: ${listChoices(reportFormats, { csv_v2_0: '(the one to parse)' })} (default: csv_v2_0,json_v2_0)`)
    .option('--out <dir>', 'where the files go: <dir>/<period>/', 'reports')
    .option('--keep-report', 'keep the one-time report on the data center after the download (default: delete it)')
    .option('--wait-timeout <seconds>', 'give up waiting after this long (default 600)', positiveNumber)
    .option('--mapping <file>', 'map tenants and items to customer references, product codes and prices in billing-lines.csv')
    .option('--compare', "compare with the previous month (its files in <out>/<YYYY-MM>/ are reused, or its report is created)")
    .option('--figure <measure.part>', 'bill this figure for every line, e.g. effective.production')
    .option('--include-zero', 'keep billing lines whose quantity is 0')
    .option('--threshold <percent>', 'with --compare, flag a change beyond this percent as changed (default 25)', positiveNumber)
    .addHelpText('after', `\nBeside the downloaded files go billing-lines.csv and billing-lines.json (from csv_v2_0, else json_v2_0).${linesHelp}`)
    .action((flags: BillingFlags) =>
      run(async ({ client, out, interruption }) => {
        const { month, period: explicitPeriod } = parsePeriodFields({ month: flags.month, periodStart: flags.periodStart, periodEnd: flags.periodEnd }, flagLabels);
        checkLinesFlags(flags, month, Boolean(explicitPeriod));
        await ensureWritableFolder(flags.out);
        const formats = parseListField(flags.formats, flagLabels.formats!) as ReportFormat[] | undefined;
        if (formats && (flags.mapping || flags.compare) && !formats.some((format) => format === 'csv_v2_0' || format === 'json_v2_0')) {
          throw new UsageError('--mapping and --compare make billing lines, which are read from csv_v2_0 or json_v2_0: add one of them to --formats.');
        }
        const display = await waitDisplay(out, 'Generating the billing report');
        // the files' folder is named after the period the data center confirms when it creates the report
        let directory = '';
        let announced = false;
        const result = await client
          .exportBillingReport<SavedFile>({
            ...(flags.tenantId ? { tenantId: flags.tenantId } : {}),
            ...(month ? { month } : {}),
            ...(explicitPeriod ? { period: explicitPeriod } : {}),
            ...(flags.level ? { level: flags.level as ReportLevel } : {}),
            ...(formats ? { formats } : {}),
            deleteAfterDownload: !flags.keepReport,
            ...(flags.waitTimeout !== undefined ? { timeoutMs: flags.waitTimeout * 1000 } : {}),
            consume: (download) => saveDownloadTo(download, directory),
            signal: interruption.signal,
            onProgress: (progress) => {
              if (progress.stage === 'created') {
                tidyOnStop(interruption, client, progress.report.id, Boolean(flags.keepReport));
                const { period, tenant_id: tenantId } = progress.report.parameters;
                directory = resolve(join(flags.out, period ? periodLabel(period) : progress.report.id));
                const span = period ? `${period.start} to ${period.end}` : 'the requested period';
                out.note(`Created report ${progress.report.id}: billing ${span} for tenant ${tenantId}.`);
              }
              if (progress.stage === 'waiting') display.update(progress.progress);
              if (progress.stage === 'downloading') {
                if (!announced) display.done('Files ready.');
                announced = true;
                out.note(`Downloading ${progress.fileName}.`);
              }
            },
          })
          .catch((error: unknown) => {
            display.fail();
            throw error;
          });
        interruption.onStop(null); // the export has deleted or kept the report as asked
        interruption.forget(keptNote(result.report.id));
        const period = result.report.parameters.period ?? null;
        const files = result.files.map(fileRow);
        const billingFile = result.files.find((file) => file.format === 'csv_v2_0') ?? result.files.find((file) => file.format === 'json_v2_0');
        const summary = billingFile ? await summarizeBillingFile(billingFile.path, billingFile.format as 'csv_v2_0' | 'json_v2_0') : null;
        const lines = billingFile
          ? await billingLinesStep({
              client,
              out,
              flags,
              directory,
              file: { path: billingFile.path, format: billingFile.format as 'csv_v2_0' | 'json_v2_0' },
              period,
              tenantId: result.report.parameters.tenant_id,
              level: result.report.parameters.level,
            })
          : null;
        out.data(
          {
            reportId: result.report.id,
            period,
            directory,
            deleted: result.deleted,
            files,
            summary,
            billingLines: lines ? { ...linesData(lines.result, lines.files), previous: lines.previous } : null,
          },
          () =>
            [
              filesTable(files),
              summary ? summaryTable(summary) : '',
              lines ? linesReport(lines.result, lines.files) : '',
              `Files are in ${shown(directory)}${result.deleted ? ' (the one-time report was deleted from the data center)' : ''}.`,
            ]
              .filter(Boolean)
              .join('\n'),
        );
      }),
    );
}

const keptNote = (reportId: string) =>
  `Report ${reportId} stays on the data center. Get its files with \`acronis-reports download ${reportId}\`, or remove it with \`acronis-reports delete ${reportId}\`.`;

/**
 * From the create on, Ctrl-C deletes the one-time report this command made (unless --keep-report); when that
 * fails, or with --keep-report, it says the report stays and how to remove it.
 */
function tidyOnStop(interruption: Interruption, client: ReportsClient, reportId: string, keep: boolean): void {
  interruption.leaveBehind(keptNote(reportId));
  if (keep) return;
  interruption.onStop(async () => {
    await client.deleteReport(reportId);
    return `Deleted the one-time report ${reportId} that this command had created.`;
  });
}

/** The --out folder must take files before anything is created: a report is not made for files that cannot be written. */
async function ensureWritableFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK);
  } catch (error) {
    throw new UsageError(`--out ${folder} cannot take the files (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): choose a folder you can write to.`);
  }
}
