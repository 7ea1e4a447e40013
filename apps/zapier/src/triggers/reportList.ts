import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import type { Report } from '@acronis-reports/core';
import { withClient } from '../client.js';
import { sampleReport } from '../samples.js';

export const reportLabel = (report: Report) => {
  const period = report.parameters.period ? ` ${report.parameters.period.start}..${report.parameters.period.end}` : '';
  return `${report.parameters.kind}, ${report.parameters.level}, ${report.schedule?.type ?? 'once'}${period} (${report.id.slice(0, 8)})`;
};

/** Feeds the Report dropdowns: the connection's own tenant's reports, newest first. */
export async function perform(z: ZObject, bundle: Bundle) {
  return withClient(z, bundle, async (client) => {
    const reports = await client.listTenantReports(bundle.authData['tenant_id'] || undefined, { concurrency: 5 });
    return [...reports].reverse().map((report) => ({ ...report, label: reportLabel(report) }));
  });
}

export default defineTrigger({
  key: 'reportList',
  noun: 'Report',
  display: { label: 'List Reports', description: 'Lists the reports of the connection\u2019s tenant, for dropdowns.', hidden: true },
  operation: {
    type: 'polling',
    perform,
    sample: { ...sampleReport, label: reportLabel(sampleReport as unknown as Report) },
    outputFields: [{ key: 'id', label: 'Report ID' }, { key: 'label', label: 'Label' }],
  },
});
