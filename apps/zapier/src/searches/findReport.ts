import { NotFoundError } from '@acronis-reports/core';
import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { reportsClient, toZapierError } from '../client.js';
import { reportIdField } from '../fields.js';
import { reportOutputFields, sampleReport } from '../samples.js';

/** The report with this id, or nothing when there is none (a 404 is an empty result, not an error). */
export async function perform(z: ZObject, bundle: Bundle) {
  const client = reportsClient(z, bundle);
  try {
    return [await client.getReport(String(bundle.inputData['reportId'] ?? '').trim())];
  } catch (error) {
    if (error instanceof NotFoundError) return [];
    throw toZapierError(z, error);
  }
}

export default defineSearch({
  key: 'findReport',
  noun: 'Report',
  display: { label: 'Find Report', description: 'Finds a report by its id.' },
  operation: {
    inputFields: [{ ...reportIdField, dynamic: undefined, helpText: 'The report id (UUID).' }],
    perform,
    sample: sampleReport,
    outputFields: [...reportOutputFields],
  },
});
