import type { ReportCreateRequest } from '@acronis-reports/core';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { withClient } from '../client.js';
import {
  booleanInput,
  formatsField,
  hideZeroUsageField,
  kindField,
  levelField,
  listInput,
  recipientsField,
  resultActionField,
  scheduleTypeField,
  showSkusField,
  tenantIdField,
  textInput,
} from '../fields.js';
import { reportOutputFields, sampleReport } from '../samples.js';

/** The create request from the step's input; core validates it (a clear error, nothing sent, on bad input). */
export function createRequestFrom(input: Record<string, unknown>, ownTenantId: string): ReportCreateRequest {
  const resultAction = (textInput(input['resultAction']) ?? 'save') as ReportCreateRequest['result_action'];
  const scheduleType = (textInput(input['scheduleType']) ?? 'once') as ReportCreateRequest['schedule']['type'];
  const start = textInput(input['periodStart']);
  const end = textInput(input['periodEnd']);
  const formats = listInput(input['formats']);
  const hideZeroUsage = booleanInput(input['hideZeroUsage']);
  const showSkus = booleanInput(input['showSkus']);
  const enabled = booleanInput(input['enabled']);
  const generationDate = textInput(input['generationDate']);
  const request = {
    result_action: resultAction,
    recipients: listInput(input['recipients']) ?? [],
    parameters: {
      tenant_id: textInput(input['tenantId']) ?? ownTenantId,
      kind: textInput(input['kind']),
      level: textInput(input['level']),
      ...(formats ? { formats } : {}),
      ...(start || end ? { period: { start: start ?? '', end: end ?? '' } } : {}),
      ...(hideZeroUsage === undefined ? {} : { hide_zero_usage: hideZeroUsage }),
      ...(showSkus === undefined ? {} : { show_skus: showSkus }),
    },
    schedule: { type: scheduleType, ...(scheduleType === 'monthly' && enabled !== undefined ? { enabled } : {}) },
    ...(generationDate ? { generation_date: generationDate.slice(0, 10) } : {}),
  };
  return request as ReportCreateRequest;
}

export async function perform(z: ZObject, bundle: Bundle) {
  return withClient(z, bundle, async (client) => {
    const ownTenant = textInput(bundle.inputData['tenantId']) ? '' : (bundle.authData['tenant_id'] || (await client.getOwnTenantId()));
    return client.createReport(createRequestFrom(bundle.inputData, ownTenant));
  });
}

export const createReportInputFields = [
  tenantIdField,
  { ...kindField, required: true, default: 'usage_summary' },
  { ...levelField, required: true, default: 'direct_partners' },
  { ...formatsField, required: false },
  { key: 'periodStart', label: 'Period Start', type: 'string', required: false, helpText: 'First day, YYYY-MM-DD. Leave both dates empty for the current month up to yesterday.' },
  { key: 'periodEnd', label: 'Period End', type: 'string', required: false, helpText: 'Last day, YYYY-MM-DD, not in the future.' },
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
