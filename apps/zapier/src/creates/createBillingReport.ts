import { parseBooleanField, parseMonthField, WaitTimeoutError, type Report } from '@acronis-reports/core';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { withClient } from '../client.js';
import { levelField, tenantIdField, tenantInput, textInput } from '../fields.js';
import { storedFileOutput } from '../files.js';
import { reportOutputFields, sampleReport } from '../samples.js';
import { stepTimeLeftMs, waitBudgetMs } from '../step-budget.js';

/** The longest wait a user can ask for: Zapier gives a step 30 s in all, and the create comes first. */
export const maxWaitSeconds = 20;

/** Where the files go when they are not in this step's answer: the ways a Zap can get them. */
export const filesLaterHelp =
  'To get the files in this Zap, add a **Delay by Zapier** step (2 minutes) after this one, then **Find Stored Report File** with this report\u2019s ID. ' +
  'Or let another Zap start on **New Stored Report File** for the whole tenant (leave its Report empty): it sees the files when they are saved.';

const notWaited = (report: Report, note: string) => ({ ...report, files_ready: false, files: [], note });

export async function perform(z: ZObject, bundle: Bundle) {
  const startedAt = Date.now();
  const tenantId = tenantInput(bundle);
  const level = textInput(bundle.inputData['level']);
  const requested = Number(textInput(bundle.inputData['waitSeconds']) ?? maxWaitSeconds);
  const waitSeconds = Math.min(maxWaitSeconds, Math.max(1, Number.isFinite(requested) ? requested : maxWaitSeconds));
  return withClient(z, bundle, async (client) => {
    // a mapped date-time is as good as YYYY-MM: core takes its month, and refuses what is neither, naming the field
    const month = parseMonthField(bundle.inputData['month'], 'Month');
    const wait = parseBooleanField(bundle.inputData['waitForFiles'], 'Wait for Files') ?? false;
    const report: Report = await client.createBillingReport({
      ...(tenantId ? { tenantId } : {}),
      ...(month ? { month } : {}),
      ...(level ? { level: level as Report['parameters']['level'] } : {}),
    });
    if (!wait) return notWaited(report, `Not waited for. Generation usually takes 1 to 2 minutes. ${filesLaterHelp}`);
    const createdAt = Date.now();
    const budgetMs = waitBudgetMs(startedAt, createdAt - startedAt, waitSeconds * 1000, createdAt);
    const tooLate = (spent: string) =>
      notWaited(report, `The report was created, but its files were not ready ${spent} (Zapier stops a step after 30 s). Generation usually takes 1 to 2 minutes. ${filesLaterHelp}`);
    if (budgetMs === 0) return tooLate('before this step ran out of time: the data center answered slowly');
    // Zapier ends the step at 30 s whatever happens: a poll still in flight then is cut off here, with the margin kept.
    const stepEnd = AbortSignal.timeout(Math.max(1, stepTimeLeftMs(startedAt)));
    try {
      const files = await client.waitForStoredReports(report.id, { report, timeoutMs: budgetMs, initialDelayMs: 1000, maxDelayMs: 3000, signal: stepEnd });
      return { ...report, files_ready: true, files: files.map((item) => storedFileOutput(z, report.id, item, report)), note: '' };
    } catch (error) {
      if (error instanceof WaitTimeoutError || stepEnd.aborted) return tooLate(`within ${Math.round(budgetMs / 1000)} s`);
      throw error;
    }
  });
}

export default defineCreate({
  key: 'createBillingReport',
  noun: 'Billing Report',
  display: {
    label: 'Create Billing Report',
    description:
      'Creates the billing report of a month (a one-time usage summary for direct partners in csv_v2_0 and json_v2_0, zero usage hidden, SKUs shown). Its files take 1 to 2 minutes: get them with a Delay step and Find Stored Report File.',
  },
  operation: {
    inputFields: [
      tenantIdField,
      { key: 'month', label: 'Month', type: 'string', required: false, helpText: 'The month to bill, YYYY-MM (or a mapped date: its month is taken). Leave empty for the last full month.' },
      { ...levelField, required: false, helpText: `${levelField.helpText} Default: direct_partners.` },
      {
        key: 'waitForFiles',
        label: 'Wait for Files',
        type: 'boolean',
        required: false,
        default: 'no',
        helpText: `Wait briefly for the files and include them when they are ready in time. Zapier stops a step after 30 s, and files usually take 1 to 2 minutes, so they are rarely ready: ${filesLaterHelp}`,
      },
      { key: 'waitSeconds', label: 'Wait Up to (Seconds)', type: 'integer', required: false, helpText: `How long to wait for the files, at most ${maxWaitSeconds} s; less when the data center answers slowly, so that the step ends within Zapier's 30 s.` },
    ],
    perform,
    sample: { ...sampleReport, files_ready: false, files: [], note: `Not waited for. Generation usually takes 1 to 2 minutes. ${filesLaterHelp}` },
    outputFields: [
      ...reportOutputFields,
      { key: 'files_ready', label: 'Files Ready', type: 'boolean' },
      { key: 'files[]id', label: 'File Stored ID' },
      { key: 'files[]report_format', label: 'File Format' },
      { key: 'files[]file', label: 'File', type: 'file' },
      { key: 'note', label: 'Note' },
    ],
  },
});
