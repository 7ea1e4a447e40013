// The batch reader behind billingLinesOfFile gives the rows parseUsageRows gives; a file reads as a pulled stream.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { billingLinesOfFile, billingLinesOfRows, fileWebStream, parseUsageRows, type UsageRow } from '../../src/node/index.js';
import { usageRowBatches } from '../../src/download/usage-batches.js';
import { csvOf, CUSTOMER_B, GIB, INFRA_1, streamOfText, type Row } from './rows.js';

const rows: Row[] = [
  { item: 'storage', infra: INFRA_1, backend: 'acronis', unit: 'bytes', absolute: [GIB, 2 * GIB, GIB] },
  { item: 'compute_points', absolute: [0, 0, 0], delta: [18, 18, 0] },
  { tenant: CUSTOMER_B, tenantName: 'Beta, "B"', item: 'pc_backup', sku: 'S1', absolute: [3, 3, 0] },
];

/** A stream handing out the text a few characters at a time, so rows and fields cross chunk boundaries. */
const trickle = (text: string, size: number): ReadableStream<Uint8Array> => {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else controller.enqueue(bytes.slice(at, (at += size)));
    },
  });
};

describe('usage rows in batches', () => {
  it('gives the rows of parseUsageRows, in order, whatever the chunking', async () => {
    const expected: UsageRow[] = [];
    for await (const row of parseUsageRows(streamOfText(csvOf(rows)), 'csv_v2_0', { units: 'file' })) expected.push(row);
    for (const size of [1, 7, 4096]) {
      const got: UsageRow[] = [];
      for await (const batch of usageRowBatches(trickle(csvOf(rows), size), 'csv_v2_0', { units: 'file' })) got.push(...batch);
      expect(got).toEqual(expected);
    }
  });

  it('refuses an empty csv_v2_0 file, as parseUsageRows does', async () => {
    const read = async () => {
      for await (const _batch of usageRowBatches(streamOfText(''), 'csv_v2_0')) void _batch;
    };
    await expect(read()).rejects.toThrow('csv_v2_0 file is empty: it has no header row.');
  });

  it('makes the same lines from a row iterable as from the file', async () => {
    const fromRows = await billingLinesOfRows(parseUsageRows(streamOfText(csvOf(rows)), 'csv_v2_0', { units: 'file' }));
    const fromFile = await billingLinesOfFile(trickle(csvOf(rows), 5), 'csv_v2_0');
    expect(fromRows).toEqual(fromFile);
    expect(fromFile.lines.map((l) => l.quantity)).toEqual([0.01, 2, 3]);
  });

  it('reads a file on disk as a web stream, a chunk per pull', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'core-file-stream-')), 'usage.csv');
    writeFileSync(path, csvOf(rows));
    const fromDisk = await billingLinesOfFile(fileWebStream(path, 10), 'csv_v2_0');
    expect(fromDisk).toEqual(await billingLinesOfFile(streamOfText(csvOf(rows)), 'csv_v2_0'));
    const reader = fileWebStream(path, 16).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe(csvOf(rows).slice(0, 16));
    await reader.cancel();
  });
});
