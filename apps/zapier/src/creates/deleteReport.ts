import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { withClient } from '../client.js';
import { reportIdField } from '../fields.js';

/** Core looks the current version up (and once more on a conflict) before it deletes. */
export async function perform(z: ZObject, bundle: Bundle) {
  const reportId = String(bundle.inputData['reportId'] ?? '');
  return withClient(z, bundle, async (client) => {
    await client.deleteReport(reportId);
    return { id: reportId, deleted: true };
  });
}

export default defineCreate({
  key: 'deleteReport',
  noun: 'Report',
  display: { label: 'Delete Report', description: 'Deletes a report; its schedule stops and its stored files go with it.' },
  operation: {
    inputFields: [reportIdField],
    perform,
    sample: { id: '3f0c1d7e-8a52-4c8e-9a51-2f7d0c9b1e44', deleted: true },
    outputFields: [{ key: 'id', label: 'Report ID' }, { key: 'deleted', label: 'Deleted', type: 'boolean' }],
  },
});
