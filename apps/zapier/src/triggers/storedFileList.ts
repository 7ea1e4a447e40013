import { createdAtMs, type StoredReport } from '@acronis-reports/core';
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { withClient } from '../client.js';
import { textInput } from '../fields.js';
import { sampleStoredFile } from '../samples.js';

export const storedFileLabel = (item: StoredReport) => `${item.report_format}, ${item.status}, ${item.created_at} (${item.id.slice(0, 8)})`;

/** Feeds the Stored File dropdown: the files of the report picked in the same step, newest first. */
export async function perform(z: ZObject, bundle: Bundle) {
  const reportId = textInput(bundle.inputData['reportId']);
  if (!reportId) return [];
  return withClient(z, bundle, async (client) => {
    const items = await client.listStoredReports(reportId);
    return [...items].sort((a, b) => createdAtMs(b) - createdAtMs(a)).map((item) => ({ ...item, label: storedFileLabel(item) }));
  });
}

export default defineTrigger({
  key: 'storedFileList',
  noun: 'Stored Report File',
  display: { label: 'List Stored Report Files', description: 'Lists the stored files of a report, for dropdowns.', hidden: true },
  operation: {
    type: 'polling',
    perform,
    sample: { ...sampleStoredFile, label: storedFileLabel(sampleStoredFile as unknown as StoredReport) },
    outputFields: [{ key: 'id', label: 'Stored File ID' }, { key: 'label', label: 'Label' }],
  },
});
