import type { ReportFormat } from '@acronis-reports/core';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { withClient } from '../client.js';
import { formatField, formatInput, reportIdField, storedReportIdField, textInput } from '../fields.js';
import { stashDownload } from '../files.js';

export async function perform(z: ZObject, bundle: Bundle) {
  const reportId = String(bundle.inputData['reportId'] ?? '');
  const storedReportId = textInput(bundle.inputData['storedReportId']);
  const format = formatInput(z, bundle.inputData['format']);
  return withClient(z, bundle, async (client) => {
    // core chooses the file and says why there is none: not ready yet, never, or failed
    const download = await client.downloadStoredFile(reportId, storedReportId ? { storedReportId } : format ? { format: format as ReportFormat } : {});
    const stashed = await stashDownload(z, download);
    return {
      id: stashed.storedReport.id,
      report_id: reportId,
      report_format: stashed.format,
      file: stashed.url,
      file_name: stashed.fileName,
      content_type: stashed.contentType,
      compressed_size: stashed.compressedSize,
      created_at: stashed.storedReport.created_at,
    };
  });
}

export default defineCreate({
  key: 'downloadStoredReportFile',
  noun: 'Stored Report File',
  display: {
    label: 'Download Stored Report File',
    description: 'Downloads a saved report file, decompressed and with its real file name, for the next steps (up to 100 MB; use the command line or n8n for larger files).',
  },
  operation: {
    inputFields: [
      reportIdField,
      storedReportIdField,
      formatField,
    ],
    perform,
    sample: {
      id: '9d1e2f3a-4b5c-4d6e-8f70-112233445566',
      report_id: '3f0c1d7e-8a52-4c8e-9a51-2f7d0c9b1e44',
      report_format: 'csv_v2_0',
      file: 'https://zapier-dev-files.s3.amazonaws.com/cli-platform/usage_summary-2026-10.csv',
      file_name: 'usage_summary-2026-10.csv',
      content_type: 'text/csv; charset=utf-8',
      compressed_size: 48213,
      created_at: '2026-11-15T12:00:03+00:00',
    },
    outputFields: [
      { key: 'id', label: 'Stored File ID' },
      { key: 'report_id', label: 'Report ID' },
      { key: 'report_format', label: 'Format' },
      { key: 'file', label: 'File', type: 'file' },
      { key: 'file_name', label: 'File Name' },
      { key: 'content_type', label: 'Content Type' },
      { key: 'compressed_size', label: 'Compressed Size (Bytes)', type: 'integer' },
      { key: 'created_at', label: 'Created At', type: 'datetime' },
    ],
  },
});
