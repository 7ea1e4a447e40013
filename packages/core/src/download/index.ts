// The public part of the download toolkit: decoding, reading and naming stored report files, and usage rows.
export { decodeStoredReportBody } from './gzip.js';
export { readBytes, readText, readJson } from './read.js';
export { periodLabel, storedReportFileName, type StoredReportNameInput } from './file-name.js';
export { parseUsageRows } from './usage.js';
export type { UsageUnits } from './units.js';
export type { UsageAmounts, UsageRow, UsageFormat } from './usage-row.js';
