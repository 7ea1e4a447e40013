import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { withClient } from '../client.js';
import { tenantIdField, tenantInput } from '../fields.js';
import { reportOutputFields, sampleReport } from '../samples.js';
import { boundNote, watchStep } from '../watch.js';

/** Reports created since the last poll, newest first (the API lists them oldest first and carries no creation time). */
export async function perform(z: ZObject, bundle: Bundle) {
  const tenantId = tenantInput(bundle);
  return withClient(z, bundle, async (client) => (await watchStep(z, bundle, client, 'newReport', { event: 'newReport', ...(tenantId ? { tenantId } : {}) })).reports);
}

export default defineTrigger({
  key: 'newReport',
  noun: 'Report',
  display: { label: 'New Report', description: `Triggers when a report is created in a tenant. ${boundNote}` },
  operation: {
    type: 'polling',
    inputFields: [tenantIdField],
    perform,
    sample: sampleReport,
    outputFields: [...reportOutputFields],
  },
});
