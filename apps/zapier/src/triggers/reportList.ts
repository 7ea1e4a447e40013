import { reportLabel, type Report } from '@acronis-reports/core';
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { withClient } from '../client.js';
import { sampleReport } from '../samples.js';

/**
 * Reports per dropdown page. With 10 fetched at a time a page is the id list plus five rounds of report fetches:
 * about 2 s at 300 ms a request, far inside Zapier's 30 s, whether the tenant has 50 reports or 5,000.
 */
export const dropdownPageSize = 50;
const concurrency = 10;

/** Feeds the Report dropdowns a page at a time (Zapier's "Load more" asks for the next): the tenant's reports, newest first. */
export async function perform(z: ZObject, bundle: Bundle) {
  const page = bundle.meta?.page ?? 0;
  return withClient(z, bundle, async (client) => {
    const { reports } = await client.reportPage(bundle.authData['tenant_id'] || undefined, {
      offset: page * dropdownPageSize,
      limit: dropdownPageSize,
      newestFirst: true,
      concurrency,
    });
    return reports.map((report) => ({ ...report, label: reportLabel(report) }));
  });
}

export default defineTrigger({
  key: 'reportList',
  noun: 'Report',
  display: { label: 'List Reports', description: 'Lists the reports of the connection\u2019s tenant, for dropdowns.', hidden: true },
  operation: {
    type: 'polling',
    perform,
    canPaginate: true,
    sample: { ...sampleReport, label: reportLabel(sampleReport as unknown as Report) },
    outputFields: [{ key: 'id', label: 'Report ID' }, { key: 'label', label: 'Label' }],
  },
});
