import type { ReportFormat } from '@acronis-reports/core';
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { withClient } from '../client.js';
import { formatField, formatInput, reportIdField, tenantIdField, tenantInput, textInput } from '../fields.js';
import { storedFileOutput } from '../files.js';
import { sampleStoredFile, storedFileOutputFields } from '../samples.js';
import { boundNote, watchStep } from '../watch.js';

export async function perform(z: ZObject, bundle: Bundle) {
  const reportId = textInput(bundle.inputData['reportId']);
  const tenantId = tenantInput(bundle);
  const format = formatInput(z, bundle.inputData['format']);
  return withClient(z, bundle, async (client) => {
    const target = reportId ? { reportId } : tenantId ? { tenantId } : {};
    const { files } = await watchStep(z, bundle, client, 'newStoredReportFile', { event: 'saved', ...target, ...(format ? { formats: [format as ReportFormat] } : {}) });
    return files.map(({ report, item }) => storedFileOutput(z, report.id, item, report));
  });
}

export default defineTrigger({
  key: 'newStoredReportFile',
  noun: 'Stored Report File',
  display: {
    label: 'New Stored Report File',
    description: `Triggers when a report file is ready to download (saved), for one report or for all reports of a tenant. The file is included (files over 100 MB are refused: use the command line or n8n for those). ${boundNote}`,
  },
  operation: {
    type: 'polling',
    inputFields: [
      { ...tenantIdField, helpText: `${tenantIdField.helpText} Used when no report is picked.` },
      { ...reportIdField, required: false, helpText: 'Only files of this report. Leave empty for files of every report of the tenant.' },
      formatField,
    ],
    perform,
    sample: sampleStoredFile,
    outputFields: [...storedFileOutputFields],
  },
});
