// The usage rows of a file a chunk at a time: one array per piece of text instead of one await per row. Callers
// that fold rows into something small (billing lines) then touch each row once, synchronously, and it dies young:
// per-row async iteration keeps a chunk's rows alive across hundreds of microtask turns, long enough for the
// garbage collector to promote them, and the heap then swells with the file's size before a full collection.

import { chunksOf } from './chunks.js';
import { JsonTenantsScanner } from './json-tenants.js';
import { decodeUtf8 } from './read.js';
import { CsvUsageScanner } from './usage-csv-scan.js';
import type { UsageUnits } from './units.js';
import { elementUsageRows } from './usage-json.js';
import type { UsageFormat, UsageRow } from './usage-row.js';

/** Bytes of a chunk decoded at a time (see below). */
const PIECE_BYTES = 32 * 1024;

/** The same rows as `parseUsageRows`, in file order, in batches (empty batches are skipped). */
export async function* usageRowBatches(
  stream: ReadableStream<Uint8Array>,
  format: UsageFormat,
  options: { units?: UsageUnits } = {},
): AsyncIterable<UsageRow[]> {
  const units = options.units ?? 'normalised';
  if (format === 'csv_v2_0') {
    // Decoded a piece at a time: a batch stays a few hundred rows whatever size of chunk the stream hands out, and
    // a decoded piece stays below V8's large-object size (a 64 KB chunk with one non-Latin-1 character decodes to a
    // 128 KB string, which V8 promotes to the old generation as soon as a young collection finds it alive).
    const scanner = new CsvUsageScanner(units);
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of chunksOf(stream)) {
      const bytes = bytesOf(chunk);
      for (let at = 0; at < bytes.byteLength; at += PIECE_BYTES) {
        const rows = scanner.push(decoder.decode(bytes.subarray(at, at + PIECE_BYTES), { stream: true }));
        if (rows.length > 0) yield rows;
      }
    }
    for (const rows of [scanner.push(decoder.decode()), scanner.end()]) if (rows.length > 0) yield rows;
    if (!scanner.sawHeader) throw new Error('csv_v2_0 file is empty: it has no header row.');
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

/** A chunk as a Uint8Array, whatever view or buffer the stream hands out (TextDecoderStream takes them all). */
function bytesOf(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return new Uint8Array(chunk as ArrayBuffer);
}
