import { NotFoundError, StoredFileNotReadyError, type ReportFormat } from '@acronis-reports/core';
import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { reportsClient, toZapierError } from '../client.js';
import { formatField, formatInput, reportIdField } from '../fields.js';
import { storedFileOutput } from '../files.js';
import { sampleStoredFile, storedFileOutputFields } from '../samples.js';

/**
 * The newest saved file of a report, in a format when one is given (core's rule, as Download Stored Report File
 * uses it). Nothing found while the file is still being generated, or for an unknown report; a file that will
 * never exist, or whose generation failed, is an error that says so.
 */
export async function perform(z: ZObject, bundle: Bundle) {
  const reportId = String(bundle.inputData['reportId'] ?? '').trim();
  const format = formatInput(z, bundle.inputData['format']);
  const client = reportsClient(z, bundle);
  try {
    const { report, storedReport } = await client.findStoredFile(reportId, format ? { format: format as ReportFormat } : {});
    return [storedFileOutput(z, reportId, storedReport, report)];
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof StoredFileNotReadyError) return [];
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
