import { createDefaults, reportFormats, reportKinds, reportLevels, resultActions, scheduleTypes } from '@acronis-reports/core';
import type { Command } from 'commander';
import { choices, listChoices } from '../enum-help.js';
import { positiveNumber } from '../flags.js';
import { createFields, fieldOptions, updateFields, type ReportFlags } from '../report-input.js';
import { reportDetails } from '../tables.js';
import { formatsHelp } from '../format-help.js';
import type { Run } from '../run.js';
import { downloadReady, waitReady } from './stored.js';

/** A create's default, noted in its help; an update changes only what is given. */
const forCreate = (forUpdate: boolean, value: string): Record<string, string> => (forUpdate ? {} : { [value]: '(default)' });

function reportFieldOptions(command: Command, forUpdate: boolean): Command {
  command
    .option('--file <path>', 'the report as JSON (the API body; - reads stdin); flags override its fields')
    .option('--kind <kind>', choices(reportKinds, forCreate(forUpdate, createDefaults.kind)))
    .option('--level <level>', choices(reportLevels, forCreate(forUpdate, createDefaults.level)))
    .option('--recipients <uuids>', 'user UUIDs separated by commas, semicolons or spaces (result action send)')
    .option('--hide-zero-usage', 'leave out offering items without usage')
    .option('--no-hide-zero-usage', 'keep offering items without usage')
    .option('--show-skus', 'add SKU columns')
    .option('--no-show-skus', 'no SKU columns');
  if (forUpdate) return command.option('--enabled <bool>', 'true resumes, false pauses a monthly report');
  return command
    .option('--tenant-id <uuid>', "the tenant (default: the API client's own)")
    .option('--formats <list>', `comma-separated: ${listChoices(reportFormats, { csv_v2_0: '(the one to parse)' })}; monthly reports: csv and html only`)
    .option('--month <YYYY-MM>', 'the period: a calendar month')
    .option('--period-start <date>', 'the period start, YYYY-MM-DD')
    .option('--period-end <date>', 'the period end, YYYY-MM-DD')
    .option('--schedule <type>', choices(scheduleTypes, { [createDefaults.scheduleType]: '(default)', monthly: '(csv and html only)' }))
    .option('--result-action <action>', choices(resultActions, { [createDefaults.resultAction]: '(default)' }))
    .option('--generation-date <date>', 'when a one-time report is generated, YYYY-MM-DD')
    .addHelpText('after', `\n${formatsHelp}`);
}

export function registerReportCommands(program: Command, run: Run): void {
  reportFieldOptions(program.command('create').description('create a report (then --wait and --download to finish the job)'), false)
    .option('--wait', 'wait until its files are ready')
    .option('--download <dir>', 'download its files into a folder (implies --wait)')
    .action((flags: ReportFlags & { wait?: boolean; download?: string }) =>
      run(async ({ client, out, interruption }) => {
        const options = fieldOptions(flags);
        const maybeCreated = 'The report may have been created before the stop: `acronis-reports list` shows it, `acronis-reports delete <id>` removes it.';
        interruption.leaveBehind(maybeCreated);
        const report = await client.createReportFromFields(createFields(flags), { ...options, signal: interruption.signal });
        interruption.forget(maybeCreated);
        if (!flags.wait && !flags.download) return out.data(report, () => reportDetails(report));
        out.note(`Created report ${report.id}.`);
        interruption.leaveBehind(`Report ${report.id} was created and stays on the data center. Get its files later with \`acronis-reports download ${report.id}\`, or remove it with \`acronis-reports delete ${report.id}\`.`);
        const ready = await waitReady(client, out, report.id, { signal: interruption.signal });
        const files = flags.download ? await downloadReady(client, out, report, ready, flags.download) : undefined;
        out.data({ report, stored: ready, ...(files ? { files } : {}) }, () => `${reportDetails(report)}\n${files ? `Files saved in ${flags.download}` : 'Files are ready.'}`);
      }),
    );

  program
    .command('get')
    .description('show a report')
    .argument('<report-id>')
    .action((reportId: string) =>
      run(async ({ client, out }) => {
        const report = await client.getReport(reportId);
        out.data(report, () => reportDetails(report));
      }),
    );

  reportFieldOptions(program.command('update').description('change a monthly report').argument('<report-id>'), true).action((reportId: string, flags: ReportFlags) =>
    run(async ({ client, out }) => {
      const report = await client.updateReportFromFields(reportId, updateFields(flags), fieldOptions(flags));
      out.data(report, () => reportDetails(report));
    }),
  );

  program
    .command('delete')
    .description("delete a report (its current version is looked up unless --version is given)")
    .argument('<report-id>')
    .option('--version <n>', 'the version to delete; refused if it is not the current one', positiveNumber)
    .action((reportId: string, flags: { version?: number }) =>
      run(async ({ client, out }) => {
        await client.deleteReport(reportId, flags.version === undefined ? {} : { version: flags.version });
        out.data({ deleted: reportId }, () => `Deleted report ${reportId}.`);
      }),
    );
}
