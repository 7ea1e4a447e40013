import { chunksOf } from './chunks.js';
import { parseCsv } from './csv.js';
import { JsonTenantsScanner } from './json-tenants.js';
import { decodeUtf8 } from './read.js';
import { CsvUsageReader } from './usage-csv.js';
import { elementUsageRows } from './usage-json.js';
import type { UsageUnits } from './units.js';
import type { UsageFormat, UsageRow } from './usage-row.js';

/**
 * The usage rows of a decompressed csv_v2_0 or json_v2_0 file (see `decodeStoredReportBody`), one at a time
 * and in file order, with units normalised (GB, points, count). Both formats of one report give the same rows.
 * Breaking out of the loop cancels the stream. With `units: 'file'` the amounts stay as the file writes them
 * (bytes, seconds, quantity), unconverted and unrounded, and `unit` names the file's unit.
 */
export function parseUsageRows(
  stream: ReadableStream<Uint8Array>,
  format: UsageFormat,
  options: { units?: UsageUnits } = {},
): AsyncIterable<UsageRow> {
  const units = options.units ?? 'normalised';
  switch (format) {
    case 'csv_v2_0':
      return csvRows(stream, units);
    case 'json_v2_0':
      return jsonRows(stream, units);
    default:
      throw new Error(`Usage rows can be read from csv_v2_0 and json_v2_0 files, not from ${String(format)}.`);
  }
}

async function* csvRows(stream: ReadableStream<Uint8Array>, units: UsageUnits): AsyncIterable<UsageRow> {
  const reader = new CsvUsageReader(units);
  let header = false;
  for await (const record of parseCsv(decodeUtf8(stream))) {
    const row = reader.read(record);
    if (row) yield row;
    else header = true;
  }
  if (!header) throw new Error('csv_v2_0 file is empty: it has no header row.');
}

async function* jsonRows(stream: ReadableStream<Uint8Array>, units: UsageUnits): AsyncIterable<UsageRow> {
  const scanner = new JsonTenantsScanner();
  let index = 0;
  for await (const text of chunksOf(decodeUtf8(stream))) {
    for (const element of scanner.push(text)) yield* elementUsageRows(element, index++, units);
  }
  scanner.end();
}
