import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { withClient } from '../client.js';
import { tenantIdField, tenantInput } from '../fields.js';
import { reportOutputFields, sampleReport } from '../samples.js';

/** The tenant's reports, newest first: the API lists them oldest first and carries no creation time. */
export async function perform(z: ZObject, bundle: Bundle) {
  return withClient(z, bundle, async (client) => {
    const reports = await client.listTenantReports(tenantInput(bundle), { concurrency: 5 });
    return [...reports].reverse();
  });
}

export default defineTrigger({
  key: 'newReport',
  noun: 'Report',
  display: { label: 'New Report', description: 'Triggers when a report is created in a tenant.' },
  operation: {
    type: 'polling',
    inputFields: [tenantIdField],
    perform,
    sample: sampleReport,
    outputFields: [...reportOutputFields],
  },
});
