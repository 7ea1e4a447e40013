// The usage rows of a file a chunk at a time: one array per decoded chunk instead of one await per row. Callers
// that fold rows into something small (billing lines) then touch each row once, synchronously, and it dies young:
// per-row async iteration keeps a chunk's rows alive across hundreds of microtask turns, long enough for the
// garbage collector to promote them, and the heap then swells with the file's size before a full collection.

import { chunksOf } from './chunks.js';
import { CsvTokenizer } from './csv.js';
import { JsonTenantsScanner } from './json-tenants.js';
import { decodeUtf8 } from './read.js';
import type { UsageUnits } from './units.js';
import { CsvUsageReader } from './usage-csv.js';
import { elementUsageRows } from './usage-json.js';
import type { UsageFormat, UsageRow } from './usage-row.js';

/** The same rows as `parseUsageRows`, in file order, in batches (empty batches are skipped). */
export async function* usageRowBatches(
  stream: ReadableStream<Uint8Array>,
  format: UsageFormat,
  options: { units?: UsageUnits } = {},
): AsyncIterable<UsageRow[]> {
  const units = options.units ?? 'normalised';
  if (format === 'csv_v2_0') {
    const tokenizer = new CsvTokenizer();
    const reader = new CsvUsageReader(units);
    let header = false;
    const rowsOf = (records: string[][]): UsageRow[] => {
      const rows: UsageRow[] = [];
      for (const record of records) {
        const row = reader.read(record);
        if (row) rows.push(row);
        else header = true;
      }
      return rows;
    };
    for await (const text of chunksOf(decodeUtf8(stream))) {
      const rows = rowsOf(tokenizer.push(text));
      if (rows.length > 0) yield rows;
    }
    const rows = rowsOf(tokenizer.end());
    if (rows.length > 0) yield rows;
    if (!header) throw new Error('csv_v2_0 file is empty: it has no header row.');
  } else if (format === 'json_v2_0') {
    const scanner = new JsonTenantsScanner();
    let index = 0;
    for await (const text of chunksOf(decodeUtf8(stream))) {
      const rows: UsageRow[] = [];
      for (const element of scanner.push(text)) rows.push(...elementUsageRows(element, index++, units));
      if (rows.length > 0) yield rows;
    }
    scanner.end();
  } else {
    throw new Error(`Usage rows can be read from csv_v2_0 and json_v2_0 files, not from ${String(format)}.`);
  }
}
