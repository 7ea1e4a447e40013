import { updateFieldKeys } from '@acronis-reports/core';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { withClient } from '../client.js';
import { fieldLabelsOf, hideZeroUsageField, kindField, levelField, recipientsField, reportFieldsOf, reportIdField, showSkusField } from '../fields.js';
import { reportOutputFields, sampleReport } from '../samples.js';

const inputFields = [
  { ...reportIdField, helpText: 'The monthly report to change. One-time reports cannot be changed.' },
  { ...kindField, required: false },
  { ...levelField, required: false },
  { key: 'enabled', label: 'Schedule Enabled', type: 'boolean', required: false, helpText: 'No pauses the schedule; yes resumes it.' },
  { ...hideZeroUsageField, required: false },
  { ...showSkusField, required: false },
  recipientsField,
] as const;

/** The inputs are core's flat fields by key: only what the user filled in is sent. */
export async function perform(z: ZObject, bundle: Bundle) {
  const fields = reportFieldsOf(bundle.inputData, updateFieldKeys);
  const labels = fieldLabelsOf(inputFields, 'Update Scheduled Report');
  return withClient(z, bundle, (client) => client.updateReportFromFields(String(bundle.inputData['reportId'] ?? ''), fields, { labels }));
}

export default defineCreate({
  key: 'updateReport',
  noun: 'Report',
  display: { label: 'Update Scheduled Report', description: 'Updates a monthly report: its kind, level, recipients and options, or pauses and resumes its schedule.' },
  operation: {
    inputFields: [...inputFields],
    perform,
    sample: { ...sampleReport, version: 2, schedule: { type: 'monthly', enabled: false } },
    outputFields: [...reportOutputFields],
  },
});
