import type { ReportFormat } from '../generated/enums.js';

export interface FormatInfo {
  /** The plain file extension, without a dot: `csv`, `json`, `html`. */
  extension: string;
  /** What ends a file name made by `storedReportFileName`; distinct for each format (`.table.csv`, `.csv`...). */
  suffix: string;
  contentType: string;
}

const CSV = 'text/csv; charset=utf-8';
const JSON_TYPE = 'application/json';
const HTML = 'text/html; charset=utf-8';

// csv_v2_0 and json_v2_0 are the formats meant for automation, so they get the plain suffixes.
const FORMATS: Readonly<Record<ReportFormat, FormatInfo>> = {
  csv: { extension: 'csv', suffix: '.table.csv', contentType: CSV },
  html: { extension: 'html', suffix: '.html', contentType: HTML },
  json_v1: { extension: 'json', suffix: '.v1.json', contentType: JSON_TYPE },
  csv_v2_0: { extension: 'csv', suffix: '.csv', contentType: CSV },
  json_v2_0: { extension: 'json', suffix: '.json', contentType: JSON_TYPE },
};

export function formatInfo(format: ReportFormat): FormatInfo {
  const info = FORMATS[format];
  if (!info) throw new Error(`Unknown report format "${String(format)}"; expected one of ${Object.keys(FORMATS).join(', ')}.`);
  return info;
}
