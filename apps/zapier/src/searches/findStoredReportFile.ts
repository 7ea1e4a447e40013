import { newestSavedFiles, NotFoundError } from '@acronis-reports/core';
import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { reportsClient, toZapierError } from '../client.js';
import { formatField, formatInput, reportIdField } from '../fields.js';
import { storedFileOutput } from '../files.js';
import { sampleStoredFile, storedFileOutputFields } from '../samples.js';

/** The newest saved file of a report, in a format when one is given; nothing when there is none yet. */
export async function perform(z: ZObject, bundle: Bundle) {
  const reportId = String(bundle.inputData['reportId'] ?? '').trim();
  const format = formatInput(z, bundle.inputData['format']);
  const client = reportsClient(z, bundle);
  try {
    const report = await client.getReport(reportId);
    const saved = newestSavedFiles(await client.listStoredReports(reportId), format);
    return saved.slice(0, 1).map((item) => storedFileOutput(z, reportId, item, report));
  } catch (error) {
    if (error instanceof NotFoundError) return [];
    throw toZapierError(z, error);
  }
}

export default defineSearch({
  key: 'findStoredReportFile',
  noun: 'Stored Report File',
  display: { label: 'Find Stored Report File', description: 'Finds the newest saved file of a report, in a format. The file is included (up to 100 MB).' },
  operation: {
    inputFields: [reportIdField, formatField],
    perform,
    sample: sampleStoredFile,
    outputFields: [...storedFileOutputFields],
  },
});
