import { resolve } from 'node:path';
import { newestByFormat, saveDownloadTo, type Report, type ReportFormat, type ReportsClient, type StoredReport, type WaitOptions } from '@acronis-reports/core';
import type { Command } from 'commander';
import type { Output } from '../output.js';
import { waitDisplay } from '../progress.js';
import type { Run } from '../run.js';
import { filesTable, storedTable } from '../tables.js';

const formatList = (text: string | undefined) => text?.split(',').map((item) => item.trim()).filter(Boolean) as ReportFormat[] | undefined;

export async function waitReady(client: ReportsClient, out: Output, reportId: string, options: WaitOptions): Promise<StoredReport[]> {
  const display = waitDisplay(out, 'Waiting for the files');
  try {
    const ready = await client.waitForStoredReports(reportId, { ...options, onProgress: (progress) => display.update(progress) });
    display.done(`Files ready: ${ready.map((item) => item.report_format).join(', ')}.`);
    return ready;
  } catch (error) {
    display.fail();
    throw error;
  }
}

export async function downloadReady(client: ReportsClient, out: Output, report: Report, items: StoredReport[], directory: string) {
  const files: { format: string; path: string; bytes: number }[] = [];
  for (const item of items) {
    const saved = await saveDownloadTo(await client.downloadStoredReport(report.id, item, { report }), resolve(directory));
    out.note(`Saved ${saved.path} (${saved.bytes} bytes).`);
    files.push({ format: saved.format, path: saved.path, bytes: saved.bytes });
  }
  return files;
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
    .option('--formats <list>', "formats to wait for (default: the report's own)")
    .option('--since <time>', 'only files created at or after this time (monthly reports)')
    .option('--wait-timeout <seconds>', 'give up after this long (default 600)', (value) => Number(value))
    .action((reportId: string, flags: { formats?: string; since?: string; waitTimeout?: number }) =>
      run(async ({ client, out }) => {
        const formats = formatList(flags.formats);
        const ready = await waitReady(client, out, reportId, {
          ...(formats ? { formats } : {}),
          ...(flags.since ? { since: flags.since } : {}),
          ...(flags.waitTimeout ? { timeoutMs: flags.waitTimeout * 1000 } : {}),
        });
        out.data(ready, () => storedTable(ready));
      }),
    );

  program
    .command('download')
    .description("download a report's files, decompressed (default: the newest saved file of each format)")
    .argument('<report-id>')
    .argument('[stored-ids...]', 'particular stored reports')
    .option('--formats <list>', 'only these formats')
    .option('--out <dir>', 'the folder to write to', '.')
    .action((reportId: string, storedIds: string[], flags: { formats?: string; out: string }) =>
      run(async ({ client, out }) => {
        const report = await client.getReport(reportId);
        let targets: (StoredReport | string)[] = storedIds;
        if (targets.length === 0) {
          const formats = formatList(flags.formats) ?? report.parameters.formats ?? [];
          const saved = (await client.listStoredReports(reportId)).filter((item) => item.status === 'saved');
          targets = [...newestByFormat(saved, formats, null).values()];
          if (targets.length === 0) {
            out.data([], () => 'No saved files yet: run `acronis-reports wait` first.');
            return;
          }
        }
        const files: { format: string; path: string; bytes: number }[] = [];
        for (const target of targets) {
          const download = await client.downloadStoredReport(reportId, target, { report });
          const saved = await saveDownloadTo(download, resolve(flags.out));
          files.push({ format: saved.format, path: saved.path, bytes: saved.bytes });
        }
        out.data(files, () => filesTable(files));
      }),
    );
}
