import { WaitTimeoutError, type Report } from '@acronis-reports/core';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { withClient } from '../client.js';
import { booleanInput, levelField, tenantIdField, tenantInput, textInput } from '../fields.js';
import { storedFileOutput } from '../files.js';
import { reportOutputFields, sampleReport, sampleStoredFile } from '../samples.js';

/**
 * Zapier gives a create 30 s in all; the create itself, the wait and the answer must fit. The wait stops well
 * before and says where the files will turn up instead.
 */
export const maxWaitSeconds = 20;

export async function perform(z: ZObject, bundle: Bundle) {
  const tenantId = tenantInput(bundle);
  const month = textInput(bundle.inputData['month']);
  const level = textInput(bundle.inputData['level']);
  const wait = booleanInput(bundle.inputData['waitForFiles']) ?? false;
  const requested = Number(textInput(bundle.inputData['waitSeconds']) ?? maxWaitSeconds);
  const waitSeconds = Math.min(maxWaitSeconds, Math.max(1, Number.isFinite(requested) ? requested : maxWaitSeconds));
  return withClient(z, bundle, async (client) => {
    const report: Report = await client.createBillingReport({
      ...(tenantId ? { tenantId } : {}),
      ...(month ? { month } : {}),
      ...(level ? { level: level as Report['parameters']['level'] } : {}),
    });
    if (!wait) return { ...report, files_ready: false, files: [], note: 'Not waited for: the files turn up in the New Stored Report File trigger when they are ready (usually 1 to 2 minutes).' };
    try {
      const files = await client.waitForStoredReports(report.id, { timeoutMs: waitSeconds * 1000, initialDelayMs: 1000, maxDelayMs: 3000 });
      return { ...report, files_ready: true, files: files.map((item) => storedFileOutput(z, report.id, item, report)), note: '' };
    } catch (error) {
      if (error instanceof WaitTimeoutError) {
        return {
          ...report,
          files_ready: false,
          files: [],
          note: `The report was created, but its files were not ready within ${waitSeconds} s (Zapier gives an action 30 s). Use the New Stored Report File trigger with this report to get them when they are ready; generation usually takes 1 to 2 minutes.`,
        };
      }
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
      'Creates the billing report of a month (a one-time usage summary for direct partners in csv_v2_0 and json_v2_0, zero usage hidden, SKUs shown) and can wait briefly for its files.',
  },
  operation: {
    inputFields: [
      tenantIdField,
      { key: 'month', label: 'Month', type: 'string', required: false, helpText: 'The month to bill, YYYY-MM. Leave empty for the last full month.' },
      { ...levelField, required: false, helpText: `${levelField.helpText} Default: direct_partners.` },
      {
        key: 'waitForFiles',
        label: 'Wait for Files',
        type: 'boolean',
        required: false,
        default: 'no',
        helpText: `Wait up to ${maxWaitSeconds} seconds for the files and include them. Zapier stops an action after 30 s, so files that take longer turn up in the **New Stored Report File** trigger instead.`,
      },
      { key: 'waitSeconds', label: 'Wait Up To (seconds)', type: 'integer', required: false, helpText: `At most ${maxWaitSeconds}.` },
    ],
    perform,
    sample: { ...sampleReport, files_ready: true, files: [sampleStoredFile], note: '' },
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
