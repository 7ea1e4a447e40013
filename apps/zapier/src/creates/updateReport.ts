import type { ReportUpdateRequest } from '@acronis-reports/core';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { withClient } from '../client.js';
import { booleanInput, hideZeroUsageField, kindField, levelField, listInput, recipientsField, reportIdField, showSkusField, textInput } from '../fields.js';
import { reportOutputFields, sampleReport } from '../samples.js';

/** Only what the user filled in is sent; the API allows nothing else on an update. */
export function updateRequestFrom(input: Record<string, unknown>): ReportUpdateRequest {
  const kind = textInput(input['kind']);
  const level = textInput(input['level']);
  const hideZeroUsage = booleanInput(input['hideZeroUsage']);
  const showSkus = booleanInput(input['showSkus']);
  const enabled = booleanInput(input['enabled']);
  const recipients = listInput(input['recipients']);
  const parameters = {
    ...(kind ? { kind } : {}),
    ...(level ? { level } : {}),
    ...(hideZeroUsage === undefined ? {} : { hide_zero_usage: hideZeroUsage }),
    ...(showSkus === undefined ? {} : { show_skus: showSkus }),
  };
  return {
    ...(recipients ? { recipients } : {}),
    ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
    ...(enabled === undefined ? {} : { schedule: { enabled } }),
  } as ReportUpdateRequest;
}

export async function perform(z: ZObject, bundle: Bundle) {
  return withClient(z, bundle, (client) => client.updateReport(String(bundle.inputData['reportId'] ?? ''), updateRequestFrom(bundle.inputData)));
}

export default defineCreate({
  key: 'updateReport',
  noun: 'Report',
  display: { label: 'Update Scheduled Report', description: 'Updates a monthly report: its kind, level, recipients and options, or pauses and resumes its schedule.' },
  operation: {
    inputFields: [
      { ...reportIdField, helpText: 'The monthly report to change. One-time reports cannot be changed.' },
      { ...kindField, required: false },
      { ...levelField, required: false },
      { key: 'enabled', label: 'Schedule Enabled', type: 'boolean', required: false, helpText: 'No pauses the schedule; yes resumes it.' },
      { ...hideZeroUsageField, required: false },
      { ...showSkusField, required: false },
      recipientsField,
    ],
    perform,
    sample: { ...sampleReport, version: 2, schedule: { type: 'monthly', enabled: false } },
    outputFields: [...reportOutputFields],
  },
});
