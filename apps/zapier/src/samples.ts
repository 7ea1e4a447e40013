// Samples shown in the Zap editor before a user's own data exists.
export const sampleReport = {
  id: '3f0c1d7e-8a52-4c8e-9a51-2f7d0c9b1e44',
  version: 1,
  result_action: 'save',
  recipients: [],
  parameters: {
    tenant_id: '0b7e3a51-6c2d-4f1a-8e9b-5d4c3b2a1f00',
    level: 'direct_partners',
    kind: 'usage_summary',
    formats: ['csv_v2_0', 'json_v2_0'],
    period: { start: '2026-10-01', end: '2026-10-31' },
    hide_zero_usage: true,
    show_skus: true,
  },
  schedule: { type: 'once' },
  generation_date: '2026-11-15',
};

export const sampleStoredFile = {
  id: '9d1e2f3a-4b5c-4d6e-8f70-112233445566',
  report_id: sampleReport.id,
  report_format: 'csv_v2_0',
  status: 'saved',
  size: 48213,
  created_at: '2026-11-15T12:00:03+00:00',
  report_kind: 'usage_summary',
  report_level: 'direct_partners',
  tenant_id: sampleReport.parameters.tenant_id,
  file: 'SAMPLE FILE',
};

export const reportOutputFields = [
  { key: 'id', label: 'Report ID' },
  { key: 'version', label: 'Version', type: 'integer' },
  { key: 'result_action', label: 'Result' },
  { key: 'recipients', label: 'Recipients', list: true },
  { key: 'parameters__tenant_id', label: 'Tenant ID' },
  { key: 'parameters__kind', label: 'Kind' },
  { key: 'parameters__level', label: 'Level' },
  { key: 'parameters__formats', label: 'Formats', list: true },
  { key: 'parameters__period__start', label: 'Period Start', type: 'datetime' },
  { key: 'parameters__period__end', label: 'Period End', type: 'datetime' },
  { key: 'parameters__hide_zero_usage', label: 'Hide Zero Usage', type: 'boolean' },
  { key: 'parameters__show_skus', label: 'Show SKUs', type: 'boolean' },
  { key: 'schedule__type', label: 'Schedule' },
  { key: 'schedule__enabled', label: 'Schedule Enabled', type: 'boolean' },
  { key: 'generation_date', label: 'Generation Date', type: 'datetime' },
] as const;

export const storedFileOutputFields = [
  { key: 'id', label: 'Stored File ID' },
  { key: 'report_id', label: 'Report ID' },
  { key: 'report_format', label: 'Format' },
  { key: 'status', label: 'Status' },
  { key: 'size', label: 'Compressed Size (Bytes)', type: 'integer' },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'report_kind', label: 'Report Kind' },
  { key: 'report_level', label: 'Report Level' },
  { key: 'tenant_id', label: 'Tenant ID' },
  { key: 'file', label: 'File', type: 'file' },
] as const;
