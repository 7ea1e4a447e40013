import { createFieldKeys } from '@acronis-reports/core';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { withClient } from '../client.js';
import {
  fieldLabelsOf,
  formatsField,
  hideZeroUsageField,
  kindField,
  levelField,
  recipientsField,
  resultActionField,
  scheduleTypeField,
  showSkusField,
  tenantIdField,
  tenantInput,
  reportFieldsOf,
} from '../fields.js';
import { reportOutputFields, sampleReport } from '../samples.js';

/** The inputs are core's flat fields by key; an empty tenant is the one learned at sign-in, else core looks it up. */
export async function perform(z: ZObject, bundle: Bundle) {
  const fields = { ...reportFieldsOf(bundle.inputData, createFieldKeys), tenantId: tenantInput(bundle) };
  return withClient(z, bundle, (client) => client.createReportFromFields(fields, { labels: fieldLabelsOf(createReportInputFields) }));
}

export const createReportInputFields = [
  tenantIdField,
  { ...kindField, required: true, default: 'usage_summary' },
  { ...levelField, required: true, default: 'direct_partners' },
  { ...formatsField, required: false },
  { key: 'periodStart', label: 'Period Start', type: 'string', required: false, helpText: 'First day, YYYY-MM-DD (or a mapped date-time: its date is taken). Leave both dates empty for the current month up to yesterday.' },
  { key: 'periodEnd', label: 'Period End', type: 'string', required: false, helpText: 'Last day, YYYY-MM-DD (or a mapped date-time: its date is taken), not in the future.' },
  { ...resultActionField, required: true, default: 'save' },
  recipientsField,
  { ...scheduleTypeField, required: true, default: 'once' },
  { key: 'enabled', label: 'Schedule Enabled', type: 'boolean', required: false, helpText: 'Monthly reports only: whether the schedule runs.' },
  { key: 'generationDate', label: 'Generation Date', type: 'string', required: false, helpText: 'One-time reports: the day to generate it (YYYY-MM-DD). Leave empty for now.' },
  { ...hideZeroUsageField, required: false },
  { ...showSkusField, required: false },
] as const;

export default defineCreate({
  key: 'createReport',
  noun: 'Report',
  display: { label: 'Create Report', description: 'Creates a usage report (one time or monthly) for a tenant. Its files take 1 to 2 minutes: get them with a Delay step and Find Stored Report File.' },
  operation: {
    inputFields: [...createReportInputFields],
    perform,
    sample: sampleReport,
    outputFields: [...reportOutputFields],
  },
});
