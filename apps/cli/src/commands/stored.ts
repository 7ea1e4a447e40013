import { resolve } from 'node:path';
import { parseFormatsField, saveDownloadTo, type Report, type ReportFormat, type ReportsClient, type StoredReport, type WaitOptions } from '@acronis-reports/core';
import type { Command } from 'commander';
import { positiveNumber } from '../flags.js';
import type { Output } from '../output.js';
import { waitDisplay } from '../progress.js';
import type { Run } from '../run.js';
import { fileRow, filesTable, storedTable, type FileRow } from '../tables.js';

export async function waitReady(client: ReportsClient, out: Output, reportId: string, options: WaitOptions): Promise<StoredReport[]> {
  const display = await waitDisplay(out, 'Waiting for the files');
  try {
    const ready = await client.waitForStoredReports(reportId, { ...options, onProgress: (progress) => display.update(progress) });
    display.done(`Files ready: ${ready.map((item) => item.report_format).join(', ')}.`);
    return ready;
  } catch (error) {
    display.fail();
    throw error;
  }
}

/** Downloads stored reports (or stored report ids) of `report` into `directory`, one after the other. */
export async function downloadFiles(
  client: ReportsClient,
  report: Report,
  targets: readonly (StoredReport | string)[],
  directory: string,
  onSaved?: (file: FileRow) => void,
): Promise<FileRow[]> {
  const files: FileRow[] = [];
  for (const target of targets) {
    const saved = fileRow(await saveDownloadTo(await client.downloadStoredReport(report.id, target, { report }), resolve(directory)));
    onSaved?.(saved);
    files.push(saved);
  }
  return files;
}

export function downloadReady(client: ReportsClient, out: Output, report: Report, items: StoredReport[], directory: string): Promise<FileRow[]> {
  return downloadFiles(client, report, items, directory, (saved) => out.note(`Saved ${saved.path} (${saved.bytes} bytes).`));
}

export function registerStoredCommands(program: Command, run: Run): void {
  program
    .command('stored')
    .description("list a report's stored files")
    .argument('<report-id>')
    .action((reportId: string) =>
      run(async ({ client, out }) => {
        const items = await client.listStoredReports(reportId);
        out.data(items, () => storedTable(items));
      }),
    );

  program
    .command('wait')
    .description("wait until a report's files are ready")
    .argument('<report-id>')
    .option('--formats <list>', "formats to wait for (default: the report's own; a monthly report makes only csv and html)")
    .option('--since <time>', 'only files created at or after this time (monthly reports)')
    .option('--wait-timeout <seconds>', 'give up after this long (default 600)', positiveNumber)
    .action((reportId: string, flags: { formats?: string; since?: string; waitTimeout?: number }) =>
      run(async ({ client, out }) => {
        const formats = parseFormatsField(flags.formats, '--formats');
        const ready = await waitReady(client, out, reportId, {
          ...(formats ? { formats } : {}),
          ...(flags.since ? { since: flags.since } : {}),
          ...(flags.waitTimeout !== undefined ? { timeoutMs: flags.waitTimeout * 1000 } : {}),
        });
        out.data(ready, () => storedTable(ready));
      }),
    );

  program
    .command('download')
    .description("download a report's files, decompressed (default: the newest saved file of each of the report's formats)")
    .argument('<report-id>')
    .argument('[stored-ids...]', 'particular stored reports')
    .option('--formats <list>', 'only these formats')
    .option('--out <dir>', 'the folder to write to', '.')
    .action((reportId: string, storedIds: string[], flags: { formats?: string; out: string }) =>
      run(async ({ client, out }) => {
        const chosenFormats = parseFormatsField(flags.formats, '--formats');
        const report = await client.getReport(reportId);
        // core chooses each file, and says which it is when there is none: not ready yet (exit 11), never (12),
        // failed (6); every file is chosen before the first is written
        const formats = chosenFormats ?? report.parameters.formats ?? [];
        const choices = storedIds.length > 0 ? storedIds.map((storedReportId) => ({ storedReportId })) : formats.map((format) => ({ format }));
        const targets: StoredReport[] = [];
        for (const choice of choices) targets.push((await client.findStoredFile(reportId, { ...choice, report })).storedReport);
        const files = await downloadFiles(client, report, targets, flags.out);
        out.data(files, () => filesTable(files));
      }),
    );
}
