export { decodeStoredReportBody } from './gzip.js';
export { readBytes, readText, readJson, decodeUtf8 } from './read.js';
export { formatInfo, type FormatInfo } from './formats.js';
export { periodLabel, storedReportFileName, type StoredReportNameInput } from './file-name.js';
export { parseCsv, CsvTokenizer } from './csv.js';
export { parseUsageRows } from './usage.js';
export { usageRowBatches } from './usage-batches.js';
export { unitConversion, pointsFromSeconds, inferRawUnit, type UsageUnits } from './units.js';
export type { UsageAmounts, UsageRow, UsageFormat } from './usage-row.js';
